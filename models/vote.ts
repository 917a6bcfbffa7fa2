import mongoose, { Schema, model } from 'mongoose';
import type { UserRef } from '../handlers/protocol.js';
import type { CastResult, VoteStore } from '../handlers/ports.js';
import { EntryModel } from './entry.js';
import { GroupInsert } from './group-insert.js';
import { accountKey, personHash, utcHour } from './keys.js';
import { VoteCounts } from './vote-counts.js';

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
  /** The press that cast it (or moved it here): its redelivery is answered as that vote. */
  event: String,
  /** The entry number the last move came from, to answer a redelivered move the same way. */
  previous: Number,
  /**
   * The account ("telegram:123"), for the vote analysis (consecutive ids, how the voter arrived):
   * removed by /deleteme, after which the vote keeps only the hash.
   */
  voter: String,
  /** The voter's platform and language, and the hour (UTC) of the vote: the organisers' figures. */
  platform: String,
  lang: String,
  hour: String,
  /** The void (see voids.ts) that took this vote out of the count; it stays stored, marked. */
  voided: Number,
  /** The membership re-check found its voter had left the channel (see integrity.ts). */
  left: Boolean,
});
voteSchema.index({ entryId: 1, at: 1 });
voteSchema.index({ voided: 1 });
voteSchema.index({ voter: 1 });

export const VoteModel = model('Vote', voteSchema);

/**
 * Entries made before the live counter existed (a bot upgraded mid-contest) get it once, counted
 * from their votes. Run at connection, before taking updates; an entry that has the counter is
 * left alone.
 */
export async function fillMissingVoteCounts(): Promise<number> {
  const noCounter = { voteCount: mongoose.trusted({ $exists: false }) };
  const missing = await EntryModel.find(noCounter, { _id: 1 }).lean();
  for (const { _id } of missing) {
    const votes = await VoteModel.countDocuments({ entryId: _id.toHexString(), voided: null });
    await EntryModel.updateOne({ _id, ...noCounter }, { $set: { voteCount: votes } });
  }
  return missing.length;
}

/** Votes from accounts younger than this at the time of the vote count as "new account". */
const NEW_ACCOUNT_MS = 10 * 60 * 1000;
/** A vote is "in a burst" when its entry got at least BURST_VOTES votes in the minute up to it. */
const BURST_WINDOW_MS = 60 * 1000;
const BURST_VOTES = 10;

export function createVoteStore(secret: string, counts = new VoteCounts()): VoteStore {
  const hashOf = (voter: UserRef) => personHash(secret, voter);

  const idOf = (voter: UserRef, category: string) => `${hashOf(voter)}:${category}`;
  /** First votes that arrive together are written together (see group-insert.ts). */
  const inserts = new GroupInsert(
    () => VoteModel.collection as unknown as mongoose.mongo.Collection,
  );

  return {
    /**
     * One insert in the common case, a person's first vote in a category (written together with
     * the first votes that arrive at the same moment). When the vote exists,
     * it is read: on this entry it is "same"; on another it is moved with a compare-and-set on the
     * entry it was on, so two racing presses cannot both claim to have moved it from there.
     */
    async cast(voter, entry, at, voterSince, eventId, personKey): Promise<CastResult> {
      const person = personKey ?? hashOf(voter);
      const _id = `${person}:${entry.category}`;
      const set = {
        entryId: entry.id,
        entryNumber: entry.number,
        at,
        hour: utcHour(at),
        voterSince,
        ...(eventId ? { event: eventId } : {}),
      };
      for (let attempt = 0; ; attempt += 1) {
        const inserted = await inserts.insert({
          _id: _id as never,
          voterHash: person,
          voter: accountKey(voter),
          platform: voter.platform,
          ...(voter.lang ? { lang: voter.lang } : {}),
          category: entry.category,
          ...set,
          previous: null,
        });
        if (inserted === 'inserted') {
          counts.add(entry.id, 1);
          return { outcome: 'new' };
        }
        const current = await VoteModel.findById(_id).lean();
        // This very press, delivered again after its vote landed: the answer it should have had.
        if (current?.entryId === entry.id && eventId && current.event === eventId)
          return current.previous !== undefined && current.previous !== null
            ? { outcome: 'moved', fromNumber: current.previous }
            : { outcome: 'new' };
        if (current?.entryId === entry.id) return { outcome: 'same' };
        if (current) {
          const moved = await VoteModel.updateOne(
            { _id, entryId: current.entryId },
            { $set: { ...set, previous: current.entryNumber } },
          );
          if (moved.modifiedCount === 1) {
            // A voided vote moves with its mark: it counted nowhere and still does not.
            if (current.voided === undefined || current.voided === null) {
              counts.add(current.entryId, -1);
              counts.add(entry.id, 1);
            }
            return { outcome: 'moved', fromNumber: current.entryNumber };
          }
        }
        // Another press of the same person changed the vote between the read and the write.
        if (attempt >= 10) throw new Error(`vote ${_id}: too many concurrent changes`);
      }
    },

    countFor: (entryId) => counts.countFor(entryId),

    phoneKey: (phone) => personHash(secret, { platform: 'phone', id: phone }),

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
