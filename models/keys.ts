import type { UserRef } from '../handlers/ports.js';

/**
 * The document id of anything there is one of per account ("telegram:123"). A natural key as
 * _id is unique on every server without a second index, and _id lookups are the fastest path on
 * MongoDB and on FerretDB alike.
 */
export function accountKey(ref: UserRef): string {
  return `${ref.platform}:${ref.id}`;
}
