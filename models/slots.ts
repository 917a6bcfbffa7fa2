import mongoose, { Schema, model } from 'mongoose';
import { isDuplicateKey } from './errors.js';

// Work that one process of many should do every so often (checking the vote counters): each
// process asks for the slot when its timer fires, and the first one in an interval gets it.

const slotSchema = new Schema({
  _id: { type: String, required: true },
  owner: { type: String, required: true },
  at: { type: Date, required: true },
});
export const SlotModel = model('Slot', slotSchema);

/** True when this process should do the work now: nobody did it in the last `everyMs`. */
export async function takeSlot(name: string, owner: string, everyMs: number): Promise<boolean> {
  const now = new Date();
  try {
    // Updated (its time had come) or inserted (the first time ever): ours either way.
    await SlotModel.findOneAndUpdate(
      { _id: name, at: mongoose.trusted({ $lte: new Date(now.getTime() - everyMs) }) },
      { $set: { owner, at: now } },
      { upsert: true },
    ).lean();
    return true;
  } catch (error) {
    // Someone else has it this interval: the upsert found nothing to update and could not insert.
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}
