import mongoose, { Schema, model } from 'mongoose';
import { isDuplicateKey } from './errors.js';

// Events a platform pushed to us (the VK Callback API), kept before the platform is told "ok":
// the platform will not send them again, so from then on the database holds them. A process
// takes one with a short lease and handles it; one that died holding it (killed right after
// "ok") leaves it to the next process that looks once the lease has run out. Once handled, only
// the id stays, so a late duplicate is recognised; the event itself (a person's message) goes.

const inboxSchema = new Schema({
  /** "<platform>:<the platform's event id>". */
  _id: { type: String, required: true },
  platform: { type: String, required: true },
  /** The event as the platform sent it (JSON text), until it is handled. */
  body: { type: String },
  status: { type: String, enum: ['pending', 'done'], required: true },
  attempts: { type: Number, default: 0 },
  /** Not before this (a try that met the database away waits a little). */
  nextAt: { type: Date, required: true },
  leaseOwner: String,
  leaseUntil: Date,
  at: { type: Date, required: true },
});
inboxSchema.index({ status: 1, nextAt: 1 });

export const InboxModel = model('Inbox', inboxSchema);

export interface InboxRow {
  id: string;
  body: string;
}

/**
 * Keeps an event, leased to `owner` (who handles it at once); false when it was kept before (a
 * redelivery of an event already in the inbox).
 */
export async function keepInInbox(
  platform: string,
  eventId: string,
  body: string,
  owner: string,
  leaseMs: number,
): Promise<boolean> {
  const now = new Date();
  try {
    await InboxModel.create({
      _id: `${platform}:${eventId}`,
      platform,
      body,
      status: 'pending',
      nextAt: now,
      leaseOwner: owner,
      leaseUntil: new Date(now.getTime() + leaseMs),
      at: now,
    });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** Takes up to `limit` pending events whose lease ran out (or that nobody holds). */
export async function claimInbox(
  platform: string,
  owner: string,
  limit: number,
  leaseMs: number,
): Promise<InboxRow[]> {
  const now = new Date();
  const due = {
    platform,
    status: 'pending' as const,
    nextAt: mongoose.trusted({ $lte: now }),
    $or: [
      { leaseUntil: mongoose.trusted({ $exists: false }) },
      { leaseUntil: null },
      { leaseUntil: mongoose.trusted({ $lt: now }) },
    ],
  };
  const candidates = await InboxModel.find(due, { _id: 1 }).sort({ at: 1 }).limit(limit).lean();
  const rows: InboxRow[] = [];
  for (const { _id } of candidates) {
    const row = await InboxModel.findOneAndUpdate(
      { _id, ...due },
      {
        $set: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) },
        $inc: { attempts: 1 },
      },
      { returnDocument: 'after' },
    ).lean();
    if (row?.body) rows.push({ id: row._id, body: row.body });
  }
  return rows;
}

/** Handled: only the id stays, to recognise a late duplicate. */
export async function finishInbox(id: string): Promise<void> {
  await InboxModel.updateOne({ _id: id }, { $set: { status: 'done' }, $unset: { body: 1 } });
}

/** Not handled (the database was away): free it for another try at `at`. */
export async function retryInboxLater(id: string, at: Date): Promise<void> {
  await InboxModel.updateOne({ _id: id }, { $set: { nextAt: at }, $unset: { leaseUntil: 1 } });
}

/** Handled events older than any redelivery. */
export async function forgetInboxBefore(when: Date): Promise<number> {
  const result = await InboxModel.deleteMany({
    status: 'done',
    at: mongoose.trusted({ $lt: when }),
  });
  return result.deletedCount;
}
