import mongoose, { Schema, model } from 'mongoose';
import { GroupInsert } from './group-insert.js';

// Platforms deliver an update again when they are not sure we got it. Each id is claimed once:
// the claim's _id ("telegram:123456") makes a redelivery see "already claimed". What a redelivery
// is told depends on the claim: handled ("done": answer 2xx and do nothing), being handled by a
// live process ("busy": answer non-2xx, so the platform delivers it again later), or abandoned by
// a process that died or failed on it ("mine": handle it now).
const processedUpdateSchema = new Schema({
  _id: { type: String, required: true },
  status: { type: String, enum: ['processing', 'done'], required: true },
  /** The process (boot) that claimed it. */
  owner: { type: String, required: true },
  /** When it was claimed: the claim is held for the lease from then on. */
  at: { type: Date, required: true },
});
processedUpdateSchema.index({ at: 1 });

export const ProcessedUpdateModel = model('ProcessedUpdate', processedUpdateSchema);

const idOf = (platform: string, updateId: string) => `${platform}:${updateId}`;

/**
 * Claims that arrive together are written together (see group-insert.ts): on the night a link
 * goes round, every newcomer's /start is a claim.
 */
const claims = new GroupInsert(
  () => ProcessedUpdateModel.collection as unknown as mongoose.mongo.Collection,
);

export type UpdateClaim = 'mine' | 'done' | 'busy';

export interface ClaimOptions {
  /** Names this process (boot). */
  owner: string;
  /**
   * How long another process's claim holds. With one consumer (long polling) another owner is a
   * process that died: 0. Behind a load balancer it may be alive and busy with the update.
   */
  leaseMs: number;
  /** This process failed on the update before (the database was away): its own claim is free. */
  retrying: boolean;
}

export async function claimUpdate(
  platform: string,
  updateId: string,
  options: ClaimOptions,
): Promise<UpdateClaim> {
  const _id = idOf(platform, updateId);
  const now = new Date();
  const claim = { _id, owner: options.owner, status: 'processing', at: now };
  if ((await claims.insert(claim)) === 'inserted') return 'mine';
  const abandoned = { at: mongoose.trusted({ $lte: new Date(now.getTime() - options.leaseMs) }) };
  const free = options.retrying
    ? { $or: [{ owner: options.owner }, abandoned] }
    : { owner: mongoose.trusted({ $ne: options.owner }), ...abandoned };
  const taken = await ProcessedUpdateModel.findOneAndUpdate(
    { _id, status: 'processing', ...free },
    { $set: { owner: options.owner, at: now } },
  ).lean();
  if (taken) return 'mine';
  const current = await ProcessedUpdateModel.findById(_id, { status: 1 }).lean();
  // Gone meanwhile (released after a failure): claim it afresh on the next delivery.
  return current?.status === 'done' ? 'done' : 'busy';
}

export async function finishUpdate(platform: string, updateId: string): Promise<void> {
  // One by one: grouped into a bulk write, FerretDB 1.x stopped for good (each update there holds
  // a connection while it takes another).
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
