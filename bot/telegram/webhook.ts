import type { IncomingMessage, ServerResponse } from 'node:http';
import { BotError, type Bot } from 'grammy';
import { DeliverAgain } from '../event-flow.js';
import { BodyTooLarge, readBody, sameSecret } from '../http-body.js';
import type { RequestHandler } from '../http-server.js';
import type { Logger } from '../logger.js';

// Telegram's webhook, answered 2xx only once the update was handled (or recognised as handled
// before). grammY's webhookCallback answers 200 when its timeout passes while the handler is
// still waiting on the database, and Telegram then never sends the update again; here a handler
// that misses the deadline, or meets the database away, gets a 503, and Telegram delivers the
// update again. A handler that goes on after its 503 still finishes (its redelivery is sent back
// meanwhile), and its answer to a button press then goes as a call of its own.

export interface TelegramWebhookOptions {
  secret: string;
  /** Answer before this, as Telegram stops waiting (about 10 s). */
  deadlineMs: number;
  log: Logger;
}

const LATE = Symbol('late');

function deadline(ms: number): { passed: Promise<typeof LATE>; clear(): void } {
  let timer: NodeJS.Timeout | undefined;
  const passed = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(() => resolve(LATE), ms);
  });
  return { passed, clear: () => clearTimeout(timer) };
}

function answer(res: ServerResponse, status: number, body = ''): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  // Telegram backs off on its own; the header says "soon" to anything else in between.
  if (status === 503) headers['retry-after'] = '1';
  res.writeHead(status, headers).end(body);
}

export function telegramWebhook(bot: Bot, options: TelegramWebhookOptions): RequestHandler {
  const { secret, deadlineMs, log } = options;
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], secret)) {
      return answer(res, 401, '"unauthorized"');
    }
    let update: unknown;
    try {
      update = JSON.parse((await readBody(req)).toString('utf8'));
    } catch (error) {
      return answer(res, error instanceof BodyTooLarge ? 413 : 400);
    }
    if (typeof update !== 'object' || update === null) return answer(res, 400);
    const envelope = {
      // The answer to a button press rides on the HTTP response while it is open (one request
      // saved per press); once the response went (a 503 after the deadline), it is a call.
      async send(body: string) {
        if (!res.headersSent) return answer(res, 200, body);
        const { method, ...params } = JSON.parse(body) as { method: string };
        await bot.api.raw[method as 'answerCallbackQuery'](params as never);
      },
    };
    const handling = bot.handleUpdate(update as never, envelope).then(
      () => 'handled' as const,
      (error: unknown) => error,
    );
    const limit = deadline(deadlineMs);
    const outcome = await Promise.race([handling, limit.passed]);
    limit.clear();
    if (outcome === 'handled') return answer(res, 200);
    if (outcome === LATE) {
      log.warn({ deadlineMs }, 'webhook deadline passed: Telegram will deliver the update again');
      answer(res, 503);
      // Finishes in the background; what it fails with is logged there.
      void handling.then((late) => late !== 'handled' && logFailure(late, log));
      return;
    }
    const cause = outcome instanceof BotError ? outcome.error : outcome;
    if (cause instanceof DeliverAgain) return answer(res, 503);
    logFailure(outcome, log);
    // A fault of ours the person was told about: a redelivery would fail the same way.
    answer(res, 200);
  };
}

function logFailure(error: unknown, log: Logger): void {
  const cause = error instanceof BotError ? error.error : error;
  if (cause instanceof DeliverAgain) return;
  log.error({ err: cause }, 'webhook update failed');
}
