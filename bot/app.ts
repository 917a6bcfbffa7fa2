import { randomUUID } from 'node:crypto';
import { webhookCallback, type Bot } from 'grammy';
import type { Campaign } from '../handlers/campaign.js';
import type { Deps } from '../handlers/index.js';
import type { Clock, Links, Outbox, UserRef } from '../handlers/ports.js';
import { cachedEntries, cachedVotes } from './caches.js';
import { PressLimiter } from '../handlers/press-limit.js';
import { publishDue } from '../handlers/publish.js';
import { runDueEvents } from '../handlers/schedule.js';
import {
  connectDatabase,
  createMongoStores,
  disconnectDatabase,
  forgetUpdatesBefore,
  mongoOutbox,
} from '../models/index.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { OutboxSender } from './outbox-sender.js';
import { startHttpServer, type RequestHandler } from './http-server.js';
import { InFlight } from './in-flight.js';
import { createMetrics } from './metrics.js';
import { createTelegramBot } from './telegram/bot.js';
import { registerCommands } from './telegram/commands.js';
import { telegramMembership } from './telegram/membership.js';
import { TelegramPolling } from './telegram/polling.js';
import { telegramTransport } from './telegram/transport.js';

export interface App {
  bot: Bot;
  /** The port of the HTTP server (webhook, /healthz, /metrics). */
  httpPort: number;
  deps: Deps;
  sender: OutboxSender;
  /** Runs the clock's work once (publication, announcements); a timer calls it, tests call it too. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function adminsOf(config: Config): UserRef[] {
  return config.TELEGRAM_ADMIN_IDS.map((id) => ({ platform: 'telegram' as const, id }));
}

function linksFor(botUsername: string): Links {
  return {
    // Telegram start parameters allow A-Z, a-z, 0-9, _ and -, up to 64 characters: "e17" fits.
    entry: (_platform, number) => `https://t.me/${botUsername}?start=e${number}`,
  };
}

export interface AppOptions {
  /** Take updates (long polling). Off for a process that only sends and keeps the clock. */
  poll?: boolean;
}

/** Starts the whole bot: database, Telegram long polling, command menu, outbox sender, clock. */
export async function startApp(
  config: Config,
  campaign: Campaign,
  clock: Clock,
  log: Logger,
  options: AppOptions = {},
): Promise<App> {
  const processId = randomUUID();
  await connectDatabase(config.MONGODB_URI);
  // Update ids older than a day can no longer be redelivered.
  await forgetUpdatesBefore(new Date(Date.now() - DAY_MS));
  if (config.VOTER_HASH_SECRET === 'change-me-in-production') {
    log.warn('VOTER_HASH_SECRET is the default: set a secret of your own before the contest');
  }

  // Queuing wakes the sender at once rather than at its next look; it is created further down.
  const wakeSender = { poke: () => undefined as void };
  const outbox: Outbox = {
    async enqueue(items) {
      const queued = await mongoOutbox.enqueue(items);
      if (queued) wakeSender.poke();
      return queued;
    },
  };
  const metrics = createMetrics();
  const inFlight = new InFlight();
  const base = createMongoStores({ voterSecret: config.VOTER_HASH_SECRET });
  const stores = {
    ...base,
    entries: cachedEntries(base.entries),
    votes: cachedVotes(base.votes, metrics),
  };
  const deps: Deps = {
    stores,
    campaign,
    clock,
    admins: adminsOf(config),
    links: { entry: () => '' },
    channels: config.TELEGRAM_CHANNEL_ID
      ? [{ platform: 'telegram', id: config.TELEGRAM_CHANNEL_ID }]
      : [],
    pressLimiter: new PressLimiter(config.BUTTON_PRESSES_PER_10S, 10_000),
    outbox,
  };
  const bot = createTelegramBot({
    metrics,
    inFlight,
    processId,
    // Webhooks: Telegram gives up on a request after about 10 s; a claim a minute old is abandoned.
    takeOverAfterMs: config.TELEGRAM_MODE === 'webhook' ? 60_000 : 0,
    token: config.TELEGRAM_BOT_TOKEN!,
    apiRoot: config.TELEGRAM_API_ROOT,
    deps,
    log,
  });
  await bot.init();
  deps.links = linksFor(bot.botInfo.username);
  if (config.TELEGRAM_VOTE_CHANNEL) {
    deps.membership = telegramMembership(bot.api, config.TELEGRAM_VOTE_CHANNEL, log);
  }
  await registerCommands(bot.api, campaign.defaultLanguage);

  const sender = new OutboxSender(telegramTransport(bot.api), log.child({ part: 'outbox' }), {
    owner: processId,
    ratePerSecond: config.TELEGRAM_RATE_PER_SECOND,
    perChatIntervalMs: config.TELEGRAM_PER_CHAT_INTERVAL_MS,
    inFlight: config.OUTBOX_IN_FLIGHT,
    leaseMs: config.OUTBOX_LEASE_SECONDS * 1000,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    idleMs: 250,
    onUnreachable: (reply) => stores.users.markUnreachable(reply.to),
  });
  wakeSender.poke = () => sender.poke();
  sender.start();

  const allowedUpdates: ('message' | 'callback_query')[] = ['message', 'callback_query'];
  const polling = new TelegramPolling(bot, log, { allowedUpdates });
  const webhooks: Record<string, RequestHandler> = {};
  if (config.TELEGRAM_MODE === 'webhook') {
    const url = new URL(config.TELEGRAM_WEBHOOK_URL!);
    // The secret is mandatory in this mode: a request without it gets 401 and changes nothing.
    webhooks[url.pathname] = webhookCallback(bot, 'http', {
      secretToken: config.TELEGRAM_WEBHOOK_SECRET!,
      onTimeout: 'return',
      timeoutMilliseconds: 9_000,
    });
  }
  const http = await startHttpServer({
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    metrics,
    log,
    webhooks,
  });
  if (config.TELEGRAM_MODE === 'webhook') {
    if (options.poll !== false) {
      await bot.api.setWebhook(config.TELEGRAM_WEBHOOK_URL!, {
        secret_token: config.TELEGRAM_WEBHOOK_SECRET!,
        allowed_updates: allowedUpdates,
        max_connections: 100,
      });
    }
    log.info({ bot: bot.botInfo.username }, 'Telegram webhook mode');
  } else if (options.poll !== false) {
    polling.start();
    log.info({ bot: bot.botInfo.username }, 'Telegram long polling started');
  }

  const tick = async () => {
    await publishDue(deps);
    const ran = await runDueEvents(deps, processId);
    if (ran.length) log.info({ events: ran }, 'campaign events');
  };
  let ticking = Promise.resolve();
  const timer = setInterval(() => {
    ticking = tick().catch((error: unknown) => log.error({ err: error }, 'clock tick failed'));
  }, config.CLOCK_TICK_SECONDS * 1000);
  timer.unref();
  ticking = tick().catch((error: unknown) => log.error({ err: error }, 'clock tick failed'));

  return {
    bot,
    httpPort: http.port,
    deps,
    sender,
    tick,
    /** Graceful: stop taking updates, finish what is in hand, give back outbox leases. */
    async stop() {
      clearInterval(timer);
      await polling.stop();
      await http.close();
      await inFlight.idle(10_000);
      await ticking;
      await sender.stop();
      await disconnectDatabase();
    },
  };
}
