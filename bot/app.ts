import { randomUUID } from 'node:crypto';
import type { Bot } from 'grammy';
import type { Campaign } from '../handlers/campaign.js';
import type { Deps } from '../handlers/index.js';
import type { Clock, Links, UserRef } from '../handlers/ports.js';
import { PressLimiter } from '../handlers/press-limit.js';
import { publishDue } from '../handlers/publish.js';
import {
  connectDatabase,
  createMongoStores,
  disconnectDatabase,
  forgetUpdatesBefore,
} from '../models/index.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { createTelegramBot } from './telegram/bot.js';
import { registerCommands } from './telegram/commands.js';
import { telegramMembership } from './telegram/membership.js';
import { TelegramPolling } from './telegram/polling.js';
import { deliver } from './telegram/render.js';

export interface App {
  bot: Bot;
  deps: Deps;
  /** Runs the periodic work once (publication); the timer calls it, and tests call it directly. */
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

/** Starts the whole bot: database, Telegram long polling, command menu, publication timer. */
export async function startApp(
  config: Config,
  campaign: Campaign,
  clock: Clock,
  log: Logger,
): Promise<App> {
  await connectDatabase(config.MONGODB_URI);
  // Update ids older than a day can no longer be redelivered.
  await forgetUpdatesBefore(new Date(Date.now() - DAY_MS));
  if (config.VOTER_HASH_SECRET === 'change-me-in-production') {
    log.warn('VOTER_HASH_SECRET is the default: set a secret of your own before the contest');
  }

  const deps: Deps = {
    stores: createMongoStores({ voterSecret: config.VOTER_HASH_SECRET }),
    campaign,
    clock,
    admins: adminsOf(config),
    links: { entry: () => '' },
    channels: config.TELEGRAM_CHANNEL_ID
      ? [{ platform: 'telegram', id: config.TELEGRAM_CHANNEL_ID }]
      : [],
    pressLimiter: new PressLimiter(config.BUTTON_PRESSES_PER_10S, 10_000),
  };
  const bot = createTelegramBot({
    processId: randomUUID(),
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    deps,
    log,
  });
  await bot.init();
  deps.links = linksFor(bot.botInfo.username);
  if (config.TELEGRAM_VOTE_CHANNEL)
    deps.membership = telegramMembership(bot.api, config.TELEGRAM_VOTE_CHANNEL, log);
  await registerCommands(bot.api, campaign.defaultLanguage);

  const polling = new TelegramPolling(bot, log, { allowedUpdates: ['message', 'callback_query'] });
  polling.start();
  log.info({ bot: bot.botInfo.username }, 'Telegram long polling started');

  const tick = async () => {
    const replies = await publishDue(deps);
    if (replies.length) await deliver(bot.api, replies, log);
  };
  let ticking = Promise.resolve();
  const timer = setInterval(() => {
    ticking = tick().catch((error: unknown) => log.error({ err: error }, 'publication failed'));
  }, config.PUBLISH_INTERVAL_SECONDS * 1000);
  timer.unref();

  return {
    bot,
    deps,
    tick,
    async stop() {
      clearInterval(timer);
      await polling.stop();
      await ticking;
      await disconnectDatabase();
    },
  };
}
