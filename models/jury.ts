import { Schema, model } from 'mongoose';
import type { JuryStore } from '../handlers/ports.js';
import { accountKey } from './keys.js';

// Jury scores: one document per juror per entry, under that pair as its id, so scoring again
// changes the score instead of adding one.

const juryScoreSchema = new Schema({
  /** "<juror account>:<entry id>". */
  _id: { type: String, required: true },
  juror: { type: String, required: true },
  entryId: { type: String, required: true },
  entryNumber: { type: Number, required: true },
  score: { type: Number, required: true, min: 1, max: 10 },
  at: { type: Date, required: true },
});
juryScoreSchema.index({ juror: 1 });
export const JuryScoreModel = model('JuryScore', juryScoreSchema);

export const mongoJuryStore: JuryStore = {
  async set(juror, entry, score, at) {
    const who = accountKey(juror);
    await JuryScoreModel.updateOne(
      { _id: `${who}:${entry.id}` },
      { $set: { juror: who, entryId: entry.id, entryNumber: entry.number, score, at } },
      { upsert: true },
    );
  },
  async of(juror) {
    const docs = await JuryScoreModel.find({ juror: accountKey(juror) }).lean();
    return Object.fromEntries(docs.map((d) => [d.entryId, d.score]));
  },
  async all() {
    const scores: Record<string, number[]> = {};
    for (const d of await JuryScoreModel.find().lean()) (scores[d.entryId] ??= []).push(d.score);
    return scores;
  },
};
