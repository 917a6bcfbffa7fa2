import mongoose, { Schema, Types, model } from 'mongoose';
import type { Audience, BroadcastJob, BroadcastStore } from '../handlers/ports.js';

// An organiser's announcement: written, previewed, then queued once for everyone chosen. Queuing
// is a job under a lease with a cursor (the last recipient queued), so a process that dies while
// queuing a country leaves it to another, which goes on from the cursor.

const broadcastSchema = new Schema({
  text: { type: String, required: true },
  by: { platform: String, id: String },
  status: { type: String, enum: ['draft', 'queuing', 'queued', 'cancelled'], required: true },
  audience: String,
  cursor: { type: String, default: '' },
  queued: { type: Number, default: 0 },
  leaseOwner: String,
  leaseUntil: Date,
  createdAt: { type: Date, required: true },
  queuedAt: Date,
});
export const BroadcastModel = model('Broadcast', broadcastSchema);

/** A queuing job renews its lease with every page; one silent this long is taken over. */
const LEASE_MS = 15_000;

type BroadcastDoc = mongoose.InferSchemaType<typeof broadcastSchema> & { _id: Types.ObjectId };

function jobOf(doc: BroadcastDoc): BroadcastJob {
  return {
    id: doc._id.toHexString(),
    text: doc.text,
    audience: (doc.audience ?? 'all') as Audience,
    by: {
      platform: (doc.by?.platform ?? 'telegram') as BroadcastJob['by']['platform'],
      id: doc.by?.id ?? '',
    },
    cursor: doc.cursor ?? '',
    queued: doc.queued ?? 0,
  };
}

const lease = () => new Date(Date.now() + LEASE_MS);

export const mongoBroadcastStore: BroadcastStore = {
  async create(text, by, at) {
    const doc = await BroadcastModel.create({ text, by, status: 'draft', createdAt: at });
    return doc._id.toHexString();
  },
  async get(id) {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await BroadcastModel.findById(id).lean();
    return doc ? { id, text: doc.text, status: doc.status } : null;
  },
  async cancel(id) {
    const result = await BroadcastModel.updateOne(
      { _id: id, status: 'draft' },
      { $set: { status: 'cancelled' } },
    );
    return result.modifiedCount === 1;
  },
  async startQueuing(id, audience, owner) {
    const doc = await BroadcastModel.findOneAndUpdate(
      { _id: id, status: 'draft' },
      {
        $set: {
          status: 'queuing',
          audience,
          cursor: '',
          queued: 0,
          leaseOwner: owner,
          leaseUntil: lease(),
        },
      },
      { returnDocument: 'after' },
    ).lean();
    return doc ? jobOf(doc) : null;
  },
  async takeStalled(owner) {
    const doc = await BroadcastModel.findOneAndUpdate(
      { status: 'queuing', leaseUntil: mongoose.trusted({ $lt: new Date() }) },
      { $set: { leaseOwner: owner, leaseUntil: lease() } },
      { returnDocument: 'after' },
    ).lean();
    return doc ? jobOf(doc) : null;
  },
  async advance(id, owner, cursor, queued) {
    const result = await BroadcastModel.updateOne(
      { _id: id, status: 'queuing', leaseOwner: owner },
      { $set: { cursor, leaseUntil: lease() }, $inc: { queued } },
    );
    return result.modifiedCount === 1;
  },
  async finish(id, owner) {
    const doc = await BroadcastModel.findOneAndUpdate(
      { _id: id, status: 'queuing', leaseOwner: owner },
      { $set: { status: 'queued', queuedAt: new Date() }, $unset: { leaseUntil: 1 } },
      { returnDocument: 'after' },
    ).lean();
    return doc ? (doc.queued ?? 0) : null;
  },
};
