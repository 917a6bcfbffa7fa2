import { z } from 'zod';
import { flag, idList, webhookSecret } from '../settings.js';

/** Telegram's environment variables, validated with the rest of the configuration. */
export const telegramSettings = {
  /** Without a token (and no other platform's), `npm start` opens the terminal chat. */
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'does not look like a token from @BotFather (123456:ABC...)')
    .optional(),
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  TELEGRAM_ADMIN_IDS: idList,
  /** Of everyone who moderates, those who also broadcast, export, void votes and see results early. */
  TELEGRAM_ORGANISER_IDS: idList,
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
  TELEGRAM_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(30),
  TELEGRAM_PER_CHAT_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  /**
   * Telegram's paid broadcast: announcements and results beyond the free 30 a second go with
   * allow_paid_broadcast, up to TELEGRAM_PAID_RATE_PER_SECOND, for 0.1 Star a message from the
   * bot's balance, until TELEGRAM_PAID_BUDGET_STARS are spent. Off by default.
   */
  TELEGRAM_PAID_BROADCAST: flag,
  TELEGRAM_PAID_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(1000),
  TELEGRAM_PAID_BUDGET_STARS: z.coerce.number().min(0).default(0),
  /** polling: one machine, no public address. webhook: behind a load balancer, several processes. */
  TELEGRAM_MODE: z.enum(['polling', 'webhook']).default('polling'),
  /** The public HTTPS address Telegram posts updates to, e.g. https://bot.example.kz/telegram. */
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  /** Checked on every webhook request (Telegram's secret_token); without it anyone could post updates. */
  TELEGRAM_WEBHOOK_SECRET: webhookSecret.optional(),
};
