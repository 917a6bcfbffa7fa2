// The local Bot API for bench:votes, on a thread of its own. Telegram answers the bot's calls on
// its own machines: what answering costs here is not the bot's, so it does not run on the
// thread whose throughput is measured. It tells the main thread its address, and on request the
// Vote button of each card it was asked to send.

import { parentPort } from 'node:worker_threads';
import { FakeTelegramApi } from '../test/fakes/telegram-api.js';

type ThreadMessage = { root: string } | { cards: [chatId: number, data: string][] };

const port = parentPort!;
const api = new FakeTelegramApi();
port.postMessage({ root: await api.start() } satisfies ThreadMessage);
port.on('message', (request: 'cards' | 'stop') => {
  if (request === 'stop') {
    void api.stop().then(() => port.close());
    return;
  }
  const cards: [number, string][] = [];
  for (const call of api.calls) {
    if (call.method !== 'sendPhoto') continue;
    const markup = call.params.reply_markup as
      { inline_keyboard: { callback_data?: string }[][] } | undefined;
    const data = markup?.inline_keyboard[0]?.[0]?.callback_data;
    if (data) cards.push([Number(call.params.chat_id), data]);
  }
  port.postMessage({ cards } satisfies ThreadMessage);
});
