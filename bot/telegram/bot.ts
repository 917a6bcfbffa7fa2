import { Bot, type Context } from 'grammy';
import { handleEvent, isRepeatSafeEvent, type Deps } from '../../handlers/index.js';
import { languageFromHint } from '../../handlers/start.js';
import { translate } from '../../locales/index.js';
import {
  claimUpdate,
  finishUpdate,
  isDatabaseUnavailable,
  releaseUpdate,
} from '../../models/index.js';
import type { Logger } from '../logger.js';
import { eventOf } from './incoming.js';
import { deliver, type ButtonSource } from './render.js';
import { splitReplies } from '../replies.js';
import type { InFlight } from '../in-flight.js';
import type { Metrics } from '../metrics.js';
import type { MediaLibrary } from '../media-library.js';

/** The database was away: the update was answered with "try again" and must be delivered again. */
export class DeliverAgain extends Error {
  override name = 'DeliverAgain';
}

export interface TelegramOptions {
  metrics: Metrics;
  inFlight: InFlight;
  /** Names this process in update claims, so a restarted process can take over a dead one's. */
  processId: string;
  /** How old another process's unfinished claim must be before this one takes it over. */
  takeOverAfterMs: number;
  token: string;
  apiRoot: string;
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

/** The Telegram edge: one middleware that translates, asks the core, and renders its answer. */
export function createTelegramBot(options: TelegramOptions): Bot {
  const { processId, takeOverAfterMs, token, apiRoot, deps, log, metrics, inFlight } = options;
  const bot = new Bot(token, {
    client: {
      apiRoot,
      // Under webhooks the answer to a button press rides back on the webhook's HTTP response
      // instead of a request of its own: on the busiest day, one request saved per press.
      canUseWebhookReply: (method) => method === 'answerCallbackQuery',
    },
  });

  const failedWhileAway = new Set<string>();
  bot.use((ctx) => inFlight.run(() => handle(ctx)));

  async function handle(ctx: Context): Promise<void> {
    const timer = metrics.handlerSeconds.startTimer({ platform: 'telegram' });
    const updateId = String(ctx.update.update_id);
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
    const updateLog = log.child({ platform: 'telegram', updateId, userId: event.actor.id });
    // A vote or a page turn is not remembered: done twice, it looks the same as done once.
    const repeatSafe = isRepeatSafeEvent(event);
    let own;
    try {
      // An update this process failed on while the database was away comes back: take it.
      const retrying = failedWhileAway.delete(updateId);
      if (
        !repeatSafe &&
        !(await claimUpdate('telegram', updateId, processId, takeOverAfterMs)) &&
        !retrying
      ) {
        updateLog.debug('duplicate update skipped');
        return;
      }
      const replies = await handleEvent(event, deps);
      const split = splitReplies(event.actor, replies, `telegram:${updateId}`);
      await deps.outbox.enqueue(split.outbox);
      own = split.own;
    } catch (error) {
      const away = isDatabaseUnavailable(error);
      updateLog.error({ err: error, databaseAway: away }, 'update failed');
      metrics.errors.inc({ platform: 'telegram' });
      if (away) failedWhileAway.add(updateId);
      else if (!repeatSafe) await releaseUpdate('telegram', updateId).catch(() => undefined);
      // Tell the person in their language instead of going silent.
      const lang = languageFromHint(event.actor.langHint, deps.campaign.defaultLanguage);
      const text = translate(lang, { key: 'error-try-again' });
      // bot.api, not ctx.api: a webhook reply would answer the request with 200, and the 500
      // below must reach Telegram so that it delivers the update again.
      if (source) {
        await bot.api
          .answerCallbackQuery(source.callbackQueryId, { text, show_alert: true })
          .catch(() => undefined);
      } else await ctx.reply(text).catch(() => undefined);
      // Not confirmed (polling) or answered 500 (webhook): Telegram delivers it again.
      if (away) throw new DeliverAgain(updateId);
      return;
    }
    await deliver(ctx.api, own, updateLog, source, options.library);
    timer();
    if (repeatSafe) return;
    // Not awaited: the person has their answer; a lost "done" only lets a redelivery through.
    finishUpdate('telegram', updateId).catch((error: unknown) =>
      updateLog.warn({ err: error }, 'could not mark the update done'),
    );
  }

  // handleUpdate (used by our polling and by webhookCallback) throws what the middleware threw,
  // wrapped in a BotError: that is how DeliverAgain reaches the polling loop or a 500. The
  // error handler below only serves bot.start(), which this project does not use.
  bot.catch((error) => {
    log.error({ err: error.error, updateId: error.ctx.update.update_id }, 'unhandled');
  });
  return bot;
}
