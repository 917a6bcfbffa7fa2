import mongoose, { Schema, model } from 'mongoose';
import { isDuplicateKey } from './errors.js';

// A platform's rate limit belongs to the bot, not to a process: Telegram counts about 30
// messages a second for the whole bot. So one process at a time sends a platform's outbox.
//
// Time is cut into slices of a few seconds; the process that inserts a slice's token holds the
// platform for that slice, and the holder takes the next slice's token before the slice ends.
// Inserting a token is atomic on every Mongo-wire server (the unique _id), so two processes never
// hold the same slice; a conditional update would not do on FerretDB 1.x, which does not isolate
// updates. When the holder dies, nobody took the next slice: any process takes it when it
// begins, a slice later at most.

export const SLICE_MS = 3_000;

const senderLeaseSchema = new Schema({
  /** "<platform>:<slice number>" */
  _id: { type: String, required: true },
  owner: { type: String, required: true },
  at: { type: Date, required: true },
});
export const SenderLeaseModel = model('SenderLease', senderLeaseSchema);

const sliceOf = (at: number) => Math.floor(at / SLICE_MS);
const tokenOf = (platform: string, slice: number) => `${platform}:${slice}`;

async function take(platform: string, slice: number, owner: string): Promise<boolean> {
  try {
    await SenderLeaseModel.create({ _id: tokenOf(platform, slice), owner, at: new Date() });
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const token = await SenderLeaseModel.findById(tokenOf(platform, slice), { owner: 1 }).lean();
    return token?.owner === owner;
  }
}

/**
 * Until when this process may send for the platform (0: another process holds it now). The
 * holder also takes the next slice once a third of this one has passed (it stops sending a
 * second before its lease ends: the renewal has the second third to be written).
 */
export async function holdSenderLease(
  platform: string,
  owner: string,
  now = Date.now(),
): Promise<number> {
  const slice = sliceOf(now);
  if (!(await take(platform, slice, owner))) return 0;
  const pastThird = now - slice * SLICE_MS >= SLICE_MS / 3;
  const next = pastThird && (await take(platform, slice + 1, owner));
  return (slice + (next ? 2 : 1)) * SLICE_MS;
}

/** Gives up the slices this process holds, so another takes over at once (a graceful stop). */
export async function releaseSenderLease(platform: string, owner: string): Promise<void> {
  const slice = sliceOf(Date.now());
  await SenderLeaseModel.deleteMany({
    _id: mongoose.trusted({ $in: [tokenOf(platform, slice), tokenOf(platform, slice + 1)] }),
    owner,
  });
}

/** Tokens of slices long past. */
export async function forgetSenderLeasesBefore(when: Date): Promise<number> {
  const result = await SenderLeaseModel.deleteMany({ at: mongoose.trusted({ $lt: when }) });
  return result.deletedCount;
}
