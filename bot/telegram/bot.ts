import { Bot, type Context } from 'grammy';
import type { Deps } from '../../handlers/index.js';
import { createEventFlow } from '../event-flow.js';
import type { Logger } from '../logger.js';
import { botApiFetch } from './bot-api-fetch.js';
import { eventOf } from './incoming.js';
import { deliver, type ButtonSource } from './render.js';
import type { InFlight } from '../in-flight.js';
import type { Metrics } from '../metrics.js';
import type { MediaLibrary } from '../media-library.js';

export interface TelegramHandling {
  metrics: Metrics;
  inFlight: InFlight;
  /** Names this process in update claims, so a restarted process can take over a dead one's. */
  processId: string;
  /** How long another process's claim on an update holds (see createEventFlow). */
  claimLeaseMs: number;
  deps: Deps;
  /** Brings media sent on other platforms over to Telegram. */
  library?: MediaLibrary;
  log: Logger;
}

function sourceOf(ctx: Context): ButtonSource | undefined {
  const q = ctx.callbackQuery;
  if (!q) return undefined;
  const message = q.message;
  // Checked by the update schema: the photo's or video's unique id, when the message shows one.
  const shows = message as
    { photo?: { file_unique_id: string }[]; video?: { file_unique_id: string } } | undefined;
  const shown = shows?.photo?.at(-1)?.file_unique_id ?? shows?.video?.file_unique_id;
  return {
    callbackQueryId: q.id,
    chatId: message?.chat.id ?? q.from.id,
    ...(message ? { messageId: message.message_id } : {}),
    ...(shown ? { shownMedia: shown } : {}),
  };
}

/** The bot on Telegram's Bot API, not yet handling updates. */
export function createTelegramBot(token: string, apiRoot: string): Bot {
  return new Bot(token, {
    client: {
      apiRoot,
      fetch: botApiFetch() as unknown as typeof fetch,
      // Under webhooks the answer to a button press rides back on the webhook's HTTP response
      // instead of a request of its own: on the busiest day, one request saved per press.
      canUseWebhookReply: (method) => method === 'answerCallbackQuery',
    },
  });
}

/** The Telegram edge: one middleware that translates, asks the core, and renders its answer. */
export function handleTelegramUpdates(bot: Bot, options: TelegramHandling): void {
  const { processId, claimLeaseMs, deps, log, metrics, inFlight } = options;
  const flow = createEventFlow({
    platform: 'telegram',
    deps,
    metrics,
    processId,
    claimLeaseMs,
    log,
  });
  bot.use((ctx) => inFlight.update(() => handle(ctx)));

  async function handle(ctx: Context): Promise<void> {
    const event = eventOf(ctx.update);
    metrics.updates.inc({ platform: 'telegram', kind: event?.input.kind ?? 'ignored' });
    if (!event) {
      // Still stop the spinner on a button press we do not act on.
      if (typeof ctx.update.callback_query?.id === 'string') {
        await ctx.answerCallbackQuery().catch(() => undefined);
      }
      return;
    }
    // The update's shape was checked by eventOf: reading the button's message is safe now.
    const source = sourceOf(ctx);
    await flow.run({
      id: String(ctx.update.update_id),
      events: [event],
      deliver: (own, updateLog) => deliver(ctx.api, own, updateLog, source, options.library),
      // bot.api, not ctx.api: a webhook reply would answer the request with 200, and the 500
      // that follows DeliverAgain must reach Telegram so that it delivers the update again.
      sorry: async (text) => {
        if (source) {
          await bot.api.answerCallbackQuery(source.callbackQueryId, { text, show_alert: true });
        } else await ctx.reply(text);
      },
    });
  }

  // handleUpdate (used by our polling and by webhookCallback) throws what the middleware threw,
  // wrapped in a BotError: that is how DeliverAgain reaches the polling loop or a 500. The
  // error handler below only serves bot.start(), which this project does not use.
  bot.catch((error) => {
    log.error({ err: error.error, updateId: error.ctx.update.update_id }, 'unhandled');
  });
}
