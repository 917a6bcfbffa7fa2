import mongoose, { Schema, model } from 'mongoose';
import type {
  Analysis,
  Cluster,
  EntryRisk,
  FraudStore,
  SavedAnalysis,
  VoteFact,
} from '../handlers/fraud.js';
import type { UserRef } from '../handlers/protocol.js';
import { isDuplicateKey } from './errors.js';
import { nextInSequence } from './sequence.js';
import { UserModel } from './user.js';
import { VoteModel } from './vote.js';

// The vote analysis's inputs and its kept runs. A run is kept whole: a moderator who read
// cluster "12-3" and voids it voids what they read, even if a later run numbers things anew.

const runSchema = new Schema({
  _id: { type: Number, required: true },
  at: { type: Date, required: true },
  trigger: String,
  votes: Number,
  entries: { type: [Schema.Types.Mixed], default: [] },
});
export const FraudRunModel = model('FraudRun', runSchema);

/** One proposed cluster of a run, under its code ("12-3"), with the votes it holds. */
const clusterSchema = new Schema({
  _id: { type: String, required: true },
  run: { type: Number, required: true },
  place: Number,
  entryId: String,
  entryNumber: Number,
  category: String,
  signals: [String],
  voteIds: [String],
  voters: [String],
  platform: String,
  idFrom: String,
  idTo: String,
  from: Date,
  to: Date,
});
clusterSchema.index({ run: 1 });
export const FraudClusterModel = model('FraudCluster', clusterSchema);

/** Clusters written at once: FerretDB deadlocks on larger bulk writes (see vote-counts.ts). */
const BATCH = 20;

function toRef(key: string): UserRef {
  const at = key.indexOf(':');
  return { platform: key.slice(0, at), id: key.slice(at + 1) };
}

type ClusterDoc = mongoose.InferSchemaType<typeof clusterSchema>;

function toCluster(doc: ClusterDoc): Cluster {
  return {
    code: doc._id,
    entryId: doc.entryId ?? '',
    entryNumber: doc.entryNumber ?? 0,
    category: doc.category ?? '',
    signals: doc.signals as Cluster['signals'],
    voteIds: doc.voteIds,
    voters: doc.voters.map(toRef),
    ...(doc.platform ? { platform: doc.platform } : {}),
    ...(doc.idFrom ? { idFrom: doc.idFrom, idTo: doc.idTo ?? doc.idFrom } : {}),
    from: doc.from ?? new Date(0),
    to: doc.to ?? new Date(0),
  };
}

/** Where the membership re-check has got to: one document. */
const recheckSchema = new Schema({
  _id: { type: String, required: true },
  cursor: { type: String, default: '' },
  checked: { type: Number, default: 0 },
  left: { type: Number, default: 0 },
  done: { type: Boolean, default: false },
});
export const RecheckModel = model('MembershipRecheck', recheckSchema);
const RECHECK = 'membership';

export const mongoFraudStore: FraudStore = {
  async votersAfter(cursor, limit) {
    // By _id, which begins with the voter's hash: one voter's votes come together.
    const votes = await VoteModel.find(
      { _id: mongoose.trusted({ $gt: cursor }), voided: null },
      { voter: 1 },
    )
      .sort({ _id: 1 })
      .limit(limit)
      .lean();
    const voters = [...new Set(votes.flatMap((v) => (v.voter ? [v.voter] : [])))].map(toRef);
    return { voters, cursor: votes.at(-1)?._id ?? cursor };
  },

  async flagLeft(voter) {
    const flagged = await VoteModel.updateMany(
      { voter: `${voter.platform}:${voter.id}`, voided: null },
      { $set: { left: true } },
    );
    return flagged.modifiedCount;
  },

  countLeft: () => VoteModel.countDocuments({ left: true, voided: null }),

  async recheckState() {
    const doc = await RecheckModel.findById(RECHECK).lean();
    return doc
      ? { cursor: doc.cursor, checked: doc.checked, left: doc.left, done: doc.done }
      : null;
  },

  async saveRecheck(state) {
    await RecheckModel.updateOne({ _id: RECHECK }, { $set: state }, { upsert: true });
  },

  async facts() {
    const votes = await VoteModel.find(
      { voided: null },
      { entryId: 1, entryNumber: 1, category: 1, at: 1, voterSince: 1, voter: 1, voterHash: 1 },
    ).lean();
    // What is known of the voters: how they arrived and what their client speaks. One pass over
    // the people who said either; everyone else has nothing to add.
    const users = await UserModel.find(
      {
        $or: [
          { arrivedVia: mongoose.trusted({ $exists: true }) },
          { clientLang: mongoose.trusted({ $exists: true }) },
        ],
      },
      { arrivedVia: 1, clientLang: 1 },
    ).lean();
    const known = new Map(users.map((u) => [u._id, u]));
    const cast = new Map<string, number>();
    for (const v of votes) cast.set(v.voterHash, (cast.get(v.voterHash) ?? 0) + 1);
    return votes.map((v): VoteFact => {
      const user = v.voter ? known.get(v.voter) : undefined;
      return {
        id: v._id,
        entryId: v.entryId,
        entryNumber: v.entryNumber,
        category: v.category,
        at: v.at,
        voterSince: v.voterSince,
        votesCast: cast.get(v.voterHash) ?? 1,
        ...(v.voter ? { voter: toRef(v.voter) } : {}),
        ...(user?.arrivedVia ? { viaEntry: user.arrivedVia } : {}),
        ...(user?.clientLang ? { clientLang: user.clientLang } : {}),
      };
    });
  },

  async save(analysis: Analysis, trigger) {
    for (;;) {
      const run = await nextInSequence('fraud-runs');
      try {
        await FraudRunModel.create({
          _id: run,
          at: analysis.at,
          trigger,
          votes: analysis.votes,
          entries: analysis.entries,
        });
      } catch (error) {
        if (isDuplicateKey(error)) continue;
        throw error;
      }
      const clusters: Cluster[] = analysis.clusters.map((c, i) => ({
        ...c,
        code: `${run}-${i + 1}`,
      }));
      for (let i = 0; i < clusters.length; i += BATCH) {
        await FraudClusterModel.insertMany(
          clusters.slice(i, i + BATCH).map((c, j) => ({
            ...c,
            _id: c.code,
            run,
            place: i + j + 1,
            voters: c.voters.map((v) => `${v.platform}:${v.id}`),
          })),
        );
      }
      return { ...analysis, run, clusters };
    }
  },

  async latest() {
    const run = await FraudRunModel.findOne().sort({ _id: -1 }).lean();
    if (!run) return null;
    const clusters = await FraudClusterModel.find({ run: run._id }).sort({ place: 1 }).lean();
    return {
      run: run._id,
      at: run.at,
      votes: run.votes ?? 0,
      entries: run.entries as EntryRisk[],
      clusters: clusters.map(toCluster),
    } satisfies SavedAnalysis;
  },
};
