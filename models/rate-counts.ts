import mongoose, { Schema, model } from 'mongoose';
import type { SharedCounts } from '../handlers/rate-limit.js';
import { upsertRetrying } from './errors.js';
import { personHash } from './keys.js';

// How many actions a person made in a window, for all processes together (see
// handlers/rate-limit.ts). Only people past the first few actions of a window are counted here.
// Keyed by the person's keyed hash, and gone a minute after their window.

const rateCountSchema = new Schema({
  /** "<kind>:<person's hash>:<window start>" */
  _id: { type: String, required: true },
  n: { type: Number, default: 0 },
  at: { type: Date, required: true },
});
export const RateCountModel = model('RateCount', rateCountSchema);

export function sharedCounts(kind: string, secret: string): SharedCounts {
  return {
    async add(person, window, n) {
      const doc = await upsertRetrying(() =>
        RateCountModel.findOneAndUpdate(
          { _id: `${kind}:${personHash(secret, person)}:${window}` },
          { $inc: { n }, $setOnInsert: { at: new Date(window) } },
          { upsert: true, returnDocument: 'after' },
        ).lean(),
      );
      return doc.n ?? n;
    },
  };
}

export async function forgetRateCountsBefore(when: Date): Promise<number> {
  const result = await RateCountModel.deleteMany({ at: mongoose.trusted({ $lt: when }) });
  return result.deletedCount;
}
