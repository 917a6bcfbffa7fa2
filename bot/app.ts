import { randomUUID } from 'node:crypto';
import type { Bot } from 'grammy';
import type { Campaign } from '../handlers/campaign.js';
import type { Deps } from '../handlers/index.js';
import type { Clock, UserRef } from '../handlers/ports.js';
import {
  connectDatabase,
  disconnectDatabase,
  forgetUpdatesBefore,
  mongoStores,
} from '../models/index.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { registerCommands } from './telegram/commands.js';
import { createTelegramBot } from './telegram/bot.js';
import { TelegramPolling } from './telegram/polling.js';

export interface App {
  bot: Bot;
  deps: Deps;
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function adminsOf(config: Config): UserRef[] {
  return config.TELEGRAM_ADMIN_IDS.map((id) => ({ platform: 'telegram' as const, id }));
}

/** Starts the whole bot: database, Telegram long polling, command menu. Used by main and tests. */
export async function startApp(
  config: Config,
  campaign: Campaign,
  clock: Clock,
  log: Logger,
): Promise<App> {
  await connectDatabase(config.MONGODB_URI);
  // Update ids older than a day can no longer be redelivered.
  await forgetUpdatesBefore(new Date(Date.now() - DAY_MS));

  const deps: Deps = { stores: mongoStores, campaign, clock, admins: adminsOf(config) };
  const bot = createTelegramBot({
    processId: randomUUID(),
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    deps,
    log,
  });
  await bot.init();
  await registerCommands(bot.api, campaign.defaultLanguage);

  const polling = new TelegramPolling(bot, log, { allowedUpdates: ['message', 'callback_query'] });
  polling.start();
  log.info({ bot: bot.botInfo.username }, 'Telegram long polling started');

  return {
    bot,
    deps,
    async stop() {
      await polling.stop();
      await disconnectDatabase();
    },
  };
}
