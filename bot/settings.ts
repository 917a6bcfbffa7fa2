import { z } from 'zod';

// Pieces of the environment's schema that the app's settings and each platform's share.

/** A list of numeric user ids separated by commas (moderators, organisers). */
export const idList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^\d{1,20}$/, 'must be numeric user ids separated by commas')));

/** A secret a platform sends with every webhook request. */
export const webhookSecret = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ and -');

/** "true" or "false", off unless said. */
export const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');
