import mongoose, { Schema, model } from 'mongoose';
import type { Actor, UserRef } from '../handlers/protocol.js';
import type { Draft, Entry, EntryStore, Moderator, RejectReason } from '../handlers/ports.js';
import { claimDecision } from './decision.js';
import { isDuplicateKey } from './errors.js';
import { mediaSchema, toMedia } from './media.js';
import { nextInSequence } from './sequence.js';

const personSchema = new Schema(
  {
    platform: { type: String, required: true },
    id: { type: String, required: true },
    name: String,
  },
  { _id: false },
);

const entrySchema = new Schema({
  /** The draft this entry was made from: sending one draft twice makes one entry. */
  draftKey: { type: String, required: true },
  /** The event (a Send press) that made it: its redelivery is recognised. */
  madeBy: String,
  number: { type: Number, required: true },
  kind: { type: String, enum: ['own', 'nomination'], required: true },
  author: { type: personSchema, required: true },
  status: {
    type: String,
    enum: ['pending', 'approved', 'rejected', 'published', 'hidden', 'withdrawn'],
    required: true,
  },
  category: { type: String, required: true },
  story: { type: String, default: '' },
  city: { type: String, default: '' },
  nominee: String,
  media: { type: [mediaSchema], default: [] },
  /** Votes shown on the card while voting (see vote-counts.ts); results count the votes. */
  voteCount: { type: Number, default: 0 },
  /** Moves with every write to voteCount (see reconcileVoteCounts). */
  countVersion: { type: Number, default: 0 },
  /** Set once the media's bytes are copied into GridFS for the other platforms. */
  mediaKept: { type: Boolean, default: false },
  createdAt: { type: Date, required: true },
  publishedAt: Date,
  decision: {
    type: new Schema(
      {
        status: { type: String, required: true },
        by: { type: personSchema, required: true },
        at: { type: Date, required: true },
        reason: { type: Schema.Types.Mixed },
        event: String,
      },
      { _id: false },
    ),
  },
  /** The event that last hid or restored it: its redelivery is recognised. */
  visibilityEvent: String,
  /** Who did what to this entry, for the moderators. */
  history: [
    new Schema({ action: String, by: personSchema, at: Date, detail: String }, { _id: false }),
  ],
});
entrySchema.index({ draftKey: 1 }, { unique: true });
entrySchema.index({ madeBy: 1 });
entrySchema.index({ number: 1 }, { unique: true });
entrySchema.index({ 'author.platform': 1, 'author.id': 1 });
// Browsing pages through one category's published entries in number order.
entrySchema.index({ status: 1, category: 1, number: 1 });

export const EntryModel = model('Entry', entrySchema);

type EntryDoc = mongoose.InferSchemaType<typeof entrySchema> & { _id: mongoose.Types.ObjectId };

/** A new entry from a finished draft, under the next number; throws on a duplicate key. */
async function createEntry(
  draft: Draft,
  author: Actor,
  at: Date,
  eventId?: string,
): Promise<Entry> {
  const doc = await EntryModel.create({
    draftKey: draft.id,
    ...(eventId ? { madeBy: eventId } : {}),
    number: await nextInSequence('entries'),
    kind: draft.kind,
    author: { platform: author.platform, id: author.id, name: author.displayName },
    status: 'pending',
    category: draft.category,
    story: draft.story,
    city: draft.city,
    nominee: draft.nominee,
    media: draft.media,
    createdAt: at,
    history: [{ action: 'submitted', by: { platform: author.platform, id: author.id }, at }],
  });
  return toEntry(doc.toObject());
}

function toPerson(p: { platform: string; id: string; name?: string | null }): Moderator {
  return {
    platform: p.platform,
    id: p.id,
    ...(p.name ? { name: p.name } : {}),
  };
}

function toEntry(doc: EntryDoc): Entry {
  const d = doc.decision;
  return {
    id: doc._id.toHexString(),
    number: doc.number,
    kind: doc.kind,
    author: toPerson(doc.author),
    status: doc.status,
    category: doc.category,
    story: doc.story,
    city: doc.city,
    media: doc.media.map(toMedia),
    createdAt: doc.createdAt,
    ...(doc.publishedAt ? { publishedAt: doc.publishedAt } : {}),
    ...(doc.nominee != null ? { nominee: doc.nominee } : {}),
    ...(d
      ? {
          decision: {
            status: d.status as 'approved' | 'rejected',
            by: toPerson(d.by),
            at: d.at,
            ...(d.reason ? { reason: d.reason as RejectReason } : {}),
            ...(d.event ? { event: d.event } : {}),
          },
        }
      : {}),
  };
}

const authorKey = (a: UserRef) => ({ 'author.platform': a.platform, 'author.id': a.id });
const isId = (id: string) => mongoose.isObjectIdOrHexString(id);

export const mongoEntryStore: EntryStore = {
  async submitDraft(draft, author, at, eventId) {
    const again = (doc: EntryDoc) => ({
      entry: toEntry(doc),
      created: eventId !== undefined && doc.madeBy === eventId,
    });
    const existing = await EntryModel.findOne({ draftKey: draft.id }).lean();
    if (existing) return again(existing);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return { entry: await createEntry(draft, author, at, eventId), created: true };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const raced = await EntryModel.findOne({ draftKey: draft.id }).lean();
        if (raced) return again(raced);
        // The number was taken: the counter lost an increment to a concurrent one (FerretDB 1.x
        // does not isolate $inc). The unique index caught it; the next number is tried.
        if (attempt >= 20) throw error;
      }
    }
  },

  async madeBy(eventId) {
    const doc = await EntryModel.findOne({ madeBy: eventId }).lean();
    return doc ? toEntry(doc) : null;
  },

  async get(id) {
    if (!isId(id)) return null;
    const doc = await EntryModel.findById(id).lean();
    return doc ? toEntry(doc) : null;
  },

  async decide(id, decision) {
    if (!isId(id)) return { ok: false, entry: null };
    // One decision per entry, by its claim (see decision.ts); then the entry shows it.
    const claim = await claimDecision(id, decision);
    const taken = claim.first ? decision : claim.taken;
    // Applied also when the claim was someone else's: a process that died between its claim
    // and this step leaves the entry pending with a decision taken.
    const doc = await EntryModel.findOneAndUpdate(
      { _id: id, status: 'pending' },
      {
        $set: { status: taken.status, decision: taken },
        $push: { history: { action: taken.status, by: taken.by, at: taken.at } },
      },
      { returnDocument: 'after' },
    ).lean();
    if (claim.first && doc) return { ok: true, entry: toEntry(doc) };
    return { ok: false, entry: await this.get(id) };
  },

  async setCategory(id, category, by, at) {
    const doc = await EntryModel.findOneAndUpdate(
      { _id: id, status: mongoose.trusted({ $in: ['pending', 'approved'] }) },
      { $set: { category }, $push: { history: { action: 'category', by, at, detail: category } } },
      { returnDocument: 'after' },
    ).lean();
    return doc ? toEntry(doc) : null;
  },

  async countPending(author) {
    return EntryModel.countDocuments({ status: 'pending', ...(author ? authorKey(author) : {}) });
  },

  async listPending(skip, limit) {
    const docs = await EntryModel.find({ status: 'pending' })
      .sort({ number: 1 })
      .skip(skip)
      .limit(limit)
      .lean();
    return docs.map(toEntry);
  },

  async listByAuthor(author) {
    const docs = await EntryModel.find(authorKey(author)).sort({ number: 1 }).lean();
    return docs.map(toEntry);
  },

  async publishApproved(at, id) {
    if (id !== undefined && !isId(id)) return null;
    // One entry at a time, each an atomic approved → published step: two processes publishing at
    // once never announce the same entry twice.
    const doc = await EntryModel.findOneAndUpdate(
      { status: 'approved', ...(id ? { _id: id } : {}) },
      {
        $set: { status: 'published', publishedAt: at },
        $push: {
          history: { action: 'published', by: { platform: 'system', id: 'publisher' }, at },
        },
      },
      { returnDocument: 'after', sort: { number: 1 } },
    ).lean();
    if (doc) forgetPublished();
    return doc ? toEntry(doc) : null;
  },

  async getByNumber(number) {
    const doc = await EntryModel.findOne({ number }).lean();
    return doc ? toEntry(doc) : null;
  },

  listPublished: async () => (await publishedNow()).entries,

  async publishedNumbers(category) {
    return (await publishedNow()).byCategory.get(category) ?? [];
  },

  async countPublished() {
    // From the same list the page turns read: no second look at the entries.
    const { byCategory } = await publishedNow();
    return Object.fromEntries(
      [...byCategory].map(([category, numbers]) => [category, numbers.length]),
    );
  },

  async setHidden(id, hidden, by, at, eventId) {
    if (!isId(id)) return null;
    const to = hidden ? 'hidden' : 'published';
    const doc = await EntryModel.findOneAndUpdate(
      { _id: id, status: hidden ? 'published' : 'hidden' },
      {
        $set: { status: to, ...(eventId ? { visibilityEvent: eventId } : {}) },
        $push: { history: { action: hidden ? 'hidden' : 'restored', by, at } },
      },
      { returnDocument: 'after' },
    ).lean();
    forgetPublished();
    if (doc) return toEntry(doc);
    if (!eventId) return null;
    const done = await EntryModel.findOne({ _id: id, status: to, visibilityEvent: eventId }).lean();
    return done ? toEntry(done) : null;
  },
};

/**
 * Every published entry, read at most once a second: each page a voter turns needs its
 * category's list, and on the busy night that is thousands of pages a minute (the website's
 * gallery reads it too).
 */
interface Published {
  entries: Entry[];
  /** Their numbers per category, in number order: what a page turn needs. */
  byCategory: Map<string, number[]>;
}
let published: { at: number; read: Promise<Published> } | null = null;
const PUBLISHED_FRESH_MS = 1_000;

function publishedNow(): Promise<Published> {
  if (published && Date.now() - published.at < PUBLISHED_FRESH_MS) return published.read;
  const read = EntryModel.find({ status: 'published' })
    .sort({ number: 1 })
    .lean()
    .then((docs) => {
      const entries = docs.map(toEntry);
      const byCategory = new Map<string, number[]>();
      for (const e of entries) {
        const list = byCategory.get(e.category);
        if (list) list.push(e.number);
        else byCategory.set(e.category, [e.number]);
      }
      return { entries, byCategory };
    });
  published = { at: Date.now(), read };
  // A failed read is not kept: the next page asks again.
  read.catch(() => (published = null));
  return read;
}

/** Forgets the list of published entries (after this process published or hid one). */
export function forgetPublished(): void {
  published = null;
}

/** Entries whose media was not yet copied into GridFS, oldest first. */
export async function entriesWithMediaToKeep(limit: number): Promise<Entry[]> {
  const docs = await EntryModel.find({
    mediaKept: mongoose.trusted({ $ne: true }),
    status: mongoose.trusted({ $in: ['pending', 'approved', 'published'] }),
  })
    .sort({ createdAt: 1 })
    .limit(limit)
    .lean();
  return docs.map(toEntry);
}

export async function markMediaKept(id: string): Promise<void> {
  await EntryModel.updateOne({ _id: id }, { $set: { mediaKept: true } });
}
