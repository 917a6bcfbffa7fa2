import { createHash } from 'node:crypto';
import { Schema, model } from 'mongoose';
import type { ReportStore } from '../handlers/ports.js';
import { isDuplicateKey } from './errors.js';

// Complaints about published entries. One per person per entry (the _id says so), so one
// person cannot flood the moderators about the same entry.
const reportSchema = new Schema({
  /** "<entryId>:<reporter>" */
  _id: { type: String, required: true },
  entryId: { type: String, required: true },
  /** A hash of the reporter's account: enough to tell "already reported", no more. */
  reporter: { type: String, required: true },
  reason: { type: Number, required: true },
  at: { type: Date, required: true },
});

export const ReportModel = model('Report', reportSchema);

export const mongoReportStore: ReportStore = {
  async add(entryId, reporter, reason, at) {
    const who = createHash('sha256')
      .update(`${reporter.platform}:${reporter.id}`)
      .digest('base64url');
    try {
      await ReportModel.create({ _id: `${entryId}:${who}`, entryId, reporter: who, reason, at });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  },
};
