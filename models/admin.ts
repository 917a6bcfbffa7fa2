import type { AdminStore, Figures } from '../handlers/ports.js';
import { EntryModel } from './entry.js';
import { utcHour } from './keys.js';
import { deliveryTotals } from './delivery-counters.js';
import { outboxWaiting } from './outbox.js';

/** Messages waiting, and sent and failed so far (counters: sent rows are not kept). */
async function outboxFigures(): Promise<Record<string, number>> {
  const [pending, { sent, failed, rateLimited }] = await Promise.all([
    outboxWaiting(),
    deliveryTotals(),
  ]);
  return { pending, sent, failed, rateLimited };
}
import { UserModel } from './user.js';
import { VoteModel } from './vote.js';

async function countBy(field: string): Promise<Record<string, number>> {
  const rows = await EntryModel.aggregate<{ _id: string; n: number }>([
    { $group: { _id: `$${field}`, n: { $sum: 1 } } },
  ]);
  return Object.fromEntries(rows.map((r) => [String(r._id), r.n]));
}

/** Entries per UTC hour, platform and category (entries are thousands: read and bucketed here). */
async function entriesPerHour(): Promise<Figures['entries']> {
  const docs = await EntryModel.find({}, { createdAt: 1, author: 1, category: 1 }).lean();
  const buckets = new Map<string, Figures['entries'][number]>();
  for (const d of docs) {
    const hour = utcHour(d.createdAt);
    const platform = d.author.platform;
    const key = `${hour}|${platform}|${d.category}`;
    const bucket = buckets.get(key) ?? { hour, platform, category: d.category, n: 0 };
    bucket.n += 1;
    buckets.set(key, bucket);
  }
  return [...buckets.values()];
}

export const mongoAdminStore: AdminStore = {
  async figures() {
    const counted = { voided: null };
    const [entries, perHour, voters, optedOut, unreachable] = await Promise.all([
      entriesPerHour(),
      VoteModel.aggregate<{ _id: string | null; n: number }>([
        { $match: counted },
        { $group: { _id: '$hour', n: { $sum: 1 } } },
      ]),
      // One row per person (their hash), then counted per platform and language.
      VoteModel.aggregate<{ _id: { p?: string; l?: string }; n: number }>([
        { $match: counted },
        { $group: { _id: { h: '$voterHash', p: '$platform', l: '$lang' } } },
        { $group: { _id: { p: '$_id.p', l: '$_id.l' }, n: { $sum: 1 } } },
      ]),
      UserModel.countDocuments({ announcements: false }),
      UserModel.countDocuments({ unreachable: true }),
    ]);
    return {
      entries,
      // Votes from before the hour was kept carry none: they are in the totals, not the series.
      votesPerHour: perHour.flatMap((r) => (r._id ? [{ hour: r._id, n: r.n }] : [])),
      voters: voters.map((r) => ({ platform: r._id.p ?? '?', lang: r._id.l ?? '?', n: r.n })),
      optedOut,
      unreachable,
    };
  },

  async stats() {
    const [entriesByStatus, entriesByCategory, entriesByPlatform, users, votes, voters, outbox] =
      await Promise.all([
        countBy('status'),
        countBy('category'),
        countBy('author.platform'),
        UserModel.countDocuments(),
        VoteModel.countDocuments({ voided: null }),
        VoteModel.aggregate<{ n: number }>([{ $group: { _id: '$voterHash' } }, { $count: 'n' }]),
        outboxFigures(),
      ]);
    return {
      entriesByStatus,
      entriesByCategory,
      entriesByPlatform,
      users,
      votes,
      voters: voters[0]?.n ?? 0,
      outbox,
    };
  },

  async exportRows(what) {
    if (what === 'votes') {
      const votes = await VoteModel.find().sort({ at: 1 }).lean();
      return [
        ['category', 'entry_number', 'voter', 'voted_at', 'voided_by'],
        // The voter is the one-way hash: enough to check "one vote per person", no more.
        ...votes.map((v) => [
          v.category,
          String(v.entryNumber),
          v.voterHash,
          v.at.toISOString(),
          // The void (see /audit) that took it out of the count, if any.
          v.voided ? String(v.voided) : '',
        ]),
      ];
    }
    const entries = await EntryModel.find().sort({ number: 1 }).lean();
    return [
      [
        'number',
        'status',
        'kind',
        'category',
        'city',
        'nominee',
        'story',
        'media',
        'author_platform',
        'author_id',
        'author_name',
        'created_at',
        'published_at',
        'decided_by',
      ],
      ...entries.map((e) => [
        String(e.number),
        e.status,
        e.kind,
        e.category,
        e.city,
        e.nominee ?? '',
        e.story,
        e.media.map((m) => m.type).join(' '),
        e.author.platform,
        e.author.id,
        e.author.name ?? '',
        e.createdAt.toISOString(),
        e.publishedAt?.toISOString() ?? '',
        e.decision ? `${e.decision.by.platform}:${e.decision.by.id}` : '',
      ]),
    ];
  },
};
