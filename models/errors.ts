/** True for MongoDB's duplicate-key error: the unique index said "already there". */
export function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}

// Every way a connection to the database can fail means "the database is away": the update is
// delivered again once it is back, never answered as handled. Measured against FerretDB and the
// MongoDB driver: a frozen server gives MongoNetworkTimeoutError or MongoWaitQueueTimeoutError,
// a killed one MongoNetworkError (labelled ResetPool) and then MongoServerSelectionError, a
// socket closed by the other side an EPIPE or ECONNRESET from Node, a replica set in an election
// the server codes below.

const UNAVAILABLE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoWaitQueueTimeoutError',
  'MongoTopologyClosedError',
  'MongoOperationTimeoutError',
]);

const UNAVAILABLE_LABELS = ['ResetPool', 'RetryableWriteError', 'SystemOverloadedError'];

/** Server codes for "not now": host unreachable, shutting down, no primary, timed out. */
const UNAVAILABLE_CODES = new Set([
  6, 7, 50, 89, 91, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436,
]);

const UNAVAILABLE_SYSTEM_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTCONN',
  'ERR_STREAM_DESTROYED',
]);

const UNAVAILABLE_MESSAGE =
  /buffering timed out|connection .* (closed|timed out)|ended by the other party|socket hang up|ECONNREFUSED|ECONNRESET|Client must be connected/i;

function looksUnavailable(error: Record<string, unknown>): boolean {
  const { name, code, message, errorLabels } = error;
  if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return true;
  if (typeof code === 'number' && UNAVAILABLE_CODES.has(code)) return true;
  if (typeof code === 'string' && UNAVAILABLE_SYSTEM_CODES.has(code)) return true;
  const labels = Array.isArray(errorLabels) ? errorLabels : [];
  if (labels.some((l) => UNAVAILABLE_LABELS.includes(String(l)))) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
}

/** True when the database could not be reached (as opposed to refusing an operation). */
export function isDatabaseUnavailable(error: unknown): boolean {
  // The driver and mongoose wrap: look down the chain of causes, a few levels at most.
  let current: unknown = error;
  for (let depth = 0; depth < 5; depth += 1) {
    if (typeof current !== 'object' || current === null) return false;
    const record = current as Record<string, unknown>;
    if (looksUnavailable(record)) return true;
    current = record.cause ?? record.reason;
  }
  return false;
}

/**
 * Runs an upsert again when it lost a race: two upserts of the same new _id at once can both
 * find nothing and both insert, and the second then fails on the unique index (MongoDB and
 * FerretDB alike). Tried again, it finds the document the first made and updates it.
 */
export async function upsertRetrying<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return upsert();
  }
}
