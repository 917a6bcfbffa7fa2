// What a file is, read from its first bytes: the platforms' downloads often say only
// "octet-stream" (Telegram's do), and an upload's declared type is the sender's word.

/** The MIME type of a photo (JPEG, PNG, WebP) or an MP4 video, or null for anything else. */
export function sniffType(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 12);
  if (head[0] === 0x89 && head.toString('latin1', 1, 4) === 'PNG') return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  if (head.toString('latin1', 4, 8) === 'ftyp') return 'video/mp4';
  return null;
}
