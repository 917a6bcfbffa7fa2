import { createHmac } from 'node:crypto';
import type { UserRef } from '../handlers/protocol.js';

/**
 * The document id of anything there is one of per account ("telegram:123"). A natural key as
 * _id is unique on every server without a second index, and _id lookups are the fastest path on
 * MongoDB and on FerretDB alike.
 */
export function accountKey(ref: UserRef): string {
  return `${ref.platform}:${ref.id}`;
}

/**
 * A person's keyed one-way hash: what votes and complaints keep instead of who made them. The
 * same secret (VOTER_HASH_SECRET) gives the same hash, so "one vote per person" holds, and
 * without the secret nobody can tell whose it is, not even by trying every account id.
 */
export function personHash(secret: string, ref: UserRef): string {
  return createHmac('sha256', secret).update(`${ref.platform}:${ref.id}`).digest('base64url');
}

/** The UTC hour a moment falls in ("2026-11-30T14"): the key the organisers' figures count by. */
export function utcHour(at: Date): string {
  return at.toISOString().slice(0, 13);
}
