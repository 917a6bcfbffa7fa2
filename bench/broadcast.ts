// npm run bench:broadcast [-- --recipients 10000 --rate 30 --processes 1 --in-flight N --profile DIR]
//
// A broadcast to many people through the real bot, run as an operator runs it (`bot/main.ts`
// in processes of its own, on webhooks; with --processes 2, two of them on one database, one
// sending at a time under the platform's lease): the organiser's /broadcast, the outbox, the
// sender, against a local Bot API server that answers 429 above a set rate, as Telegram does.
// The Bot API stand-in lives in this process, so what answering costs is not the bot's.
// Prints the achieved rate as a fraction of the configured limit, the 429s met, the duplicates
// and losses counted per recipient, and each bot process's peak memory.

import mongoose from 'mongoose';
import { parseArgs } from 'node:util';
import { OutboxChunkModel } from '../models/outbox.js';
import { BroadcastModel } from '../models/broadcast.js';
import { FakeTelegramApi } from '../test/fakes/telegram-api.js';
import { TelegramUser } from '../test/helpers/telegram-user.js';
import { defaultInFlight } from '../bot/outbox-sender.js';
import { startMongoServer } from '../test/support/mongo-server.js';
import { peakRssMb, seedRecipients, startWebhookBot, type BotProcess } from './world.js';

const { values } = parseArgs({
  options: {
    recipients: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '30' },
    'server-rate': { type: 'string' },
    'in-flight': { type: 'string' },
    processes: { type: 'string', default: '1' },
    /** A folder for a CPU profile of each bot process. */
    profile: { type: 'string' },
  },
});
const recipients = Number(values.recipients);
const rate = Number(values.rate);
const serverRate = Number(values['server-rate'] ?? rate);
const processes = Number(values.processes);
// As the bot chooses it unless told (see defaultInFlight).
const inFlight = values['in-flight'] ?? String(defaultInFlight(rate));
const ADMIN = 900_001;
const SECRET = 'bench-broadcast-webhook-secret-0123456789';
const TEXT = 'Benchmark: thank you for every good deed!';

const server = await startMongoServer();
const uri = `${server.uri.replace(/\/$/, '')}/bench_broadcast_${Date.now()}`;
const api = new FakeTelegramApi();
const apiRoot = await api.start();
await mongoose.connect(uri);

await seedRecipients(recipients, (i) => (['kk', 'ru', 'en'] as const)[i % 3]!, new Date());

const bots: BotProcess[] = [];
for (let p = 0; p < processes; p += 1) {
  const since = api.calls.length;
  const bot = await startWebhookBot(
    {
      TELEGRAM_BOT_TOKEN: '123456:BENCH-token-for-the-local-bot-api',
      TELEGRAM_API_ROOT: apiRoot,
      TELEGRAM_ADMIN_IDS: String(ADMIN),
      MONGODB_URI: uri,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_RATE_PER_SECOND: String(rate),
      TELEGRAM_PER_CHAT_INTERVAL_MS: '1000',
      OUTBOX_IN_FLIGHT: inFlight,
      CAMPAIGN_FILE: 'campaign.json',
    },
    values.profile,
  );
  // Ready once it also registered its command menu.
  while (
    !api.calls
      .slice(since)
      .some((c) => c.method === 'setMyCommands' && c.params.language_code === 'en')
  ) {
    if (bot.child.exitCode !== null) throw new Error(`bot exited with ${bot.child.exitCode}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  bots.push(bot);
}
// Updates reach the first process; the sender lease decides which one sends.
api.webhook = { url: `http://127.0.0.1:${bots[0]!.port}/telegram`, secret: SECRET };

// Telegram's side: a sliding one-second window; above it, 429 "retry after 1".
api.rateLimit = { perSecond: serverRate, retryAfter: 1 };
const organiser = new TelegramUser(api, ADMIN, 'en', 'Organiser');
await organiser.send('/broadcast');
await organiser.send(TEXT);
await organiser.tapKeyWhenShown('broadcast-audience-all');
const queuedAt = performance.now();
await organiser.tapKeyWhenShown('broadcast-send');

let delivered = 0;
let scanned = 0;
const count = () => {
  for (; scanned < api.calls.length; scanned += 1) {
    const c = api.calls[scanned]!;
    if (c.method === 'sendMessage' && c.params.text === TEXT) delivered += 1;
  }
  return delivered;
};
const expected = recipients + 1; // the organiser is a user of the bot too
let last = 0;
/** When the broadcast was wholly queued (every page in the outbox). */
let queuedAll = 0;
while (count() < expected) {
  await new Promise((r) => setTimeout(r, 200));
  if (!queuedAll && (await BroadcastModel.findOne({ text: TEXT }).lean())?.status === 'queued')
    queuedAll = performance.now();
  const n = count();
  if (Math.floor(n / 2000) > Math.floor(last / 2000)) process.stdout.write(`  … ${n} sent\n`);
  last = n;
  if (performance.now() - queuedAt > (expected / rate) * 3 * 1000 + 60_000) break;
}
// Nothing still waiting that would be sent later (a double counted after the run).
while ((await OutboxChunkModel.countDocuments({ open: true })) > 0 && count() >= expected)
  await new Promise((r) => setTimeout(r, 200));

const sends = api.calls.filter((c) => c.method === 'sendMessage' && c.params.text === TEXT);
const times = sends.map((c) => c.at ?? 0);
const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
const perRecipient = new Map<number, number>();
for (const c of sends)
  perRecipient.set(Number(c.params.chat_id), (perRecipient.get(Number(c.params.chat_id)) ?? 0) + 1);
const duplicates = [...perRecipient.values()].reduce((n, k) => n + (k - 1), 0);
const lost = expected - perRecipient.size;
const achieved = (sends.length - 1) / seconds;
const memory = bots.map((b) => {
  const mb = peakRssMb(b.child.pid);
  return mb === null ? 'unknown' : `${mb.toFixed(0)} MiB`;
});
// Where the time went: the longest pauses between two sends.
const sorted = [...times].sort((a, b) => a - b);
const gaps = sorted
  .slice(1)
  .map((t, i) => ({ ms: t - sorted[i]!, at: (sorted[i]! - sorted[0]!) / 1000, n: i + 1 }))
  .sort((a, b) => b.ms - a.ms);

console.log(
  `\nbench:broadcast — ${expected} recipients, configured limit ${rate}/s, Bot API limit ${serverRate}/s, ${processes} bot process(es), ${inFlight} in flight`,
);
console.log(`  sent:            ${sends.length} messages in ${seconds.toFixed(1)} s`);
console.log(
  `  queued:          every page in the outbox ${((queuedAll - queuedAt) / 1000).toFixed(1)} s after Send (${queuedAll ? 'while sending' : 'not seen'})`,
);
console.log(
  `  achieved rate:   ${achieved.toFixed(2)}/s = ${(achieved / rate).toFixed(3)} of the configured limit`,
);
console.log(`  429s met:        ${api.tooManyRequests}`);
console.log(
  `  longest pauses:  ${gaps
    .slice(0, 5)
    .map((g) => `${g.ms.toFixed(0)} ms after ${g.n} sent (${g.at.toFixed(1)} s)`)
    .join(', ')}`,
);
console.log(`  duplicates:      ${duplicates}`);
console.log(`  lost:            ${lost}`);
console.log(`  peak RSS:        ${memory.join(', ')} (per bot process)`);

for (const { child } of bots) {
  child.kill('SIGTERM');
  if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
}
await api.stop();
await mongoose.disconnect().catch(() => undefined);
await server.stop();
