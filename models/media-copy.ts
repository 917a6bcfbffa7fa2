import { createHash } from 'node:crypto';
import mongoose, { Schema, model } from 'mongoose';
import type { Media, Platform } from '../handlers/protocol.js';
import { upsertRetrying } from './errors.js';

// One gallery across platforms. A photo or video sent on one platform is copied once into
// GridFS (found again by its SHA-256, so the same bytes are kept once), and the first time it is
// shown on another platform it is uploaded there; that platform's id or attachment string is
// kept here, under the file's origin, so every later card reuses it.

const mediaCopySchema = new Schema({
  /** "<origin platform>:<the origin's unique id>". */
  _id: { type: String, required: true },
  sha256: { type: String },
  /** The GridFS file holding the bytes. */
  fileId: { type: Schema.Types.ObjectId },
  contentType: { type: String },
  /** Per platform: Telegram's file_id, VK's attachment string ("photo-1_2_key"). */
  copies: { type: Schema.Types.Mixed, default: {} },
  at: { type: Date, required: true },
});

export const MediaCopyModel = model('MediaCopy', mediaCopySchema);

const keyOf = (media: Media) => `${media.platform}:${media.uniqueId}`;

function bucket() {
  return new mongoose.mongo.GridFSBucket(mongoose.connection.db!, { bucketName: 'media' });
}

/** The platform's own id for showing this media there, if it was uploaded before. */
export async function copyOn(media: Media, platform: Platform): Promise<string | undefined> {
  if (media.platform === platform) return media.fileId;
  const doc = await MediaCopyModel.findById(keyOf(media)).lean();
  const copies = (doc?.copies ?? {}) as Record<string, string>;
  return copies[platform];
}

export async function rememberCopy(media: Media, platform: Platform, ref: string): Promise<void> {
  await upsertRetrying(() =>
    MediaCopyModel.updateOne(
      { _id: keyOf(media) },
      { $set: { [`copies.${platform}`]: ref }, $setOnInsert: { at: new Date() } },
      { upsert: true },
    ),
  );
}

/** The stored bytes of this media, or null when they were never copied. */
export async function storedBytes(
  media: Media,
): Promise<{ bytes: Buffer; contentType: string } | null> {
  const doc = await MediaCopyModel.findById(keyOf(media)).lean();
  if (!doc?.fileId) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of bucket().openDownloadStream(doc.fileId)) chunks.push(chunk as Buffer);
  return {
    bytes: Buffer.concat(chunks),
    contentType: doc.contentType ?? 'application/octet-stream',
  };
}

/** Keeps the bytes of this media in GridFS (once per content) and returns their SHA-256. */
export async function storeBytes(
  media: Media,
  bytes: Buffer,
  contentType: string,
): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const known = await MediaCopyModel.findOne({ sha256 }, { fileId: 1 }).lean();
  let fileId = known?.fileId;
  if (!fileId) {
    const upload = bucket().openUploadStream(`${sha256}`, { metadata: { sha256, contentType } });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(bytes);
    });
    fileId = upload.id;
  }
  await upsertRetrying(() =>
    MediaCopyModel.updateOne(
      { _id: keyOf(media) },
      { $set: { sha256, fileId, contentType }, $setOnInsert: { at: new Date() } },
      { upsert: true },
    ),
  );
  return sha256;
}

/** True when the bytes of this media are already kept. */
export async function isStored(media: Media): Promise<boolean> {
  const doc = await MediaCopyModel.findById(keyOf(media), { fileId: 1 }).lean();
  return Boolean(doc?.fileId);
}

/** How many of these media have bytes or platform copies kept. */
export async function mediaFilesOf(
  media: { platform: string; uniqueId: string }[],
): Promise<number> {
  if (!media.length) return 0;
  const ids = media.map((m) => `${m.platform}:${m.uniqueId}`);
  return MediaCopyModel.countDocuments({ _id: mongoose.trusted({ $in: ids }) });
}

/**
 * Forgets these media: their platform copies, and their bytes unless another kept file has the
 * same content (the same picture sent by someone else).
 */
export async function forgetMedia(media: { platform: string; uniqueId: string }[]): Promise<void> {
  // With each photo its thumbnail for the website (bot/web/site.ts), kept under its id + ":thumb".
  const keys = media.flatMap((m) => [
    `${m.platform}:${m.uniqueId}`,
    `${m.platform}:${m.uniqueId}:thumb`,
  ]);
  for (const _id of keys) {
    const doc = await MediaCopyModel.findOneAndDelete({ _id }).lean();
    if (!doc?.fileId) continue;
    const shared = await MediaCopyModel.exists({ fileId: doc.fileId });
    if (!shared)
      await bucket()
        .delete(doc.fileId)
        .catch(() => undefined);
  }
}
