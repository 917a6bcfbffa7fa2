import { Schema, Types, model } from 'mongoose';
import type { BroadcastStore } from '../handlers/ports.js';

// An organiser's announcement: written, previewed, then queued once for everyone chosen.
const broadcastSchema = new Schema({
  text: { type: String, required: true },
  by: { platform: String, id: String },
  status: { type: String, enum: ['draft', 'queued', 'cancelled'], required: true },
  createdAt: { type: Date, required: true },
});
export const BroadcastModel = model('Broadcast', broadcastSchema);

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
  async transition(id, to) {
    const result = await BroadcastModel.updateOne(
      { _id: id, status: 'draft' },
      { $set: { status: to } },
    );
    return result.modifiedCount === 1;
  },
};
