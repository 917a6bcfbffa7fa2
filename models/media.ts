import { Schema } from 'mongoose';
import type { Media } from '../handlers/protocol.js';

export const mediaSchema = new Schema(
  {
    type: { type: String, enum: ['photo', 'video'], required: true },
    platform: { type: String, required: true },
    fileId: { type: String, required: true },
    uniqueId: { type: String, required: true },
    sizeBytes: { type: Number },
    /** Where the platform lets the bytes be downloaded, when its id alone does not (VK photos). */
    url: { type: String },
  },
  { _id: false },
);

/** A stored media item as the core sees it (no empty optional fields). */
export function toMedia(m: {
  type: string;
  platform: string;
  fileId: string;
  uniqueId: string;
  sizeBytes?: number | null;
  url?: string | null;
}): Media {
  return {
    type: m.type as Media['type'],
    platform: m.platform as Media['platform'],
    fileId: m.fileId,
    uniqueId: m.uniqueId,
    ...(m.sizeBytes != null ? { sizeBytes: m.sizeBytes } : {}),
    ...(m.url ? { url: m.url } : {}),
  };
}
