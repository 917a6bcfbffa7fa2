import mongoose, { Schema, Types, model } from 'mongoose';
import type { Media, UserRef } from '../handlers/protocol.js';
import type { Draft, DraftStore, EntryKind, DraftStep } from '../handlers/ports.js';
import { upsertRetrying } from './errors.js';
import { accountKey } from './keys.js';
import { mediaSchema, toMedia } from './media.js';

// The conversation state of an entry being written: one draft per account, kept in the database
// so that a restart or another process continues the conversation where it was.
const draftSchema = new Schema(
  {
    _id: { type: String, required: true },
    platform: { type: String, required: true },
    userId: { type: String, required: true },
    /** New for every started draft: the entry made from it is unique by this key. */
    draftKey: { type: String, required: true },
    kind: { type: String, enum: ['own', 'nomination'], required: true },
    step: { type: String, required: true },
    editing: { type: Boolean, default: false },
    media: { type: [mediaSchema], default: [] },
    /** Albums already answered, so an album of five photos gets one reply. */
    albums: { type: [String], default: [] },
    story: String,
    city: String,
    category: String,
    nominee: String,
    consent: { type: Boolean, default: false },
    /** The event that last changed it: its redelivery finds its work done (see Event.id). */
    lastEvent: String,
  },
  { timestamps: true },
);

export const DraftModel = model('Draft', draftSchema);

type DraftDoc = mongoose.InferSchemaType<typeof draftSchema>;

/** Marks a change with the event that made it. */
const stamp = (eventId: string | undefined) => (eventId ? { lastEvent: eventId } : {});

/** One draft per account: its _id is the account's key. */
const keyOf = (ref: UserRef) => ({ _id: accountKey(ref) });

function toDraft(doc: DraftDoc): Draft {
  return {
    id: doc.draftKey,
    owner: { platform: doc.platform as Draft['owner']['platform'], id: doc.userId },
    kind: doc.kind,
    step: doc.step as DraftStep,
    editing: doc.editing,
    media: doc.media.map(toMedia),
    consent: doc.consent,
    ...(doc.lastEvent ? { lastEvent: doc.lastEvent } : {}),
    ...(doc.story != null ? { story: doc.story } : {}),
    ...(doc.city != null ? { city: doc.city } : {}),
    ...(doc.category != null ? { category: doc.category } : {}),
    ...(doc.nominee != null ? { nominee: doc.nominee } : {}),
  };
}

export const mongoDraftStore: DraftStore = {
  async get(owner) {
    const doc = await DraftModel.findOne(keyOf(owner)).lean();
    return doc ? toDraft(doc) : null;
  },

  async start(owner, kind: EntryKind, firstStep: DraftStep, eventId) {
    const doc = await upsertRetrying(() =>
      DraftModel.findOneAndUpdate(
        keyOf(owner),
        {
          $set: {
            draftKey: new Types.ObjectId().toHexString(),
            kind,
            step: firstStep,
            editing: false,
            media: [],
            albums: [],
            consent: false,
            ...stamp(eventId),
          },
          $setOnInsert: { platform: owner.platform, userId: owner.id },
          $unset: {
            story: 1,
            city: 1,
            category: 1,
            nominee: 1,
            ...(eventId ? {} : { lastEvent: 1 }),
          },
        },
        { upsert: true, returnDocument: 'after' },
      ).lean(),
    );
    return toDraft(doc);
  },

  async update(owner, patch, eventId) {
    const doc = await DraftModel.findOneAndUpdate(
      keyOf(owner),
      { $set: { ...patch, ...stamp(eventId) } },
      { returnDocument: 'after' },
    ).lean();
    return doc ? toDraft(doc) : null;
  },

  async addPhoto(owner, media: Media, albumId, max, eventId) {
    const key = keyOf(owner);
    // An entry has photos or one video, not both: a photo replaces a video sent before it.
    await DraftModel.updateOne({ ...key, 'media.type': 'video' }, { $set: { media: [] } });
    const album = albumId ? { $addToSet: { albums: albumId } } : {};
    const before = await DraftModel.findOneAndUpdate(
      {
        ...key,
        // Only while there is room: "media.<max-1>" exists once the draft holds max photos.
        [`media.${max - 1}`]: mongoose.trusted({ $exists: false }),
        // The same photo once: a redelivered message (after a write that did land) adds nothing.
        'media.uniqueId': mongoose.trusted({ $ne: media.uniqueId }),
      },
      { $push: { media }, $set: stamp(eventId), ...album },
      { returnDocument: 'before' },
    ).lean();
    const firstOf = (albums: string[]) => !albumId || !albums.includes(albumId);
    if (before) {
      const draft = toDraft(before);
      draft.media.push(media);
      return { draft, firstOfAlbum: firstOf(before.albums), full: false, again: false };
    }
    const current = await DraftModel.findOneAndUpdate(key, album, {
      returnDocument: 'before',
    }).lean();
    if (!current) return null;
    const draft = toDraft(current);
    const again = draft.media.some((m) => m.uniqueId === media.uniqueId);
    return { draft, firstOfAlbum: firstOf(current.albums), full: !again, again };
  },

  async setVideo(owner, media, eventId) {
    const doc = await DraftModel.findOneAndUpdate(
      keyOf(owner),
      { $set: { media: [media], ...stamp(eventId) } },
      { returnDocument: 'after' },
    ).lean();
    return doc ? toDraft(doc) : null;
  },

  async delete(owner) {
    await DraftModel.deleteOne(keyOf(owner));
  },
};
