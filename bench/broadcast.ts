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
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UserModel } from '../models/user.js';
import { OutboxChunkModel } from '../models/outbox.js';
import { BroadcastModel } from '../models/broadcast.js';
import { FakeTelegramApi } from '../test/fakes/telegram-api.js';
import { TelegramUser } from '../test/helpers/telegram-user.js';
import { freePort } from '../bot/embedded-db.js';
import { defaultInFlight } from '../bot/outbox-sender.js';
import { startMongoServer } from '../test/support/mongo-server.js';

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

const bots: { child: ChildProcess; port: number }[] = [];
for (let p = 0; p < processes; p += 1) {
  const port = await freePort();
  const since = api.calls.length;
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'bot/main.ts'], {
    env: {
      ...process.env,
      TELEGRAM_BOT_TOKEN: '123456:BENCH-token-for-the-local-bot-api',
      TELEGRAM_API_ROOT: apiRoot,
      TELEGRAM_ADMIN_IDS: String(ADMIN),
      MONGODB_URI: uri,
      LOG_LEVEL: 'error',
      VOTER_HASH_SECRET: 'bench-secret-of-enough-length-for-votes',
      HTTP_PORT: String(port),
      HTTP_HOST: '127.0.0.1',
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.kz/telegram',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_RATE_PER_SECOND: String(rate),
      TELEGRAM_PER_CHAT_INTERVAL_MS: '1000',
      OUTBOX_IN_FLIGHT: inFlight,
      CAMPAIGN_FILE: 'campaign.json',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.on('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  // Ready once it registered its command menu and its HTTP server answers.
  while (
    !api.calls
      .slice(since)
      .some((c) => c.method === 'setMyCommands' && c.params.language_code === 'en')
  ) {
    if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  while (
    !(await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    ))
  )
    await new Promise((r) => setTimeout(r, 50));
  bots.push({ child, port });
}
// Updates reach the first process; the sender lease decides which one sends.
api.webhook = { url: `http://127.0.0.1:${bots[0]!.port}/telegram`, secret: SECRET };

/** The most memory a process has held (Linux). */
function peakRss(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    return `${(kib / 1024).toFixed(0)} MiB`;
  } catch {
    return 'unknown';
  }
}

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
const memory = bots.map((b) => peakRss(b.child.pid));
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
