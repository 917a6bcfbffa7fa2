import { createHash, randomBytes } from 'node:crypto';
import { Schema, model } from 'mongoose';
import type { UserRef } from '../handlers/protocol.js';

// The organisers' panel's sign-in: a one-time link (valid ten minutes, used once) opens a session
// (a cookie). Only the SHA-256 of each secret is stored: reading the database gives no way in.

const TOKEN_MS = 10 * 60 * 1000;
const SESSION_MS = 12 * 60 * 60 * 1000;

const tokenSchema = new Schema({
  _id: { type: String, required: true },
  platform: { type: String, required: true },
  userId: { type: String, required: true },
  expires: { type: Date, required: true },
  used: { type: Boolean, default: false },
});
export const PanelTokenModel = model('PanelToken', tokenSchema);

const sessionSchema = new Schema({
  _id: { type: String, required: true },
  platform: { type: String, required: true },
  userId: { type: String, required: true },
  csrf: { type: String, required: true },
  expires: { type: Date, required: true },
  /** What the last action did, shown once by the page it leads to (post, redirect, get). */
  flash: [String],
});
export const PanelSessionModel = model('PanelSession', sessionSchema);

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');
const secret = () => randomBytes(32).toString('base64url');

export interface PanelSession {
  who: UserRef;
  csrf: string;
}

/** A one-time sign-in token for this moderator. */
export async function issuePanelToken(who: UserRef, now: Date): Promise<string> {
  const token = secret();
  await PanelTokenModel.create({
    _id: hashOf(token),
    platform: who.platform,
    userId: who.id,
    expires: new Date(now.getTime() + TOKEN_MS),
  });
  return token;
}

/** Uses a token, once: a session id for its moderator, or null (unknown, used or expired). */
export async function usePanelToken(
  token: string,
  now: Date,
): Promise<{ sid: string; session: PanelSession } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const doc = await PanelTokenModel.findOneAndUpdate(
    { _id: hashOf(token), used: false },
    { $set: { used: true } },
  ).lean();
  if (!doc || doc.expires <= now) return null;
  const sid = secret();
  const session = { who: { platform: doc.platform, id: doc.userId }, csrf: secret() };
  await PanelSessionModel.create({
    _id: hashOf(sid),
    platform: doc.platform,
    userId: doc.userId,
    csrf: session.csrf,
    expires: new Date(now.getTime() + SESSION_MS),
  });
  return { sid, session };
}

export async function panelSession(sid: string, now: Date): Promise<PanelSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(sid)) return null;
  const doc = await PanelSessionModel.findById(hashOf(sid)).lean();
  if (!doc || doc.expires <= now) return null;
  return { who: { platform: doc.platform, id: doc.userId }, csrf: doc.csrf };
}

/** Keeps what an action did for the page shown after it. */
export async function setPanelFlash(sid: string, lines: string[]): Promise<void> {
  await PanelSessionModel.updateOne({ _id: hashOf(sid) }, { $set: { flash: lines } });
}

/** What the last action did, once: it is cleared as it is read. */
export async function takePanelFlash(sid: string): Promise<string[]> {
  const doc = await PanelSessionModel.findOneAndUpdate(
    { _id: hashOf(sid) },
    { $set: { flash: [] } },
  ).lean();
  return doc?.flash ?? [];
}

export async function endPanelSession(sid: string): Promise<void> {
  await PanelSessionModel.deleteOne({ _id: hashOf(sid) });
}
