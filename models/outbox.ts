import mongoose, { Schema, model } from 'mongoose';
import type { Outbox, OutboxItem, Platform, Reply } from '../handlers/ports.js';
import { isDuplicateKey } from './errors.js';

// The durable outbox: every message the bot sends unprompted is a row here first. A sender
// claims rows with a lease (safe with several processes), sends, and records the outcome. A crash
// loses nothing: a lease that runs out makes its rows claimable again.

const outboxSchema = new Schema({
  /** The purpose and the recipient ("voting-opened:telegram:42"): one message per key, ever. */
  _id: { type: String, required: true },
  platform: { type: String, required: true },
  /** The message as JSON text: keyboards are arrays of arrays, which FerretDB cannot store. */
  reply: { type: String, required: true },
  status: { type: String, enum: ['pending', 'sending', 'sent', 'failed'], required: true },
  attempts: { type: Number, default: 0 },
  nextAt: { type: Date, required: true },
  leaseOwner: String,
  leaseUntil: Date,
  lastError: String,
  createdAt: { type: Date, required: true },
  sentAt: Date,
});
outboxSchema.index({ status: 1, platform: 1, nextAt: 1 });

export const OutboxModel = model('Outbox', outboxSchema);

const CLAIM_PARALLEL = 8;

export interface OutboxRow {
  id: string;
  reply: Reply;
  attempts: number;
}

export type OutboxCounts = Record<'pending' | 'sending' | 'sent' | 'failed', number>;

export const mongoOutbox: Outbox = {
  async enqueue(items: OutboxItem[]) {
    if (!items.length) return 0;
    const now = new Date();
    const docs = items.map((i, n) => ({
      _id: i.key,
      platform: i.reply.to.platform,
      reply: JSON.stringify(i.reply),
      status: 'pending',
      attempts: 0,
      // A millisecond apart, so the sender keeps the order in which they were queued.
      nextAt: new Date(now.getTime() + n),
      createdAt: now,
    }));
    try {
      const inserted = await OutboxModel.insertMany(docs, { ordered: false });
      return inserted.length;
    } catch (error) {
      // Keys already queued are the point of the key: count what was new, ignore the rest.
      const e = error as { insertedDocs?: unknown[]; writeErrors?: unknown[] };
      if (!e.writeErrors?.every(isDuplicateKey)) throw error;
      return e.insertedDocs?.length ?? 0;
    }
  },
};

/** Claims up to `limit` rows that are due (or whose sender's lease ran out) for this owner. */
export async function claimDue(
  platform: Platform,
  owner: string,
  limit: number,
  leaseMs: number,
): Promise<OutboxRow[]> {
  const now = new Date();
  // sanitizeFilter turns operators into plain values unless marked trusted, one by one.
  const due = {
    platform,
    $or: [
      { status: 'pending' as const, nextAt: mongoose.trusted({ $lte: now }) },
      { status: 'sending' as const, leaseUntil: mongoose.trusted({ $lt: now }) },
    ],
  };
  const candidates = await OutboxModel.find(due, { _id: 1 })
    .sort({ nextAt: 1 })
    .limit(limit)
    .lean();
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const rows: OutboxRow[] = [];
  // One atomic step per row, by _id: a row another sender took in between is skipped. A few at
  // a time, in the order they are due.
  for (let i = 0; i < candidates.length; i += CLAIM_PARALLEL) {
    const claimed = await Promise.all(
      candidates
        .slice(i, i + CLAIM_PARALLEL)
        .map(({ _id }) =>
          OutboxModel.findOneAndUpdate(
            { _id, ...due },
            { $set: { status: 'sending', leaseOwner: owner, leaseUntil } },
            { returnDocument: 'after' },
          ).lean(),
        ),
    );
    for (const row of claimed) {
      if (row)
        rows.push({ id: row._id, reply: JSON.parse(row.reply) as Reply, attempts: row.attempts });
    }
  }
  return rows;
}

export async function markSent(id: string): Promise<void> {
  await OutboxModel.updateOne({ _id: id }, { $set: { status: 'sent', sentAt: new Date() } });
}

/** Back to the queue for another try at `at` (a passing failure, a 429, a chat not ready yet). */
export async function retryLater(
  id: string,
  at: Date,
  error: string | undefined,
  counts: boolean,
): Promise<void> {
  await OutboxModel.updateOne(
    { _id: id },
    {
      $set: { status: 'pending', nextAt: at, ...(error ? { lastError: error } : {}) },
      ...(counts ? { $inc: { attempts: 1 } } : {}),
    },
  );
}

export async function markFailed(id: string, error: string): Promise<void> {
  await OutboxModel.updateOne(
    { _id: id },
    { $set: { status: 'failed', lastError: error }, $inc: { attempts: 1 } },
  );
}

/** Gives back the rows this sender claimed and did not send (a graceful stop). */
export async function releaseLeases(owner: string): Promise<void> {
  await OutboxModel.updateMany(
    { status: 'sending', leaseOwner: owner },
    { $set: { status: 'pending' } },
  );
}

export async function outboxCounts(): Promise<OutboxCounts> {
  const rows = await OutboxModel.aggregate<{ _id: keyof OutboxCounts; n: number }>([
    { $group: { _id: '$status', n: { $sum: 1 } } },
  ]);
  const counts: OutboxCounts = { pending: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r._id] = r.n;
  return counts;
}
