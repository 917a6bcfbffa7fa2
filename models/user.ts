import mongoose, { Schema, model } from 'mongoose';
import { LANGS, type Actor, type Lang, type UserRef } from '../handlers/protocol.js';
import type {
  Awaiting,
  FirstContact,
  RecipientFilter,
  UserRecord,
  UserStore,
} from '../handlers/ports.js';
import { upsertRetrying } from './errors.js';
import { GroupInsert } from './group-insert.js';
import { accountKey } from './keys.js';

const userSchema = new Schema({
  /** "telegram:123": one record per account; a Telegram and a VK account are different people. */
  _id: { type: String, required: true },
  platform: { type: String, required: true },
  userId: { type: String, required: true },
  lang: { type: String, enum: LANGS, required: true },
  displayName: { type: String },
  awaiting: { type: Schema.Types.Mixed, default: null },
  announcements: { type: Boolean, default: true },
  /** Set when the platform answers that the user blocked the bot; cleared when they write again. */
  unreachable: { type: Boolean, default: false },
  createdAt: { type: Date, required: true },
  /** The entry whose shared link brought them first, if one did (a signal for the analysis). */
  arrivedVia: Number,
  /** The language their client said at first contact (a signal for the analysis). */
  clientLang: String,
  /** The keyed hash of the phone number they shared (rules.requirePhone); never the number. */
  phoneKey: String,
  /** Per category, how far into their own order they paged (fair exposure, see exposure.ts). */
  seen: { type: Schema.Types.Mixed },
});

export const UserModel = model('User', userSchema);

type UserDoc = mongoose.InferSchemaType<typeof userSchema>;

const keyOf = (ref: UserRef) => ({ _id: accountKey(ref) });

function toRecord(doc: UserDoc): UserRecord {
  return {
    platform: doc.platform as UserRecord['platform'],
    id: doc.userId,
    lang: doc.lang as Lang,
    createdAt: doc.createdAt,
    awaiting: (doc.awaiting as Awaiting | null) ?? null,
    announcements: doc.announcements !== false,
    ...(doc.seen ? { seen: doc.seen as Record<string, number> } : {}),
    ...(doc.phoneKey ? { phoneKey: doc.phoneKey } : {}),
    ...(doc.displayName ? { displayName: doc.displayName } : {}),
  };
}

function recipientQuery(filter: RecipientFilter) {
  return {
    unreachable: mongoose.trusted({ $ne: true }),
    ...(filter.platform ? { platform: filter.platform } : {}),
    ...(filter.lang ? { lang: filter.lang } : {}),
    ...(filter.wantsAnnouncements ? { announcements: mongoose.trusted({ $ne: false }) } : {}),
  };
}

const CHUNK = 1_000;

/** Newcomers who arrive together are written together (see group-insert.ts). */
const newcomers = new GroupInsert(
  () => UserModel.collection as unknown as mongoose.mongo.Collection,
);

/** A newcomer's record, as the schema's defaults make it, inserted; null when they exist. */
async function insertNewcomer(
  actor: Actor,
  lang: Lang,
  first: FirstContact,
): Promise<UserRecord | null> {
  const fresh = {
    ...keyOf(actor),
    platform: actor.platform,
    userId: actor.id,
    lang,
    awaiting: null,
    announcements: true,
    unreachable: false,
    createdAt: first.at,
    ...(first.viaEntry ? { arrivedVia: first.viaEntry } : {}),
    ...(actor.langHint ? { clientLang: actor.langHint.slice(0, 16) } : {}),
    ...(actor.displayName ? { displayName: actor.displayName } : {}),
    __v: 0,
  };
  if ((await newcomers.insert(fresh)) !== 'inserted') return null;
  return { ...toRecord(fresh as UserDoc), fresh: true };
}

export const mongoUserStore: UserStore = {
  async ensure(actor: Actor, lang: Lang, first: FirstContact) {
    // A newcomer (most people on the night a celebrity shares the link) is an insert, which on
    // FerretDB costs a tenth of an upsert. Someone sending /start is most likely new: their
    // record is inserted straight away and read only when it was there already.
    const starter = first.starting ? await insertNewcomer(actor, lang, first) : null;
    if (starter) return starter;
    // Every other update passes here: read first, and write only for a newcomer, a changed
    // name, or someone who had blocked the bot and is back.
    const known = await UserModel.findOne(keyOf(actor)).lean();
    const sameName = !actor.displayName || known?.displayName === actor.displayName;
    if (known && sameName && !known.unreachable) return toRecord(known);
    if (!known) {
      // The same person arriving twice at once: the second insert meets the unique _id and
      // takes the upsert below.
      const fresh = await insertNewcomer(actor, lang, first);
      if (fresh) return fresh;
    }
    const doc = await upsertRetrying(() =>
      UserModel.findOneAndUpdate(
        keyOf(actor),
        {
          $setOnInsert: { platform: actor.platform, userId: actor.id, lang, createdAt: first.at },
          $set: {
            unreachable: false,
            ...(actor.displayName ? { displayName: actor.displayName } : {}),
          },
        },
        { upsert: true, returnDocument: 'after' },
      ).lean(),
    );
    return toRecord(doc);
  },
  async find(ref) {
    const doc = await UserModel.findOne(keyOf(ref)).lean();
    return doc ? toRecord(doc) : null;
  },
  async setLang(ref, lang) {
    await UserModel.updateOne(keyOf(ref), { $set: { lang } });
  },
  async setAwaiting(ref, awaiting) {
    await UserModel.updateOne(keyOf(ref), { $set: { awaiting } });
  },
  async setAnnouncements(ref, on) {
    await UserModel.updateOne(keyOf(ref), { $set: { announcements: on } });
  },
  async setPhoneKey(ref, phoneKey) {
    await UserModel.updateOne(keyOf(ref), { $set: { phoneKey } });
  },
  async markSeen(ref, category, count) {
    // Category ids are a-z, 0-9 and _ (campaign.ts): safe as a field name.
    await UserModel.updateOne(keyOf(ref), { $max: { [`seen.${category}`]: count } });
  },
  async markUnreachable(ref) {
    await UserModel.updateOne(keyOf(ref), { $set: { unreachable: true } });
  },
  async delete(ref) {
    await UserModel.deleteOne(keyOf(ref));
  },
  async eachRecipientChunk(filter, chunk, from = '') {
    // One query walked in pages of a thousand, by _id (so a job resumed after a crash goes on
    // from the last page): MongoDB walks the _id index; FerretDB 1.x sorts once instead of
    // scanning the collection again for every page, as a query per page made it do.
    const cursor = UserModel.find({
      ...recipientQuery(filter),
      _id: mongoose.trusted({ $gt: from }),
    })
      .sort({ _id: 1 })
      .lean()
      .cursor({ batchSize: CHUNK });
    let page: UserDoc[] = [];
    try {
      for await (const doc of cursor) {
        page.push(doc);
        if (page.length < CHUNK) continue;
        const last = page[page.length - 1]!._id;
        await chunk(page.map(toRecord), last);
        page = [];
      }
      if (page.length) await chunk(page.map(toRecord), page[page.length - 1]!._id);
    } finally {
      await cursor.close().catch(() => undefined);
    }
  },
  async count(filter) {
    return UserModel.countDocuments(recipientQuery(filter));
  },
};
