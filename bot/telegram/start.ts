import type { EdgeContext, PlatformEdge } from '../platform.js';
import { downloadUrl } from '../media-library.js';
import { defaultInFlight } from '../outbox-sender.js';
import type { RequestHandler } from '../http-server.js';
import { createTelegramBot, handleTelegramUpdates } from './bot.js';
import { registerCommands } from './commands.js';
import { telegramMembership } from './membership.js';
import { entryLinkArg } from '../../handlers/links.js';
import { translate } from '../../locales/index.js';
import { TelegramPolling } from './polling.js';
import { telegramTransport } from './transport.js';
import { TELEGRAM_LIMITS } from './render.js';
import { telegramWebhook } from './webhook.js';

/** Telegram: the bot, its outbox transport, long polling or the webhook with its secret. */
export async function openTelegram(
  ctx: EdgeContext,
  options: { poll: boolean },
): Promise<PlatformEdge> {
  const { config, campaign, log } = ctx;
  const token = config.TELEGRAM_BOT_TOKEN!;
  const bot = createTelegramBot(token, config.TELEGRAM_API_ROOT);
  await bot.init();
  await registerCommands(bot.api, campaign.defaultLanguage);
  // The gallery as a Mini App, from the menu button: Telegram opens Mini Apps over HTTPS only.
  if (config.SITE_URL?.startsWith('https://')) {
    await bot.api.setChatMenuButton({
      menu_button: {
        type: 'web_app',
        text: translate(campaign.defaultLanguage, { key: 'web-app-menu' }),
        web_app: { url: `${config.SITE_URL}/app` },
      },
    });
  }
  // getFile serves files up to 20 MB: the size the bot accepts for videos.
  ctx.library.registerDownload('telegram', async (media) => {
    const file = await bot.api.getFile(media.fileId);
    return downloadUrl(`${config.TELEGRAM_API_ROOT}/file/bot${token}/${file.file_path}`);
  });

  const allowedUpdates: ('message' | 'callback_query')[] = ['message', 'callback_query'];
  return {
    platform: 'telegram',
    transport: telegramTransport(bot.api, ctx.library),
    ratePerSecond: config.TELEGRAM_RATE_PER_SECOND,
    ...(config.TELEGRAM_PAID_BROADCAST
      ? {
          paid: {
            ratePerSecond: config.TELEGRAM_PAID_RATE_PER_SECOND,
            // 0.1 Star a message, Telegram's price for allow_paid_broadcast.
            budget: Math.floor(config.TELEGRAM_PAID_BUDGET_STARS * 10),
          },
        }
      : {}),
    perChatIntervalMs: config.TELEGRAM_PER_CHAT_INTERVAL_MS,
    inFlight:
      config.OUTBOX_IN_FLIGHT ??
      defaultInFlight(
        config.TELEGRAM_RATE_PER_SECOND +
          (config.TELEGRAM_PAID_BROADCAST ? config.TELEGRAM_PAID_RATE_PER_SECOND : 0),
      ),
    limits: TELEGRAM_LIMITS,
    miniApp: { botToken: token },
    ...(config.TELEGRAM_VOTE_CHANNEL
      ? { membership: telegramMembership(bot.api, config.TELEGRAM_VOTE_CHANNEL, log) }
      : {}),
    // Start parameters allow A-Z, a-z, 0-9, _ and -, up to 64 characters: "e17" fits.
    sharesContacts: true,
    // Telegram opens Mini Apps over HTTPS only.
    ...(config.SITE_URL?.startsWith('https://')
      ? { appLink: (number: number) => `${config.SITE_URL}/app/e/${number}` }
      : {}),
    moderators: config.TELEGRAM_ADMIN_IDS,
    organisers: config.TELEGRAM_ORGANISER_IDS,
    ...(config.TELEGRAM_CHANNEL_ID ? { channels: [config.TELEGRAM_CHANNEL_ID] } : {}),
    entryLink: (number) => `https://t.me/${bot.botInfo.username}?start=${entryLinkArg(number)}`,
    connect(deps) {
      handleTelegramUpdates(bot, {
        metrics: ctx.metrics,
        inFlight: ctx.inFlight,
        processId: ctx.processId,
        // Behind a load balancer another process may be busy with a redelivered update: its
        // claim holds for fifteen seconds. With long polling this process is the only consumer.
        claimLeaseMs: config.TELEGRAM_MODE === 'webhook' ? 15_000 : 0,
        deps,
        library: ctx.library,
        log,
      });
      const polling = new TelegramPolling(bot, log, { allowedUpdates });
      const webhooks: Record<string, RequestHandler> = {};
      if (config.TELEGRAM_MODE === 'webhook') {
        const url = new URL(config.TELEGRAM_WEBHOOK_URL!);
        // The secret is mandatory in this mode: a request without it gets 401 and changes nothing.
        webhooks[url.pathname] = telegramWebhook(bot, {
          secret: config.TELEGRAM_WEBHOOK_SECRET!,
          deadlineMs: config.WEBHOOK_DEADLINE_MS,
          log,
        });
      }
      return {
        webhooks,
        async receive() {
          if (!options.poll) return;
          if (config.TELEGRAM_MODE === 'webhook') {
            await bot.api.setWebhook(config.TELEGRAM_WEBHOOK_URL!, {
              secret_token: config.TELEGRAM_WEBHOOK_SECRET!,
              allowed_updates: allowedUpdates,
              max_connections: 100,
            });
            log.info({ bot: bot.botInfo.username }, 'Telegram webhook mode');
          } else {
            polling.start();
            log.info({ bot: bot.botInfo.username }, 'Telegram long polling started');
          }
        },
        stop: () => polling.stop(),
      };
    },
  };
}
