/** True for MongoDB's duplicate-key error: the unique index said "already there". */
export function isDuplicateKey(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}

const UNAVAILABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'MongoTopologyClosedError',
]);

/** True when the database could not be reached (as opposed to refusing an operation). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (typeof name === 'string' && UNAVAILABLE.has(name)) return true;
  return (
    typeof message === 'string' &&
    /buffering timed out|connection .* closed|ECONNREFUSED/i.test(message)
  );
}
