import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** Webhook and callback bodies: a Telegram update or a VK event is a few kilobytes. */
export const BODY_LIMIT = 1024 * 1024;

export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

/**
 * Reads a request's body, refusing one over `limit` bytes before reading it whole: a declared
 * length over the limit is refused at once, and a body without one stops at the limit.
 */
export async function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) throw new BodyTooLarge(`${declared} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.destroy();
      throw new BodyTooLarge(`over ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Compares a secret in constant time (a header or a field against the configured value). */
export function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
