import { z } from 'zod';
import { describeIssues } from '../handlers/campaign.js';
import { PLATFORMS } from './platforms.js';

// Everything the process reads from its environment, validated once at start-up. A bad value
// stops the bot with a message naming the variable, never a crash later in a handler.

/** The value .env.example ships with: anyone who read the README knows it. */
export const EXAMPLE_VOTER_SECRET = 'change-me-in-production';
const VOTER_SECRET_MIN = 32;

type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
/** Every platform's variables, in one shape. */
const platformSettings = Object.assign(
  {},
  ...PLATFORMS.map((platform) => platform.settings),
) as Intersection<(typeof PLATFORMS)[number]['settings']>;

export const envSchema = z
  .object({
    MONGODB_URI: z
      .string({ error: 'is required, e.g. mongodb://127.0.0.1:27017/dogoodthings' })
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://'),
    /**
     * Keys the one-way hash that stands for a voter in the votes collection, and signs the Vote
     * buttons. Keep it secret and stable; required (32+ characters) once a platform is set.
     */
    VOTER_HASH_SECRET: z.string().default(EXAMPLE_VOTER_SECRET),
    /** Seconds between two checks for entries due to be published. */
    CLOCK_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** Unset: a fifth of a second of sends at the rate, 10 to 200 (see defaultInFlight). */
    OUTBOX_IN_FLIGHT: z.coerce.number().int().min(1).max(200).optional(),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
    /**
     * Announcements slow down while people's updates take longer than this to answer (mean, in
     * milliseconds), down to 3% of the rate (at least 30 a second); 0 sends them at the full rate.
     */
    GIVE_WAY_MS: z.coerce.number().int().min(0).max(60_000).default(250),
    /** Anti-abuse: button presses one account may make in 10 seconds; more get "slow down". */
    BUTTON_PRESSES_PER_10S: z.coerce.number().int().min(1).default(15),
    /** Anti-abuse: messages (text, photos, commands) one account may send in 10 seconds. */
    MESSAGES_PER_10S: z.coerce.number().int().min(1).default(30),
    /** The longest one database operation may wait before the database counts as away. */
    DATABASE_TIMEOUT_MS: z.coerce.number().int().min(200).max(60_000).default(4_000),
    /** A webhook is answered before this; an update not handled by then is delivered again. */
    WEBHOOK_DEADLINE_MS: z.coerce.number().int().min(500).max(60_000).default(8_000),
    /** How often each process writes the votes it cast to the live counters on entries. */
    VOTE_COUNTS_WRITE_MS: z.coerce.number().int().min(100).max(3_600_000).default(1_000),
    /** How often one process checks the live counters against the votes (after a crash). */
    VOTE_COUNTS_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(20),
    /** Days a sent outbox row is kept; delivery figures survive as counters. */
    OUTBOX_KEEP_DAYS: z.coerce.number().min(1).max(365).default(14),
    /** /metrics on a port of its own (bound to METRICS_HOST), away from the public one. */
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    METRICS_HOST: z.string().default('127.0.0.1'),
    /** Or /metrics on HTTP_PORT for a scraper that sends "Authorization: Bearer <token>". */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    CAMPAIGN_FILE: z.string().default('campaign.json'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** The HTTP server: the webhook, /healthz and /metrics. */
    HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HTTP_HOST: z.string().default('0.0.0.0'),
    /** A Mini App's launch data older than this is refused. */
    MINI_APP_MAX_AGE_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(30 * 86_400)
      .default(86_400),
    /**
     * The website's public address (Telegram opens Mini Apps only over HTTPS): its pages' Open
     * Graph cards and share links use it. Default: http://localhost:HTTP_PORT.
     */
    SITE_URL: z
      .string()
      .url()
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
    // Each platform's own (bot/telegram/settings.ts, bot/vk/settings.ts).
    ...platformSettings,
  })
  .superRefine((env, ctx) => {
    const issue = (name: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [name], message });
    for (const platform of PLATFORMS) platform.check(env, issue);
    const secret = env.VOTER_HASH_SECRET;
    if (
      PLATFORMS.some((platform) => platform.configured(env)) &&
      (secret === EXAMPLE_VOTER_SECRET || secret.length < VOTER_SECRET_MIN)
    ) {
      issue(
        'VOTER_HASH_SECRET',
        `${secret === EXAMPLE_VOTER_SECRET ? 'is the example value' : 'is too short'}: it keys the ` +
          `voters' hashes and signs the Vote buttons, so it must be a secret of your own, at least ` +
          `${VOTER_SECRET_MIN} characters. Make one with \`openssl rand -hex 32\` and keep it for ` +
          'the whole contest',
      );
    }
    if (env.WEBHOOK_DEADLINE_MS <= env.DATABASE_TIMEOUT_MS) {
      issue(
        'WEBHOOK_DEADLINE_MS',
        `must be above DATABASE_TIMEOUT_MS (${env.DATABASE_TIMEOUT_MS}): a database wait may not outlast the answer`,
      );
    }
  });

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // `NAME=` in .env means "not set", as in .env.example: an empty value takes the default.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(given);
  if (!parsed.success) {
    throw new ConfigError(`Invalid environment:\n${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/** The variables whose values must never reach a log line. */
export const SECRET_NAMES = [
  'VOTER_HASH_SECRET',
  'METRICS_TOKEN',
  ...PLATFORMS.flatMap((platform) => platform.secrets),
] as const;

/** Every value in the configuration that must never reach a log line. */
export function secretsOf(config: Config): (string | undefined)[] {
  return SECRET_NAMES.map((name) => config[name] as string | undefined);
}

/** Whether any platform is set up: if not, `npm start` is the terminal chat. */
export function anyPlatform(config: Config): boolean {
  return PLATFORMS.some((platform) => platform.configured(config));
}
