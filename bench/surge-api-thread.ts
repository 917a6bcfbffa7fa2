// The local Bot API for bench:surge, on a thread of its own (Telegram answers on its own
// machines). It tells the main thread its address, then each card with a Vote button as the
// bots send it (the voter sees it and presses), and on request the figures of a broadcast.

import { parentPort } from 'node:worker_threads';
import { FakeTelegramApi } from '../test/fakes/telegram-api.js';

export type SurgeRequest =
  { rateLimit: number } | { stats: string } | { commandsRegistered: number } | 'stop';
export type SurgeMessage =
  | { root: string }
  | { cards: [chatId: number, data: string][] }
  | {
      stats: { perChat: [number, number][]; tooManyRequests: number; times: number[] };
    }
  | { commands: number; maxConnections: number | null };

const port = parentPort!;
const api = new FakeTelegramApi();
port.postMessage({ root: await api.start() } satisfies SurgeMessage);

// New cards are looked for every few milliseconds and handed over in groups.
let seen = 0;
const watcher = setInterval(() => {
  const cards: [number, string][] = [];
  for (; seen < api.calls.length; seen += 1) {
    const call = api.calls[seen]!;
    if (call.method !== 'sendPhoto') continue;
    const markup = call.params.reply_markup as
      { inline_keyboard: { callback_data?: string }[][] } | undefined;
    const data = markup?.inline_keyboard[0]?.[0]?.callback_data;
    if (data?.startsWith('v:v:')) cards.push([Number(call.params.chat_id), data]);
  }
  if (cards.length) port.postMessage({ cards } satisfies SurgeMessage);
}, 5);

port.on('message', (request: SurgeRequest) => {
  if (request === 'stop') {
    clearInterval(watcher);
    void api.stop().then(() => port.close());
    return;
  }
  if ('rateLimit' in request) {
    api.rateLimit = { perSecond: request.rateLimit, retryAfter: 1 };
    return;
  }
  if ('commandsRegistered' in request) {
    const n = api.calls.filter(
      (c) => c.method === 'setMyCommands' && c.params.language_code === 'en',
    ).length;
    // What the bots asked of Telegram's delivery: at most this many requests at once.
    const webhook = api.calls.findLast((c) => c.method === 'setWebhook');
    const maxConnections = Number(webhook?.params.max_connections ?? 40);
    port.postMessage({
      commands: n,
      maxConnections: webhook ? maxConnections : null,
    } satisfies SurgeMessage);
    return;
  }
  const perChat = new Map<number, number>();
  const times: number[] = [];
  for (const call of api.calls) {
    if (call.method !== 'sendMessage' || call.params.text !== request.stats) continue;
    const chat = Number(call.params.chat_id);
    perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
    times.push(call.at ?? 0);
  }
  port.postMessage({
    stats: { perChat: [...perChat], tooManyRequests: api.tooManyRequests, times },
  } satisfies SurgeMessage);
});
