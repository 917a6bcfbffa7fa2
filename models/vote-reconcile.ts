import mongoose from 'mongoose';
import { EntryModel } from './entry.js';
import { VoteModel } from './vote.js';

// The live vote counters (vote-counts.ts), made right again after a process died holding votes
// it had not yet written to them.

interface Look {
  version: number;
  counter: number;
  actual: number;
}

/**
 * Corrects the live counters that drifted from the votes (a process died before writing a
 * second's votes to them). A counter is corrected only when two looks at least a write-interval
 * apart saw the same difference and no write in between (the entry's countVersion did not
 * move): a difference made by votes a live process has not written yet always moves it. The
 * correction is a compare-and-set on that version. Call it every few seconds; it keeps its first
 * look in `memory`.
 */
export async function reconcileVoteCounts(memory: Map<string, Look>): Promise<number> {
  const entries = await EntryModel.find(
    { status: 'published' },
    { voteCount: 1, countVersion: 1 },
  ).lean();
  const ids = entries.map((e) => e._id.toHexString());
  const counted = await VoteModel.aggregate<{ _id: string; n: number }>([
    { $match: { entryId: mongoose.trusted({ $in: ids }), voided: null } },
    { $group: { _id: '$entryId', n: { $sum: 1 } } },
  ]);
  const actual = new Map(counted.map((c) => [c._id, c.n]));
  let corrected = 0;
  const seen = new Map<string, Look>();
  for (const entry of entries) {
    const id = entry._id.toHexString();
    const look = {
      version: entry.countVersion ?? 0,
      counter: entry.voteCount ?? 0,
      actual: actual.get(id) ?? 0,
    };
    if (look.counter === look.actual) continue;
    seen.set(id, look);
    const before = memory.get(id);
    if (!before || before.version !== look.version || before.actual !== look.actual) continue;
    const set = await EntryModel.updateOne(
      { _id: entry._id, countVersion: look.version },
      { $set: { voteCount: look.actual }, $inc: { countVersion: 1 } },
    );
    if (set.modifiedCount === 1) corrected += 1;
    seen.delete(id);
  }
  memory.clear();
  for (const [id, look] of seen) memory.set(id, look);
  return corrected;
}
