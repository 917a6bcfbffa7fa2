import { z } from 'zod';
import { describeIssues } from '../handlers/campaign.js';

// Everything the process reads from its environment, validated once at start-up. A bad value
// stops the bot with a message naming the variable, never a crash later in a handler.

const idList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^\d{1,20}$/, 'must be numeric user ids separated by commas')));

/** The value .env.example ships with: anyone who read the README knows it. */
export const EXAMPLE_VOTER_SECRET = 'change-me-in-production';
const VOTER_SECRET_MIN = 32;

const webhookSecret = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 characters of A-Z, a-z, 0-9, _ and -');

export const envSchema = z
  .object({
    /** Without a token, `npm start` opens the terminal chat instead of connecting to Telegram. */
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]{20,}$/, 'does not look like a token from @BotFather (123456:ABC...)')
      .optional(),
    TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
    TELEGRAM_ADMIN_IDS: idList,
    /** Of everyone who moderates, those who also broadcast, export, void votes and see results early. */
    TELEGRAM_ORGANISER_IDS: idList,
    MONGODB_URI: z
      .string({ error: 'is required, e.g. mongodb://127.0.0.1:27017/dogoodthings' })
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://'),
    /** A channel (@name or -100… id) that gets one post per published entry; the bot must be its admin. */
    TELEGRAM_CHANNEL_ID: z
      .string()
      .regex(/^(@\w{5,}|-100\d+)$/, 'must be @channelname or a -100… channel id')
      .optional(),
    /** When set, only members of this channel may vote (checked with getChatMember). */
    TELEGRAM_VOTE_CHANNEL: z
      .string()
      .regex(/^(@\w{5,}|-100\d+)$/, 'must be @channelname or a -100… channel id')
      .optional(),
    /**
     * Keys the one-way hash that stands for a voter in the votes collection, and signs the Vote
     * buttons. Keep it secret and stable; required (32+ characters) once a platform is set.
     */
    VOTER_HASH_SECRET: z.string().default(EXAMPLE_VOTER_SECRET),
    /** Seconds between two checks for entries due to be published. */
    CLOCK_TICK_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    TELEGRAM_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(30),
    TELEGRAM_PER_CHAT_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
    /**
     * Telegram's paid broadcast: announcements and results beyond the free 30 a second go with
     * allow_paid_broadcast, up to TELEGRAM_PAID_RATE_PER_SECOND, for 0.1 Star a message from the
     * bot's balance, until TELEGRAM_PAID_BUDGET_STARS are spent. Off by default.
     */
    TELEGRAM_PAID_BROADCAST: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    TELEGRAM_PAID_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(1000),
    TELEGRAM_PAID_BUDGET_STARS: z.coerce.number().min(0).default(0),
    /** Unset: a fifth of a second of sends at the rate, 10 to 200 (see defaultInFlight). */
    OUTBOX_IN_FLIGHT: z.coerce.number().int().min(1).max(200).optional(),
    OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
    /** How long a sender holds the rows it claimed; after a crash, others take them over then. */
    OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
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
    /** polling: one machine, no public address. webhook: behind a load balancer, several processes. */
    TELEGRAM_MODE: z.enum(['polling', 'webhook']).default('polling'),
    /** The public HTTPS address Telegram posts updates to, e.g. https://bot.example.kz/telegram. */
    TELEGRAM_WEBHOOK_URL: z.url().optional(),
    /** Checked on every webhook request (Telegram's secret_token); without it anyone could post updates. */
    TELEGRAM_WEBHOOK_SECRET: webhookSecret.optional(),
    /** A community token (Manage community → API usage) with messages, photos and docs rights. */
    VK_TOKEN: z.string().min(20, 'does not look like a VK community token').optional(),
    /** The community's numeric id (without the minus). Required with VK_TOKEN. */
    VK_GROUP_ID: z
      .string()
      .regex(/^\d{1,12}$/, 'must be the numeric community id')
      .optional(),
    VK_API_ROOT: z.url().default('https://api.vk.ru/method'),
    /** Requests a second to the VK API: a community token allows 20. */
    VK_API_LIMIT: z.coerce.number().int().min(1).max(20).default(20),
    VK_ADMIN_IDS: idList,
    VK_ORGANISER_IDS: idList,
    /** longpoll: one machine. callback: VK posts events to VK_CALLBACK_PATH on the HTTP server. */
    VK_MODE: z.enum(['longpoll', 'callback']).default('longpoll'),
    VK_CALLBACK_PATH: z
      .string()
      .regex(/^\/[\w/-]*$/, 'must be a path such as /vk')
      .default('/vk'),
    /** The "Secret key" set in the community's Callback API settings; checked on every request. */
    VK_CALLBACK_SECRET: webhookSecret.optional(),
    /** The "String to be returned" shown in the community's Callback API settings. */
    VK_CONFIRMATION: z
      .string()
      .regex(/^\w{4,64}$/, 'must be the confirmation string VK shows')
      .optional(),
    /** Messages a second the outbox sends on VK (identical messages go out 100 to a request). */
    VK_RATE_PER_SECOND: z.coerce.number().positive().max(5000).default(100),
    /** When true, only members of the community may vote on VK (groups.isMember). */
    VK_VOTE_MEMBERS_ONLY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    /** The HTTP server: the webhook, /healthz and /metrics. */
    HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HTTP_HOST: z.string().default('0.0.0.0'),
    /**
     * The website's public address (Telegram opens Mini Apps only over HTTPS): its pages' Open
     * Graph cards and share links use it. Default: http://localhost:HTTP_PORT.
     */
    /** A VK Mini App of the contest (its id and secret key): its launch parameters are checked. */
    VK_APP_ID: z
      .string()
      .regex(/^\d{1,12}$/)
      .optional(),
    VK_APP_SECRET: z.string().min(8).optional(),
    /** A Mini App's launch data older than this is refused. */
    MINI_APP_MAX_AGE_SECONDS: z.coerce
      .number()
      .int()
      .min(60)
      .max(30 * 86_400)
      .default(86_400),
    SITE_URL: z
      .string()
      .url()
      .transform((u) => u.replace(/\/+$/, ''))
      .optional(),
  })
  .superRefine((env, ctx) => {
    const need = (name: keyof typeof env, when: string) => {
      if (!env[name])
        ctx.addIssue({ code: 'custom', path: [name], message: `is required ${when}` });
    };
    if (env.VK_TOKEN) need('VK_GROUP_ID', 'with VK_TOKEN');
    const secret = env.VOTER_HASH_SECRET;
    if (
      (env.TELEGRAM_BOT_TOKEN || env.VK_TOKEN) &&
      (secret === EXAMPLE_VOTER_SECRET || secret.length < VOTER_SECRET_MIN)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['VOTER_HASH_SECRET'],
        message:
          `${secret === EXAMPLE_VOTER_SECRET ? 'is the example value' : 'is too short'}: it keys the ` +
          `voters' hashes and signs the Vote buttons, so it must be a secret of your own, at least ` +
          `${VOTER_SECRET_MIN} characters. Make one with \`openssl rand -hex 32\` and keep it for ` +
          'the whole contest',
      });
    }
    if (env.WEBHOOK_DEADLINE_MS <= env.DATABASE_TIMEOUT_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_DEADLINE_MS'],
        message: `must be above DATABASE_TIMEOUT_MS (${env.DATABASE_TIMEOUT_MS}): a database wait may not outlast the answer`,
      });
    }
    if (env.VK_TOKEN && env.VK_MODE === 'callback') {
      need('VK_CALLBACK_SECRET', 'when VK_MODE=callback');
      need('VK_CONFIRMATION', 'when VK_MODE=callback');
    }
    if (env.TELEGRAM_MODE !== 'webhook') return;
    if (!env.TELEGRAM_WEBHOOK_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_URL'],
        message: 'is required when TELEGRAM_MODE=webhook',
      });
    }
    if (!env.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['TELEGRAM_WEBHOOK_SECRET'],
        message: 'is required when TELEGRAM_MODE=webhook',
      });
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

/** Every value in the configuration that must never reach a log line. */
export function secretsOf(config: Config): (string | undefined)[] {
  return [
    config.TELEGRAM_BOT_TOKEN,
    config.TELEGRAM_WEBHOOK_SECRET,
    config.VK_TOKEN,
    config.VK_CALLBACK_SECRET,
    config.VOTER_HASH_SECRET,
    config.METRICS_TOKEN,
  ];
}
