import { Schema, model } from 'mongoose';
import { upsertRetrying } from './errors.js';

/** One document per sequence, holding the last number given. */
const counterSchema = new Schema({ _id: String, seq: Number });
export const CounterModel = model('Counter', counterSchema);

/**
 * The next number of a sequence ("entries", "voids"). FerretDB 1.x does not isolate $inc, so two
 * callers may rarely get the same number: whoever stores under it keeps it unique (a unique index
 * or the _id) and asks again on a duplicate key.
 */
export async function nextInSequence(name: string): Promise<number> {
  const doc = await upsertRetrying(() =>
    CounterModel.findOneAndUpdate(
      { _id: name },
      { $inc: { seq: 1 } },
      { upsert: true, returnDocument: 'after' },
    ).lean(),
  );
  return doc.seq ?? 1;
}
