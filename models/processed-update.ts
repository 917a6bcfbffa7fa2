import mongoose, { Schema, model } from 'mongoose';
import { isDuplicateKey } from './errors.js';

// Platforms deliver an update again when they are not sure we got it. Each id is claimed once;
// the unique index makes a redelivery, or a second process, see "already claimed".
const processedUpdateSchema = new Schema({
  platform: { type: String, required: true },
  updateId: { type: String, required: true },
  at: { type: Date, required: true },
});
processedUpdateSchema.index({ platform: 1, updateId: 1 }, { unique: true });
processedUpdateSchema.index({ at: 1 });

export const ProcessedUpdateModel = model('ProcessedUpdate', processedUpdateSchema);

/** True when this call is the first to see the update. */
export async function claimUpdate(platform: string, updateId: string): Promise<boolean> {
  try {
    await ProcessedUpdateModel.create({ platform, updateId, at: new Date() });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** Lets a redelivery of an update that failed be processed again. */
export async function releaseUpdate(platform: string, updateId: string): Promise<void> {
  await ProcessedUpdateModel.deleteOne({ platform, updateId });
}

/** Forgets ids older than any redelivery could be (TTL indexes are not on every Mongo-wire server). */
export async function forgetUpdatesBefore(when: Date): Promise<number> {
  const result = await ProcessedUpdateModel.deleteMany({ at: mongoose.trusted({ $lt: when }) });
  return result.deletedCount;
}
