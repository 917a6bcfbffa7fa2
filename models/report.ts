import { Schema, model } from 'mongoose';
import type { ComplaintSummary, ReportStore } from '../handlers/ports.js';
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

    async summary() {
      // Complaints are few (one per person per entry, from people who bothered): read and summed.
      const rows = await ReportModel.find({}, { entryId: 1, reason: 1, at: 1 }).lean();
      const byEntry = new Map<string, ComplaintSummary>();
      for (const row of rows) {
        const s = byEntry.get(row.entryId) ?? {
          entryId: row.entryId,
          count: 0,
          reasons: {},
          last: row.at,
        };
        s.count += 1;
        s.reasons[row.reason] = (s.reasons[row.reason] ?? 0) + 1;
        if (row.at > s.last) s.last = row.at;
        byEntry.set(row.entryId, s);
      }
      return [...byEntry.values()].sort((a, b) => b.count - a.count || +b.last - +a.last);
    },
  };
}
