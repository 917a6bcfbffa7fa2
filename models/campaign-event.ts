import mongoose, { Schema, model } from 'mongoose';
import type { CampaignEventStore } from '../handlers/ports.js';
import { isDuplicateKey } from './errors.js';

// Each campaign event ("voting-opened") happens once: its key is the _id. A run left unfinished
// by a process that died is taken over once its lease ran out (the announcements it queued are
// keyed too, so finishing it again sends nothing twice). A run walking a country renews its
// lease with each page: it rests between pages while people wait, and may outlast one lease.

const campaignEventSchema = new Schema({
  _id: { type: String, required: true },
  status: { type: String, enum: ['running', 'done', 'skipped'], required: true },
  owner: { type: String, required: true },
  leaseUntil: { type: Date, required: true },
  finishedAt: Date,
});
export const CampaignEventModel = model('CampaignEvent', campaignEventSchema);

const LEASE_MS = 5 * 60 * 1000;

export const mongoCampaignEventStore: CampaignEventStore = {
  async claim(key, owner, at) {
    const leaseUntil = new Date(at.getTime() + LEASE_MS);
    try {
      await CampaignEventModel.create({ _id: key, status: 'running', owner, leaseUntil });
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const taken = await CampaignEventModel.findOneAndUpdate(
      { _id: key, status: 'running', leaseUntil: mongoose.trusted({ $lt: at }) },
      { $set: { owner, leaseUntil } },
    ).lean();
    return taken !== null;
  },
  async renew(key, owner, at) {
    const renewed = await CampaignEventModel.updateOne(
      { _id: key, owner, status: 'running' },
      { $set: { leaseUntil: new Date(at.getTime() + LEASE_MS) } },
    );
    return renewed.matchedCount > 0;
  },
  async finish(key, status, at) {
    await CampaignEventModel.updateOne({ _id: key }, { $set: { status, finishedAt: at } });
  },
  async list() {
    const docs = await CampaignEventModel.find().lean();
    return docs.map((d) => ({
      key: d._id,
      status: d.status,
      ...(d.finishedAt ? { finishedAt: d.finishedAt } : {}),
    }));
  },
};
