import mongoose, { Schema, model } from 'mongoose';
import type { ResultStore, TallyRow } from '../handlers/ports.js';
import { EntryModel } from './entry.js';
import { isDuplicateKey } from './errors.js';
import { VoteModel } from './vote.js';

// Tallies are counted from the stored votes every time, never kept as counters that could drift
// (the counter on each entry only feeds the cards while voting). At the close of voting they are
// frozen once, under a fixed id, and from then on cards show the frozen figures.

const resultSchema = new Schema({
  _id: { type: String, required: true },
  at: { type: Date, required: true },
  rows: { type: [Schema.Types.Mixed], default: [] },
});
export const ResultModel = model('Result', resultSchema);

const FINAL = 'final';

export const mongoResultStore: ResultStore = {
  async tally() {
    const entries = await EntryModel.find(
      { status: 'published' },
      { number: 1, category: 1, author: 1 },
    ).lean();
    const counts = await VoteModel.aggregate<{ _id: string; n: number }>([
      {
        $match: {
          entryId: mongoose.trusted({ $in: entries.map((e) => e._id.toHexString()) }),
          // Voided votes stay stored, marked, and do not count.
          voided: null,
        },
      },
      { $group: { _id: '$entryId', n: { $sum: 1 } } },
    ]);
    const byEntry = new Map(counts.map((c) => [c._id, c.n]));
    return entries.map((e): TallyRow => ({
      entryId: e._id.toHexString(),
      number: e.number,
      category: e.category,
      author: { platform: e.author.platform, id: e.author.id },
      votes: byEntry.get(e._id.toHexString()) ?? 0,
    }));
  },

  async freeze(rows, at) {
    try {
      await ResultModel.create({ _id: FINAL, at, rows });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  },

  async refreeze(rows, at) {
    await ResultModel.updateOne({ _id: FINAL }, { $set: { rows, at } });
  },

  async frozen() {
    const doc = await ResultModel.findById(FINAL).lean();
    return doc ? { at: doc.at, rows: doc.rows as TallyRow[] } : null;
  },
};
