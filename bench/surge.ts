// npm run bench:surge [-- --voters 10000 --seconds 60 --recipients 10000 --rate 1000 --warmup 500]
//
// The night a celebrity shares the link, as an operator would run it: two bot processes
// (`bot/main.ts`) on webhooks over one database, behind a load balancer that alternates
// between them. While the organiser's broadcast goes to `recipients` people, `voters` new people
// arrive evenly over `seconds`: each opens an entry by its shared link, sees the card the bot
// sends, and presses its Vote button. The local Bot API runs on a thread of its own and answers
// 429 above `rate` a second, as Telegram does.
//
// Prints votes a second, the time from a press to the bot's answer (p50/p95/p99) and from
// opening the link to the answer, messages a second out, 429s, votes and messages lost or
// doubled, and each process's peak memory. Target: p99 under 1 s, nothing lost, nothing doubled.

import mongoose from 'mongoose';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { Agent, request as httpRequest } from 'undici';
import { BroadcastModel } from '../models/broadcast.js';
import { EntryModel } from '../models/entry.js';
import { OutboxChunkModel } from '../models/outbox.js';
import { VoteModel } from '../models/vote.js';
import { startMongoServer } from '../test/support/mongo-server.js';
import type { SurgeMessage, SurgeRequest } from './surge-api-thread.js';
import {
  peakRssMb,
  seedPublishedEntries,
  seedRecipients,
  startWebhookBot,
  type BotProcess,
} from './world.js';

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '60' },
    recipients: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '500' },
    /** A folder for a CPU profile of each bot process. */
    profile: { type: 'string' },
  },
});
const VOTERS = Number(values.voters);
const SECONDS = Number(values.seconds);
const RECIPIENTS = Number(values.recipients);
const RATE = Number(values.rate);
const WARMUP = Number(values.warmup);
const ENTRIES = 20;
const ADMIN = 900_001;
const SECRET = 'bench-surge-webhook-secret-0123456789';
const TOKEN = '123456:BENCH-token-for-the-local-bot-api';
const TEXT = 'The results are in: thank you, Kazakhstan, for every good deed!';
const FIRST_VOTER = 5_000_000;

// A campaign in its voting days, whatever today is. Its announcements (voting opened, …) went out
// on their days, as they did for a bot running that night: published two days ago, "voting
// opened" is more than a day late and not sent now. Published yesterday, it went to the 10,000
// people at the bots' start on some hours of the day and not on others, beside the broadcast.
const base = JSON.parse(readFileSync('campaign.json', 'utf8')) as {
  timeZone: string;
  dates: Record<string, string>;
};
const day = (offset: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: base.timeZone }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
base.dates = {
  submissionsOpen: day(-10),
  submissionsClose: day(-4),
  publication: day(-2),
  votingClose: day(5),
  gala: day(6),
  broadcast: day(7),
};
const campaignFile = join(mkdtempSync(join(tmpdir(), 'surge-')), 'campaign.json');
writeFileSync(campaignFile, JSON.stringify(base));

// FerretDB 1.x's update holds one PostgreSQL connection while it takes a second: with as many
// updates at once as it has connections, it stops for good. Its own server here gets 90, and
// each bot's driver at most 20 connections (2 × 2 × 20 < 90); a MONGODB_URI of your own is used
// as it is. SURGE_URI_OPTIONS replaces the drivers' setting.
const ownServer = !process.env.MONGODB_URI;
process.env.FERRETDB_POOL_MAX_CONNS ??= '90';
const uriOptions = process.env.SURGE_URI_OPTIONS ?? (ownServer ? '?maxPoolSize=20' : '');
const mongo = await startMongoServer();
const uri = `${mongo.uri.replace(/\/$/, '')}/bench_surge_${Date.now()}${uriOptions}`;
await mongoose.connect(uri);

const thread = new URL('./surge-api-thread.ts', import.meta.url).href;
const telegram = new Worker(
  `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(thread)}); })`,
  { eval: true },
);
const ask = (request: SurgeRequest) => telegram.postMessage(request);
const [{ root: apiRoot }] = (await once(telegram, 'message')) as [{ root: string }];
// Cards reach the voter who waits for one.
const cards = new Map<number, string>();
const waitingForCard = new Map<number, (data: string) => void>();
let answer: ((message: SurgeMessage) => void) | null = null;
telegram.on('message', (message: SurgeMessage) => {
  if ('cards' in message) {
    for (const [chat, data] of message.cards) {
      cards.set(chat, data);
      waitingForCard.get(chat)?.(data);
      waitingForCard.delete(chat);
    }
  } else answer?.(message);
});
const request = (r: SurgeRequest) =>
  new Promise<SurgeMessage>((resolve) => {
    answer = resolve;
    ask(r);
  });

// The world: published entries, and the people the broadcast goes to (Kazakh speakers; the
// arriving voters write in Russian, so the broadcast's audience stays the same size).
const votingDay = new Date();
await seedPublishedEntries(ENTRIES, 'surge', votingDay);
await seedRecipients(RECIPIENTS, () => 'kk', votingDay);

const bots: BotProcess[] = [];
for (let p = 0; p < 2; p += 1)
  bots.push(
    await startWebhookBot(
      {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: apiRoot,
        TELEGRAM_ADMIN_IDS: String(ADMIN),
        MONGODB_URI: uri,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_RATE_PER_SECOND: String(RATE),
        CAMPAIGN_FILE: campaignFile,
      },
      values.profile,
    ),
  );
// Ready: both also registered their command menus and set the webhook.
let maxConnections = 0;
for (;;) {
  const reply = await request({ commandsRegistered: 0 });
  if ('commands' in reply && reply.commands >= 2 && reply.maxConnections !== null) {
    maxConnections = reply.maxConnections;
    break;
  }
  if (bots.some((b) => b.child.exitCode !== null)) throw new Error('a bot process exited');
  await new Promise((r) => setTimeout(r, 100));
}
ask({ rateLimit: RATE });

let balance = 0;
// Telegram's side costs this machine as little as it can (undici's request, not fetch): its
// CPU is not the bot's, though it shares the two cores.
const telegramSide = new Agent({ keepAliveTimeout: 30_000, connections: 200 });
/** The load balancer: each request to the next process. Resolves with the HTTP status. */
async function post(body: unknown): Promise<number> {
  const { port } = bots[balance++ % bots.length]!;
  const res = await httpRequest(`http://127.0.0.1:${port}/telegram`, {
    dispatcher: telegramSide,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(body),
  });
  await res.body.dump();
  return res.statusCode;
}
let updateId = 1;
const message = (from: number, text: string, lang: string) => ({
  update_id: updateId++,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: from, type: 'private' },
    from: { id: from, is_bot: false, first_name: 'Person', language_code: lang },
    text,
  },
});
const pressOf = (from: number, data: string, entry: number) => ({
  update_id: updateId++,
  callback_query: {
    id: `cb${updateId}`,
    from: { id: from, is_bot: false, first_name: 'Person', language_code: 'ru' },
    chat_instance: 'c',
    data,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: from, type: 'private' },
      photo: [
        { file_id: `photo-${entry - 1}`, file_unique_id: `u-${entry - 1}`, width: 1, height: 1 },
      ],
    },
  },
});
let redeliveries = 0;
// Telegram's delivery: at most `max_connections` requests to the webhook at once (what the bots
// asked for in setWebhook); the updates beyond wait at Telegram, first come first served. Their
// wait counts: a latency runs from the person's action, not from the request.
let connections = 0;
let mostConnections = 0;
const waitingAtTelegram: (() => void)[] = [];
async function connection(): Promise<void> {
  if (connections < maxConnections) connections += 1;
  else await new Promise<void>((r) => waitingAtTelegram.push(r));
  mostConnections = Math.max(mostConnections, connections);
}
function release(): void {
  const next = waitingAtTelegram.shift();
  if (next) next();
  else connections -= 1;
}
/**
 * Delivers an update as Telegram does: one answered other than 200, or not answered at all (the
 * server closed the connection: its request timeout on an overloaded machine), is delivered again
 * a second later. Resolves with the milliseconds from the person's action to the 200.
 */
async function send(body: unknown): Promise<number> {
  const started = performance.now();
  for (let attempt = 1; ; attempt += 1) {
    await connection();
    const status = await post(body)
      .catch((error: unknown) => String(error))
      .finally(release);
    if (status === 200) return performance.now() - started;
    if (attempt >= 120) throw new Error(`HTTP ${status}`);
    redeliveries += 1;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

const peaks = new Map<number, number>();
const sampler = setInterval(() => {
  for (const { child } of bots) {
    const mb = peakRssMb(child.pid);
    if (mb !== null) peaks.set(child.pid!, mb);
  }
}, 500);

/** One person arriving: opens an entry by its link, waits for the card, presses Vote. */
async function arrive(voter: number, entry: number): Promise<{ open: number; press: number }> {
  const openedAt = performance.now();
  await send(message(voter, `/start e${entry}`, 'ru'));
  // A person who sees no card within a minute gives up (counted).
  const data =
    cards.get(voter) ??
    (await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no card')), 60_000);
      waitingForCard.set(voter, (d) => {
        clearTimeout(timer);
        resolve(d);
      });
    }));
  const open = performance.now() - openedAt;
  return { open, press: await send(pressOf(voter, data, entry)) };
}

// The bots have been running before the link is shared, as they would on the night: an ordinary
// evening's people (WARMUP over ten seconds, counted in the votes stored, not in the figures).
// With --warmup 0 the surge meets processes that have just started.
for (let i = 0; i < WARMUP; i += 1) {
  await new Promise((r) => setTimeout(r, 10_000 / WARMUP));
  void arrive(FIRST_VOTER - 1 - i, 1 + (i % ENTRIES)).catch(() => undefined);
}
while (
  (await VoteModel.countDocuments()) < WARMUP ||
  waitingAtTelegram.length > 0 ||
  connections > 0
)
  await new Promise((r) => setTimeout(r, 100));

// The organiser sends the broadcast; the surge starts as it is confirmed.
await send(message(ADMIN, '/broadcast', 'en'));
await send(message(ADMIN, TEXT, 'en'));
const draft = await BroadcastModel.findOne({ text: TEXT }).lean();
if (!draft) throw new Error('the broadcast draft was not made');
const surgeStart = performance.now();
const confirming = send({
  update_id: updateId++,
  callback_query: {
    id: 'cb-organiser',
    from: { id: ADMIN, is_bot: false, first_name: 'Organiser', language_code: 'en' },
    chat_instance: 'c',
    data: `bc:go:${String(draft._id)}:kk:${RECIPIENTS}`,
    message: { message_id: 1, date: 0, chat: { id: ADMIN, type: 'private' } },
  },
});

const pressLatencies: number[] = [];
const openLatencies: number[] = [];
// What is happening, every five seconds.
const progress = setInterval(() => {
  void BroadcastModel.findOne({ text: TEXT }, { status: 1, queued: 1 })
    .lean()
    .then((b) =>
      console.log(
        `  … ${((performance.now() - surgeStart) / 1000).toFixed(0)} s: ${openLatencies.length} opened a link and saw the card, ${pressLatencies.length} voted, ${failures} gave up, broadcast ${b?.status} (${b?.queued ?? 0} queued), ${redeliveries} redeliveries, ${waitingAtTelegram.length} updates waiting at Telegram`,
      ),
    );
}, 5_000);
let failures = 0;
const problems = new Map<string, number>();
const voters = Array.from({ length: VOTERS }, async (_, i) => {
  // Evenly over the surge's seconds.
  const at = surgeStart + (i * SECONDS * 1000) / VOTERS;
  await new Promise((r) => setTimeout(r, Math.max(0, at - performance.now())));
  try {
    const { open, press } = await arrive(FIRST_VOTER + i, 1 + (i % ENTRIES));
    openLatencies.push(open);
    pressLatencies.push(press);
  } catch (error) {
    failures += 1;
    problems.set(String(error), (problems.get(String(error)) ?? 0) + 1);
  }
});
await Promise.all(voters);
await confirming.catch((error: unknown) =>
  console.log(`  the organiser's Send was not handled: ${String(error)}`),
);
const surgeSeconds = (performance.now() - surgeStart) / 1000;
console.log('  the voters are done; waiting for the broadcast to finish');

// The broadcast finished: wholly queued, and nothing left in the outbox.
while (
  (await BroadcastModel.findOne({ text: TEXT }).lean())?.status !== 'queued' ||
  (await OutboxChunkModel.countDocuments({ open: true })) > 0
)
  await new Promise((r) => setTimeout(r, 200));
clearInterval(sampler);
clearInterval(progress);
for (const { child } of bots) {
  child.kill('SIGTERM');
  if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
}

const stats = await request({ stats: TEXT });
if (!('stats' in stats)) throw new Error('no figures from the Bot API');
const perChat = new Map(stats.stats.perChat);
const times = stats.stats.times.sort((a, b) => a - b);
const broadcastSeconds = (times.at(-1)! - times[0]!) / 1000;
const stored = await VoteModel.countDocuments();
const counted = (await EntryModel.find({}, { voteCount: 1 }).lean()).reduce(
  (n, e) => n + (e.voteCount ?? 0),
  0,
);
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const ms = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(0)} ms, p95 ${percentile(xs, 95).toFixed(0)} ms, p99 ${percentile(xs, 99).toFixed(0)} ms`;

console.log(
  `\nbench:surge — ${VOTERS} voters over ${SECONDS} s through 2 processes on webhooks, a broadcast to ${RECIPIENTS} at ${RATE}/s`,
);
console.log(
  `  before it:       ${WARMUP ? `${WARMUP} people over 10 s (the bots were running)` : 'nothing (the bots had just started)'}`,
);
console.log(
  `  votes:           ${pressLatencies.length} in ${surgeSeconds.toFixed(1)} s = ${(pressLatencies.length / surgeSeconds).toFixed(0)} a second; ${failures} voters failed`,
);
if (problems.size)
  console.log(`  why:             ${[...problems].map(([k, n]) => `${n} × ${k}`).join('; ')}`);
console.log(`  press → answer:  ${ms(pressLatencies)}`);
console.log(`  link → card:     ${ms(openLatencies)}`);
console.log(
  `  votes stored:    ${stored} (expected ${VOTERS + WARMUP}, the warm-up's too: ${VOTERS + WARMUP - stored} lost); live counters ${counted} (${counted - stored} off)`,
);
console.log(
  `  broadcast:       ${times.length} messages in ${broadcastSeconds.toFixed(1)} s = ${(times.length / broadcastSeconds).toFixed(0)} a second; ${RECIPIENTS - perChat.size} lost, ${[...perChat.values()].reduce((n, k) => n + k - 1, 0)} doubled`,
);
console.log(`  429s met:        ${stats.stats.tooManyRequests}`);
console.log(
  `  database:        ${ownServer ? `its own FerretDB (${process.env.FERRETDB_POOL_MAX_CONNS} PostgreSQL connections)` : 'MONGODB_URI'}, the bots' drivers ${uriOptions || 'as the address says'}`,
);
console.log(`  redelivered:     ${redeliveries} updates answered other than 200 and sent again`);
console.log(
  `  webhook:         at most ${mostConnections} requests at once (the bots asked for ${maxConnections})`,
);
console.log(
  `  peak RSS:        ${[...peaks.values()].map((m) => `${m.toFixed(0)} MiB`).join(', ')} (per bot process)`,
);

ask('stop');
await mongoose.disconnect().catch(() => undefined);
await mongo.stop();
process.exit(0);
