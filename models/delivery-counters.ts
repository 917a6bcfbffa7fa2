import { Schema, model } from 'mongoose';
import { upsertRetrying } from './errors.js';

// What the outbox delivered, as running totals per platform. Sent rows are pruned after a while;
// these figures stay (for /stats and /metrics) and cost one small write per recorded batch.

const deliveryCounterSchema = new Schema({
  /** The platform. */
  _id: { type: String, required: true },
  sent: { type: Number, default: 0 },
  failed: { type: Number, default: 0 },
  rateLimited: { type: Number, default: 0 },
  /** Telegram messages sent as paid broadcast (allow_paid_broadcast). */
  paid: { type: Number, default: 0 },
});
export const DeliveryCounterModel = model('DeliveryCounter', deliveryCounterSchema);

export type DeliveryFigures = { sent: number; failed: number; rateLimited: number; paid: number };

export async function addDeliveryFigures(
  platform: string,
  delta: Partial<DeliveryFigures>,
): Promise<void> {
  const inc = Object.fromEntries(Object.entries(delta).filter(([, n]) => n));
  if (!Object.keys(inc).length) return;
  await upsertRetrying(() =>
    DeliveryCounterModel.updateOne({ _id: platform }, { $inc: inc }, { upsert: true }),
  );
}

export async function deliveryFigures(): Promise<Record<string, DeliveryFigures>> {
  const docs = await DeliveryCounterModel.find().lean();
  return Object.fromEntries(
    docs.map((d) => [
      d._id,
      {
        sent: d.sent ?? 0,
        failed: d.failed ?? 0,
        rateLimited: d.rateLimited ?? 0,
        paid: d.paid ?? 0,
      },
    ]),
  );
}

/** The running totals of every platform together. */
export async function deliveryTotals(): Promise<DeliveryFigures> {
  const totals = { sent: 0, failed: 0, rateLimited: 0, paid: 0 };
  for (const f of Object.values(await deliveryFigures()))
    for (const k of Object.keys(totals) as (keyof DeliveryFigures)[]) totals[k] += f[k];
  return totals;
}
