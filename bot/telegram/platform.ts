import { definePlatform } from '../platform.js';
import { telegramSettings } from './settings.js';

/** Telegram: a bot from @BotFather, on long polling or a webhook. */
export const telegram = definePlatform({
  settings: telegramSettings,
  secrets: ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_WEBHOOK_SECRET'],
  configured: (env) => Boolean(env.TELEGRAM_BOT_TOKEN),
  check(env, issue) {
    if (env.TELEGRAM_MODE !== 'webhook') return;
    if (!env.TELEGRAM_WEBHOOK_URL)
      issue('TELEGRAM_WEBHOOK_URL', 'is required when TELEGRAM_MODE=webhook');
    if (!env.TELEGRAM_WEBHOOK_SECRET)
      issue('TELEGRAM_WEBHOOK_SECRET', 'is required when TELEGRAM_MODE=webhook');
  },
  // grammY is loaded only when Telegram is configured.
  open: async (ctx, options) => (await import('./start.js')).openTelegram(ctx, options),
});
