import mongoose, { Schema, model } from 'mongoose';
import { accountKey } from './keys.js';
import type { Actor, Awaiting, Lang, UserRecord, UserRef, UserStore } from '../handlers/ports.js';

const userSchema = new Schema({
  _id: { type: String, required: true },
  platform: { type: String, required: true },
  userId: { type: String, required: true },
  lang: { type: String, enum: ['kk', 'ru', 'en'], required: true },
  displayName: { type: String },
  awaiting: { type: Schema.Types.Mixed, default: null },
  createdAt: { type: Date, required: true },
});
// One record per account (_id "telegram:123"); a Telegram and a VK account are different people.

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
    ...(doc.displayName ? { displayName: doc.displayName } : {}),
  };
}

export const mongoUserStore: UserStore = {
  async ensure(actor: Actor, lang: Lang) {
    // Every update passes here: read first, and write only for a newcomer or a changed name.
    const known = await UserModel.findOne(keyOf(actor)).lean();
    if (known && (!actor.displayName || known.displayName === actor.displayName))
      return toRecord(known);
    const doc = await UserModel.findOneAndUpdate(
      keyOf(actor),
      {
        $setOnInsert: { platform: actor.platform, userId: actor.id, lang, createdAt: new Date() },
        ...(actor.displayName ? { $set: { displayName: actor.displayName } } : {}),
      },
      { upsert: true, returnDocument: 'after' },
    ).lean();
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
  async delete(ref) {
    await UserModel.deleteOne(keyOf(ref));
  },
};
