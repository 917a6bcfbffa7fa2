import { randomUUID } from 'node:crypto';
import mongoose, { Schema, model } from 'mongoose';
import type { SharedCounts } from '../handlers/rate-limit.js';
import { personHash } from './keys.js';

// How many actions a person made in a window, for all processes together (see
// handlers/rate-limit.ts). Only people past the first few actions of a window are counted here.
//
// Each action counted is a document of its own: inserts are atomic on every Mongo-wire server,
// while FerretDB 1.x does not isolate an $inc (two at once can both read the old value). An
// action's place is what was counted before it, in the order of the documents' ids (the time
// they were made, then a random tie-break), so a burst of actions at the same moment is let
// through up to the limit and no further. Keyed by the person's keyed hash, and gone an hour
// after their window.

const rateCountSchema = new Schema({
  _id: { type: String, required: true },
  /** "<kind>:<person's hash>:<window start>" */
  key: { type: String, required: true },
  n: { type: Number, required: true },
  at: { type: Date, required: true },
});
rateCountSchema.index({ key: 1 });
export const RateCountModel = model('RateCount', rateCountSchema);

export function sharedCounts(kind: string, secret: string): SharedCounts {
  return {
    async add(person, window, n) {
      const key = `${kind}:${personHash(secret, person)}:${window}`;
      const _id = `${Date.now().toString(36).padStart(10, '0')}:${randomUUID()}`;
      await RateCountModel.create({ _id, key, n, at: new Date(window) });
      const counted = await RateCountModel.find({ key }, { n: 1 }).lean();
      return counted.filter((c) => c._id <= _id).reduce((sum, c) => sum + c.n, 0);
    },
  };
}

export async function forgetRateCountsBefore(when: Date): Promise<number> {
  const result = await RateCountModel.deleteMany({ at: mongoose.trusted({ $lt: when }) });
  return result.deletedCount;
}
