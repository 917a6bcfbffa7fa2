import { createHmac } from 'node:crypto';
import mongoose, { Schema, model } from 'mongoose';
import type { CastResult, Entry, UserRef, VoteStore } from '../handlers/ports.js';
import { isDuplicateKey } from './errors.js';

// A vote names its voter only by a keyed one-way hash of the account. That is what lets the
// rule "one vote per person per category" outlive /deleteme without keeping who the person is.
const voteSchema = new Schema({
  /** "<voterHash>:<category>": the rule itself, one vote per person per category, is the id. */
  _id: { type: String, required: true },
  voterHash: { type: String, required: true },
  category: { type: String, required: true },
  entryId: { type: String, required: true },
  entryNumber: { type: Number, required: true },
  at: { type: Date, required: true },
  /** When the voter's account first wrote to the bot: a signal for moderators, not an identity. */
  voterSince: { type: Date, required: true },
});
voteSchema.index({ entryId: 1, at: 1 });

export const VoteModel = model('Vote', voteSchema);

/** Votes from accounts younger than this at the time of the vote count as "new account". */
const NEW_ACCOUNT_MS = 10 * 60 * 1000;
/** A vote is "in a burst" when its entry got at least BURST_VOTES votes in the minute up to it. */
const BURST_WINDOW_MS = 60 * 1000;
const BURST_VOTES = 10;

export function createVoteStore(secret: string): VoteStore {
  const hashOf = (voter: UserRef) =>
    createHmac('sha256', secret).update(`${voter.platform}:${voter.id}`).digest('base64url');

  const idOf = (voter: UserRef, category: string) => `${hashOf(voter)}:${category}`;

  /**
   * One write in the common case: insert the vote, or move it from another entry. The filter
   * excludes a vote already on this entry, so pressing again does not touch it: the upsert then
   * collides with the existing _id, which says "same".
   */
  async function moveOrInsert(voter: UserRef, entry: Entry, at: Date, voterSince: Date) {
    const set = { entryId: entry.id, entryNumber: entry.number, at, voterSince };
    return VoteModel.findOneAndUpdate(
      { _id: idOf(voter, entry.category), entryId: mongoose.trusted({ $ne: entry.id }) },
      { $set: set, $setOnInsert: { voterHash: hashOf(voter), category: entry.category } },
      { upsert: true, returnDocument: 'before' },
    ).lean();
  }

  return {
    async cast(voter, entry, at, voterSince): Promise<CastResult> {
      for (let attempt = 0; ; attempt += 1) {
        try {
          const before = await moveOrInsert(voter, entry, at, voterSince);
          return before ? { outcome: 'moved', fromNumber: before.entryNumber } : { outcome: 'new' };
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          // The vote exists: on this entry ("same"), or a racing first press just inserted it.
          const current = await VoteModel.findById(idOf(voter, entry.category)).lean();
          if (current?.entryId === entry.id) return { outcome: 'same' };
          // Only a storm of presses by one person racing on several entries gets here again.
          if (attempt >= 10) throw error;
        }
      }
    },

    async countFor(entryId) {
      return VoteModel.countDocuments({ entryId });
    },

    async choiceOf(voter, category) {
      const vote = await VoteModel.findById(idOf(voter, category)).lean();
      return vote?.entryId ?? null;
    },

    async signals(entryId) {
      const votes = await VoteModel.find({ entryId }, { at: 1, voterSince: 1 })
        .sort({ at: 1 })
        .lean();
      const times = votes.map((v) => v.at.getTime());
      let inBursts = 0;
      let start = 0;
      times.forEach((t, i) => {
        while (times[start]! < t - BURST_WINDOW_MS) start += 1;
        if (i - start + 1 >= BURST_VOTES) inBursts += 1;
      });
      const newAccounts = votes.filter(
        (v) => v.at.getTime() - v.voterSince.getTime() < NEW_ACCOUNT_MS,
      ).length;
      return { total: votes.length, newAccounts, inBursts };
    },
  };
}
