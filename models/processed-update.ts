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
 * "Handled" is a document of its own beside the claim, inserted (grouped, as claims are) rather
 * than the claim updated: FerretDB 1.x's update holds one connection while it takes another, and
 * grouped into a bulk write it stopped for good; one update per newcomer was the largest single
 * cost of the busy night's database. (Claims written "done" by earlier versions still count.)
 */
const doneIdOf = (claimId: string) => `${claimId}:done`;

/**
 * Claims, and the "done" marks that follow them, that arrive together are written together (see
 * group-insert.ts): on the night a link goes round, every newcomer's /start is one of each.
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
  if (await isDone(_id)) return 'done';
  const abandoned = { at: mongoose.trusted({ $lte: new Date(now.getTime() - options.leaseMs) }) };
  const free = options.retrying
    ? { $or: [{ owner: options.owner }, abandoned] }
    : { owner: mongoose.trusted({ $ne: options.owner }), ...abandoned };
  const taken = await ProcessedUpdateModel.findOneAndUpdate(
    { _id, status: 'processing', ...free },
    { $set: { owner: options.owner, at: now } },
  ).lean();
  // Marked handled while it was being taken over: not again.
  if (taken) return (await isDone(_id)) ? 'done' : 'mine';
  // Gone meanwhile (released after a failure): claim it afresh on the next delivery.
  return 'busy';
}

/** Handled: its "done" beside the claim, or the claim itself marked so (earlier versions). */
async function isDone(claimId: string): Promise<boolean> {
  const [mark, claim] = await Promise.all([
    ProcessedUpdateModel.exists({ _id: doneIdOf(claimId) }),
    ProcessedUpdateModel.findById(claimId, { status: 1 }).lean(),
  ]);
  return Boolean(mark) || claim?.status === 'done';
}

export async function finishUpdate(
  platform: string,
  updateId: string,
  owner: string,
): Promise<void> {
  const _id = doneIdOf(idOf(platform, updateId));
  // A second "done" (a redelivery handled again after a lease ran out) changes nothing.
  await claims.insert({ _id, owner, status: 'done', at: new Date() });
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
