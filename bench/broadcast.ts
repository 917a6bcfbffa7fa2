// npm run bench:broadcast [-- --recipients 10000 --rate 30]
//
// A broadcast to many people through the real bot (the organiser's /broadcast, the outbox, the
// sender) against a local Bot API server that answers 429 above a set rate, as Telegram does.
// Prints the achieved rate as a fraction of the configured limit, the 429s met, and the
// duplicates and losses counted per recipient.

import mongoose from 'mongoose';
import { parseArgs } from 'node:util';
import { startApp } from '../bot/app.js';
import { loadCampaign } from '../bot/campaign-file.js';
import { loadConfig } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import { UserModel } from '../models/user.js';
import { FakeTelegramApi } from '../test/fakes/telegram-api.js';
import { TelegramUser } from '../test/helpers/telegram-user.js';
import { startMongoServer } from '../test/support/mongo-server.js';

const { values } = parseArgs({
  options: {
    recipients: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '30' },
    'server-rate': { type: 'string' },
    'in-flight': { type: 'string', default: '10' },
  },
});
const recipients = Number(values.recipients);
const rate = Number(values.rate);
const serverRate = Number(values['server-rate'] ?? rate);
const ADMIN = 900_001;
const TEXT = 'Benchmark: thank you for every good deed!';

const server = await startMongoServer();
const api = new FakeTelegramApi();
const apiRoot = await api.start();
const config = loadConfig({
  TELEGRAM_BOT_TOKEN: '123456:BENCH-token-for-the-local-bot-api',
  TELEGRAM_API_ROOT: apiRoot,
  TELEGRAM_ADMIN_IDS: String(ADMIN),
  MONGODB_URI: `${server.uri.replace(/\/$/, '')}/bench_broadcast_${Date.now()}`,
  LOG_LEVEL: 'error',
  VOTER_HASH_SECRET: 'bench-secret-of-enough-length-for-votes',
  HTTP_PORT: '0',
  HTTP_HOST: '127.0.0.1',
  TELEGRAM_RATE_PER_SECOND: String(rate),
  TELEGRAM_PER_CHAT_INTERVAL_MS: '1000',
  OUTBOX_IN_FLIGHT: values['in-flight'],
});
const app = await startApp(
  config,
  loadCampaign('campaign.json'),
  { now: () => new Date() },
  createLogger('error'),
);

const now = new Date();
for (let i = 0; i < recipients; i += 1000) {
  await UserModel.insertMany(
    Array.from({ length: Math.min(1000, recipients - i) }, (_, k) => ({
      _id: `telegram:${300_000 + i + k}`,
      platform: 'telegram',
      userId: String(300_000 + i + k),
      lang: (['kk', 'ru', 'en'] as const)[(i + k) % 3],
      createdAt: now,
    })),
  );
}

// Telegram's side: a sliding one-second window; above it, 429 "retry after 1".
api.rateLimit = { perSecond: serverRate, retryAfter: 1 };
const organiser = new TelegramUser(api, ADMIN, 'en', 'Organiser');
await organiser.send('/broadcast');
await organiser.send(TEXT);
await organiser.tapKey('broadcast-audience-all');
const queuedAt = performance.now();
await organiser.tapKey('broadcast-send');

const deliveries = () =>
  api.calls.filter((c) => c.method === 'sendMessage' && c.params.text === TEXT);
const expected = recipients + 1; // the organiser is a user of the bot too
let last = 0;
while (deliveries().length < expected) {
  await new Promise((r) => setTimeout(r, 200));
  const n = deliveries().length;
  if (n !== last && n % 1000 < last % 1000) process.stdout.write(`  … ${n} sent\n`);
  last = n;
  if (performance.now() - queuedAt > (expected / rate) * 3 * 1000 + 60_000) break;
}
const sends = deliveries();
const times = sends.map((c) => c.at ?? 0);
const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
const perRecipient = new Map<number, number>();
for (const c of sends)
  perRecipient.set(Number(c.params.chat_id), (perRecipient.get(Number(c.params.chat_id)) ?? 0) + 1);
const duplicates = [...perRecipient.values()].reduce((n, k) => n + (k - 1), 0);
const lost = expected - perRecipient.size;
const achieved = (sends.length - 1) / seconds;

console.log(
  `\nbench:broadcast — ${expected} recipients, configured limit ${rate}/s, Bot API limit ${serverRate}/s`,
);
console.log(`  sent:            ${sends.length} messages in ${seconds.toFixed(1)} s`);
console.log(
  `  achieved rate:   ${achieved.toFixed(2)}/s = ${(achieved / rate).toFixed(3)} of the configured limit`,
);
console.log(`  429s met:        ${api.tooManyRequests}`);
console.log(`  duplicates:      ${duplicates}`);
console.log(`  lost:            ${lost}`);
console.log(
  `  peak RSS:        ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (bot and fake API in one process)`,
);

await app.stop();
await api.stop();
await mongoose.disconnect().catch(() => undefined);
await server.stop();
