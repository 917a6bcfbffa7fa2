import { Schema, model } from 'mongoose';
import type { ReportStore } from '../handlers/ports.js';
import { isDuplicateKey } from './errors.js';
import { personHash } from './keys.js';

// Complaints about published entries. One per person per entry (the _id says so), so one
// person cannot flood the moderators about the same entry.
const reportSchema = new Schema({
  /** "<entryId>:<reporter>" */
  _id: { type: String, required: true },
  entryId: { type: String, required: true },
  /** The reporter's keyed hash (as on votes): enough to tell "already reported", no more. */
  reporter: { type: String, required: true },
  reason: { type: Number, required: true },
  at: { type: Date, required: true },
  /** The press that made it: its redelivery is recognised. */
  event: String,
});

export const ReportModel = model('Report', reportSchema);

export function createReportStore(secret: string): ReportStore {
  return {
    async add(entryId, reporter, reason, at, eventId) {
      const who = personHash(secret, reporter);
      const _id = `${entryId}:${who}`;
      try {
        await ReportModel.create({
          _id,
          entryId,
          reporter: who,
          reason,
          at,
          ...(eventId ? { event: eventId } : {}),
        });
        return true;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        if (!eventId) return false;
        return (await ReportModel.exists({ _id, event: eventId })) !== null;
      }
    },
  };
}
