import { GrammyError, HttpError, type Api } from 'grammy';
import type { Reply } from '../../handlers/protocol.js';
import type { SendOutcome, Transport } from '../outbox-sender.js';
import type { MediaLibrary } from '../media-library.js';
import { sendOne } from './render.js';

/** What a Bot API error means for the outbox: wait, give up on the user, drop, or retry. */
export function classifyTelegramError(error: unknown): SendOutcome {
  if (error instanceof GrammyError) {
    if (error.error_code === 429) {
      const seconds = error.parameters.retry_after ?? 1;
      return { kind: 'rate-limited', retryAfterMs: seconds * 1000 };
    }
    // 403: the user blocked the bot, or deactivated their account.
    if (error.error_code === 403) return { kind: 'unreachable', reason: error.description };
    if (error.error_code >= 500) return { kind: 'transient', reason: error.description };
    return { kind: 'rejected', reason: `${error.error_code} ${error.description}` };
  }
  if (error instanceof HttpError) return { kind: 'transient', reason: String(error.error) };
  return { kind: 'transient', reason: String(error) };
}

export function telegramTransport(api: Api, library?: MediaLibrary): Transport {
  return {
    platform: 'telegram',
    async send(reply: Reply, _key, options = {}) {
      try {
        const extra = options.paid ? { allow_paid_broadcast: true } : {};
        const sent = await sendOne(api, reply, undefined, library, extra);
        // The message's id, to take a channel post down later (a withdrawn entry).
        return sent ? { kind: 'sent', ref: String(sent.message_id) } : { kind: 'sent' };
      } catch (error) {
        return classifyTelegramError(error);
      }
    },
  };
}
