import type { Media, Platform } from '../handlers/protocol.js';
import { entriesWithMediaToKeep, markMediaKept } from '../models/entry.js';
import { copyOn, isStored, rememberCopy, storeBytes, storedBytes } from '../models/media-copy.js';
import type { Logger } from './logger.js';

export interface Bytes {
  bytes: Buffer;
  contentType: string;
}

/** Fetches a file from the platform it was sent on. */
export type Download = (media: Media) => Promise<Bytes>;

/**
 * The media of all platforms: the bytes of what people sent (kept once in GridFS) and, per
 * platform, the id under which each file was uploaded there. Each platform's edge registers how
 * to download from it; rendering on another platform asks here for the bytes or the copy.
 */
export class MediaLibrary {
  private readonly downloads = new Map<Platform, Download>();

  constructor(private readonly log: Logger) {}

  registerDownload(platform: Platform, download: Download): void {
    this.downloads.set(platform, download);
  }

  /** The platform's id for this media when it was uploaded there before. */
  copyOn(media: Media, platform: Platform): Promise<string | undefined> {
    return copyOn(media, platform);
  }

  remember(media: Media, platform: Platform, ref: string): Promise<void> {
    return rememberCopy(media, platform, ref);
  }

  /** The file's bytes: the kept copy, or fetched from its platform now (and kept). */
  async bytesOf(media: Media): Promise<Bytes> {
    const stored = await storedBytes(media);
    if (stored) return stored;
    const download = this.downloads.get(media.platform);
    if (!download) throw new Error(`cannot download media from ${media.platform} here`);
    const fetched = await download(media);
    await storeBytes(media, fetched.bytes, fetched.contentType);
    return fetched;
  }

  /** Keeps bytes that came with no platform to fetch them from (a Mini App's upload). */
  async keep(media: Media, bytes: Buffer, contentType: string): Promise<void> {
    await storeBytes(media, bytes, contentType);
  }

  /**
   * Something made from a file (a photo's thumbnail for the website), made once and kept beside
   * it under the file's id and `kind` (forgetting the file forgets it too: see forgetMedia).
   */
  async derived(
    media: Media,
    kind: string,
    make: (original: Bytes) => Promise<Bytes>,
  ): Promise<Bytes> {
    const key: Media = { ...media, uniqueId: `${media.uniqueId}:${kind}` };
    const kept = await storedBytes(key);
    if (kept) return kept;
    const made = await make(await this.bytesOf(media));
    await storeBytes(key, made.bytes, made.contentType);
    return made;
  }

  /** Copies the media of newly sent entries into GridFS; the clock calls it every tick. */
  async keepNew(limit = 20): Promise<number> {
    const entries = await entriesWithMediaToKeep(limit);
    let kept = 0;
    for (const entry of entries) {
      try {
        for (const media of entry.media) {
          if (!(await isStored(media)) && this.downloads.has(media.platform)) {
            await this.bytesOf(media);
            kept += 1;
          }
        }
        await markMediaKept(entry.id);
      } catch (error) {
        // Tried again next tick; showing the entry elsewhere fetches it on demand meanwhile.
        this.log.warn({ err: error, entry: entry.number }, 'could not keep an entry’s media');
      }
    }
    return kept;
  }
}

/** Largest file the bot copies: a video may be up to 20 MB (Telegram's download limit). */
export const DOWNLOAD_LIMIT = 25 * 1024 * 1024;

/**
 * Downloads a URL's bytes, refusing anything over `maxBytes` as it streams in: a declared length
 * over it is refused before reading, and a body without one is cut off at the limit.
 */
export async function downloadUrl(url: string, maxBytes = DOWNLOAD_LIMIT): Promise<Bytes> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`download failed: HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    const tooLarge = () => new Error(`download over ${maxBytes} bytes`);
    if (declared > maxBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge();
      chunks.push(Buffer.from(chunk));
    }
    const contentType = response.headers.get('content-type') ?? 'application/octet-stream';
    return { bytes: Buffer.concat(chunks), contentType };
  } finally {
    clearTimeout(timer);
    // Whatever was not read is not wanted.
    controller.abort();
  }
}
