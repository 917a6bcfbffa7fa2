import mongoose, { Schema, model } from 'mongoose';
import type { AuditRecord, VoidSelection, VoidStore, VoteAccount } from '../handlers/fraud.js';
import type { Moderator } from '../handlers/ports.js';
import { EntryModel } from './entry.js';
import { isDuplicateKey } from './errors.js';
import { FraudClusterModel } from './fraud.js';
import { personHash } from './keys.js';
import { nextInSequence } from './sequence.js';
import type { VoteCounts } from './vote-counts.js';
import { VoteModel } from './vote.js';

// Voids: a moderator takes votes out of the count, always with a reason. The votes stay stored,
// marked with the void's number, and a void can be undone. Every void and undo is a line of the
// audit log, which is only ever appended to: no code path changes or removes a line.

const personSchema = new Schema({ platform: String, id: String, name: String }, { _id: false });

const voidSchema = new Schema({
  _id: { type: Number, required: true },
  at: { type: Date, required: true },
  by: { type: personSchema, required: true },
  selection: { type: Schema.Types.Mixed, required: true },
  reason: { type: String, required: true },
  /** Set for a void the bot made itself: the reason is this message key, said in each language. */
  reasonKey: String,
  /** How many votes it took out of the count. */
  votes: { type: Number, default: 0 },
  undone: { type: new Schema({ at: Date, by: personSchema, reason: String }, { _id: false }) },
});
export const VoidModel = model('Void', voidSchema);

const auditSchema = new Schema({
  _id: { type: Number, required: true },
  at: { type: Date, required: true },
  by: { type: personSchema, required: true },
  action: { type: String, enum: ['void', 'undo'], required: true },
  void: { type: Number, required: true },
  selection: { type: Schema.Types.Mixed, required: true },
  votes: { type: Number, required: true },
  reason: { type: String, required: true },
});
export const AuditModel = model('Audit', auditSchema);

/** Inserts under the next number of a sequence, asking again when it was taken (see sequence.ts). */
async function insertNumbered(
  sequence: string,
  insert: (seq: number) => Promise<unknown>,
): Promise<number> {
  for (let attempt = 0; ; attempt += 1) {
    const seq = await nextInSequence(sequence);
    try {
      await insert(seq);
      return seq;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt >= 20) throw error;
    }
  }
}

function byEntry(votes: { entryId: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of votes) counts.set(v.entryId, (counts.get(v.entryId) ?? 0) + 1);
  return counts;
}

function moderator(by: Moderator) {
  return { platform: by.platform, id: by.id, ...(by.name ? { name: by.name } : {}) };
}

/** The counted votes a selection names; null when it names nothing that exists. */
async function selected(secret: string, selection: VoidSelection): Promise<string[] | null> {
  const counted = { voided: null };
  if (selection.kind === 'cluster') {
    const cluster = await FraudClusterModel.findById(selection.code, { voteIds: 1 }).lean();
    if (!cluster) return null;
    const votes = await VoteModel.find(
      { _id: mongoose.trusted({ $in: cluster.voteIds }), ...counted },
      { _id: 1 },
    ).lean();
    return votes.map((v) => v._id);
  }
  if (selection.kind === 'left') {
    const votes = await VoteModel.find({ left: true, ...counted }, { _id: 1 }).lean();
    return votes.map((v) => v._id);
  }
  if (selection.kind === 'voter') {
    const votes = await VoteModel.find(
      { voterHash: personHash(secret, selection.voter), ...counted },
      { _id: 1 },
    ).lean();
    return votes.map((v) => v._id);
  }
  const entry = await EntryModel.findOne({ number: selection.number }, { _id: 1 }).lean();
  if (!entry) return null;
  const votes = await VoteModel.find(
    {
      entryId: entry._id.toHexString(),
      at: mongoose.trusted({ $gte: selection.from, $lte: selection.to }),
      ...counted,
    },
    { _id: 1 },
  ).lean();
  return votes.map((v) => v._id);
}

async function audit(
  action: 'void' | 'undo',
  id: number,
  selection: VoidSelection,
  votes: number,
  reason: string,
  by: Moderator,
  at: Date,
): Promise<void> {
  await insertNumbered('audit', (seq) =>
    AuditModel.create({
      _id: seq,
      at,
      by: moderator(by),
      action,
      void: id,
      selection,
      votes,
      reason,
    }),
  );
}

async function auditLog(): Promise<AuditRecord[]> {
  const rows = await AuditModel.find().sort({ _id: 1 }).lean();
  return rows.map((r): AuditRecord => ({
    seq: r._id,
    at: r.at,
    by: {
      platform: r.by.platform ?? '',
      id: r.by.id ?? '',
      ...(r.by.name ? { name: r.by.name } : {}),
    },
    action: r.action as AuditRecord['action'],
    void: r.void,
    selection: r.selection as VoidSelection,
    votes: r.votes,
    reason: r.reason,
  }));
}

async function voteAccounts(): Promise<VoteAccount[]> {
  // Counted in code, not by an aggregation: FerretDB 1.x lacks $cond in $group, and the
  // report is made once, after the results.
  const published = await EntryModel.find({ status: 'published' }, { _id: 1 }).lean();
  const votes = await VoteModel.find(
    { entryId: mongoose.trusted({ $in: published.map((e) => e._id.toHexString()) }) },
    { category: 1, voided: 1, voterHash: 1 },
  ).lean();
  const accounts = new Map<string, VoteAccount & { hashes: Set<string> }>();
  for (const v of votes) {
    const account = accounts.get(v.category) ?? {
      category: v.category,
      counted: 0,
      voided: 0,
      voters: 0,
      hashes: new Set<string>(),
    };
    if (v.voided) account.voided += 1;
    else {
      account.counted += 1;
      account.hashes.add(v.voterHash);
    }
    accounts.set(v.category, account);
  }
  return [...accounts.values()].map(({ hashes, ...a }) => ({ ...a, voters: hashes.size }));
}

async function voidedByReason(): Promise<{ reason: string | { key: string }; votes: number }[]> {
  const voids = await VoidModel.find({ undone: null }, { reason: 1, reasonKey: 1 }).lean();
  // A key is kept apart from a moderator's words that happen to read the same.
  const reasons = new Map(
    voids.map((v) => [v._id, v.reasonKey ? `key:${v.reasonKey}` : `text:${v.reason}`]),
  );
  const counts = await VoteModel.aggregate<{ _id: number; n: number }>([
    { $match: { voided: mongoose.trusted({ $in: [...reasons.keys()] }) } },
    { $group: { _id: '$voided', n: { $sum: 1 } } },
  ]);
  const byReason = new Map<string, number>();
  for (const c of counts) {
    const reason = reasons.get(c._id) ?? '';
    byReason.set(reason, (byReason.get(reason) ?? 0) + c.n);
  }
  return [...byReason].map(([reason, votes]) => ({
    reason: reason.startsWith('key:') ? { key: reason.slice(4) } : reason.slice(5),
    votes,
  }));
}

export function createVoidStore(secret: string, counts: VoteCounts): VoidStore {
  return {
    async void(selection, given, by, at) {
      const ids = await selected(secret, selection);
      if (!ids?.length) return null;
      const reason = typeof given === 'string' ? given : given.key;
      const reasonKey = typeof given === 'string' ? {} : { reasonKey: given.key };
      // The void is recorded first, then marks the votes; what it marked is read back, so a
      // vote another void took meanwhile is counted once, by that one.
      const id = await insertNumbered('voids', (seq) =>
        VoidModel.create({ _id: seq, at, by: moderator(by), selection, reason, ...reasonKey }),
      );
      await VoteModel.updateMany(
        { _id: mongoose.trusted({ $in: ids }), voided: null },
        { $set: { voided: id } },
      );
      const taken = await VoteModel.find({ voided: id }, { entryId: 1 }).lean();
      for (const [entryId, n] of byEntry(taken)) counts.add(entryId, -n);
      await VoidModel.updateOne({ _id: id }, { $set: { votes: taken.length } });
      await audit('void', id, selection, taken.length, reason, by, at);
      return { id, votes: taken.length };
    },

    async undo(id, reason, by, at) {
      const record = await VoidModel.findOneAndUpdate(
        { _id: id, undone: null },
        { $set: { undone: { at, by: moderator(by), reason } } },
      ).lean();
      if (!record) return (await VoidModel.exists({ _id: id })) ? 'undone' : 'unknown';
      const taken = await VoteModel.find({ voided: id }, { entryId: 1 }).lean();
      await VoteModel.updateMany({ voided: id }, { $unset: { voided: 1 } });
      for (const [entryId, n] of byEntry(taken)) counts.add(entryId, n);
      await audit('undo', id, record.selection as VoidSelection, taken.length, reason, by, at);
      return { votes: taken.length };
    },

    audit: auditLog,
    accounts: voteAccounts,
    voidedByReason,
  };
}
