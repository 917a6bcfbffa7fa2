import mongoose, { Schema, model } from 'mongoose';
import { isDuplicateKey } from './errors.js';

// A platform's rate limit belongs to the bot, not to a process: Telegram counts about 30
// messages a second for the whole bot. So one process at a time sends a platform's outbox: the
// one holding this lease, which it renews while it lives. Another takes over when it runs out.

const senderLeaseSchema = new Schema({
  /** The platform. */
  _id: { type: String, required: true },
  owner: { type: String, required: true },
  until: { type: Date, required: true },
});
export const SenderLeaseModel = model('SenderLease', senderLeaseSchema);

export interface LeaseResult {
  held: boolean;
  /** The process this one just took the lease over from (it died, or stopped). */
  takenFrom?: string;
}

export async function holdSenderLease(
  platform: string,
  owner: string,
  leaseMs: number,
): Promise<LeaseResult> {
  const now = new Date();
  try {
    const before = await SenderLeaseModel.findOneAndUpdate(
      { _id: platform, $or: [{ owner }, { until: mongoose.trusted({ $lt: now }) }] },
      { $set: { owner, until: new Date(now.getTime() + leaseMs) } },
      { upsert: true, returnDocument: 'before' },
    ).lean();
    return before && before.owner !== owner
      ? { held: true, takenFrom: before.owner }
      : { held: true };
  } catch (error) {
    // Held by a live process: the upsert found nothing to update and could not insert.
    if (isDuplicateKey(error)) return { held: false };
    throw error;
  }
}

/** Lets another process take over at once (a graceful stop). */
export async function releaseSenderLease(platform: string, owner: string): Promise<void> {
  await SenderLeaseModel.updateOne({ _id: platform, owner }, { $set: { until: new Date(0) } });
}
