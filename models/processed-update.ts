import mongoose, { Schema, model } from 'mongoose';
import { isDuplicateKey } from './errors.js';

// Platforms deliver an update again when they are not sure we got it. Each id is claimed once:
// the claim's _id ("telegram:123456") makes a redelivery see "already claimed". A claim left
// "processing" by a process that is gone (a crash before the platform got the confirmation) is
// taken over, so the redelivery after the crash is processed instead of dropped.
const processedUpdateSchema = new Schema({
  _id: { type: String, required: true },
  status: { type: String, enum: ['processing', 'done'], required: true },
  /** The process (boot) that claimed it. */
  owner: { type: String, required: true },
  at: { type: Date, required: true },
});
processedUpdateSchema.index({ at: 1 });

export const ProcessedUpdateModel = model('ProcessedUpdate', processedUpdateSchema);

const idOf = (platform: string, updateId: string) => `${platform}:${updateId}`;

/**
 * True when this process may handle the update: nobody saw it, or its claimant died. With long
 * polling there is one consumer, so another owner's claim means a process that is gone
 * (`takeOverAfterMs` 0). Behind a load balancer the other owner may be alive and busy with it:
 * only a claim older than any handler could take is taken over.
 */
export async function claimUpdate(
  platform: string,
  updateId: string,
  owner: string,
  takeOverAfterMs = 0,
): Promise<boolean> {
  const _id = idOf(platform, updateId);
  try {
    await ProcessedUpdateModel.create({ _id, owner, status: 'processing', at: new Date() });
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const takenOver = await ProcessedUpdateModel.findOneAndUpdate(
    {
      _id,
      status: 'processing',
      owner: mongoose.trusted({ $ne: owner }),
      at: mongoose.trusted({ $lte: new Date(Date.now() - takeOverAfterMs) }),
    },
    { $set: { owner, at: new Date() } },
  ).lean();
  return takenOver !== null;
}

export async function finishUpdate(platform: string, updateId: string): Promise<void> {
  await ProcessedUpdateModel.updateOne(
    { _id: idOf(platform, updateId) },
    { $set: { status: 'done' } },
  );
}

/** Lets a redelivery of an update that failed be processed again. */
export async function releaseUpdate(platform: string, updateId: string): Promise<void> {
  await ProcessedUpdateModel.deleteOne({ _id: idOf(platform, updateId) });
}

/** Forgets ids older than any redelivery could be (TTL indexes are not on every Mongo-wire server). */
export async function forgetUpdatesBefore(when: Date): Promise<number> {
  const result = await ProcessedUpdateModel.deleteMany({ at: mongoose.trusted({ $lt: when }) });
  return result.deletedCount;
}
