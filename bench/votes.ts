// npm run bench:votes [-- --voters 1000 --concurrency 32]
//
// N people press Vote through the real bot's HTTP path (webhook → grammY → the core → MongoDB →
// answerCallbackQuery and the card's update), against a local Bot API server and a real
// Mongo-wire server. Each has first opened an entry by its shared link (not timed), so they press
// the Vote button of the card the bot sent them, as people do. In the same run, the same load through a bare grammY bot that does nothing
// but one upsert per vote and answers the press: the baseline. Prints votes a second, latency
// percentiles (request posted → bot's HTTP answer, which comes after the press was answered) and
// peak memory, and the bot's throughput as a fraction of the baseline's.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Bot, webhookCallback } from 'grammy';
import mongoose from 'mongoose';
import { startApp } from '../bot/app.js';
import { loadCampaign } from '../bot/campaign-file.js';
import { loadConfig } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import { EntryModel } from '../models/entry.js';
import { VoteModel } from '../models/vote.js';
import { FakeTelegramApi } from '../test/fakes/telegram-api.js';
import { startMongoServer } from '../test/support/mongo-server.js';

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '32' },
    /** Writes a CPU profile of the bot's timed run (open it in Chrome DevTools). */
    profile: { type: 'string' },
  },
});
const VOTERS = Number(values.voters);
const CONCURRENCY = Number(values.concurrency);
const SECRET = 'bench-webhook-secret-0123456789';
const TOKEN = '123456:BENCH-token-for-the-local-bot-api';
const ENTRIES = 20;

interface Result {
  name: string;
  seconds: number;
  latencies: number[];
  peakRssMb: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const FROM = (voter: number) => ({
  id: voter,
  is_bot: false,
  first_name: 'Voter',
  language_code: 'ru',
});

/** A press on the card of entry `entry`: Telegram includes the message's photo, as here. */
function press(updateId: number, voter: number, data: string, entry: number) {
  const photo = [
    { file_id: `photo-${entry - 1}`, file_unique_id: `u-${entry - 1}`, width: 1, height: 1 },
  ];
  return {
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      from: FROM(voter),
      chat_instance: 'c',
      data,
      message: { message_id: 1, date: 0, chat: { id: voter, type: 'private' }, photo },
    },
  };
}

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(body),
  });
}

/** Runs `work` for 0..VOTERS-1, CONCURRENCY at a time. */
async function inParallel(work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < VOTERS) await work(next++);
    }),
  );
}

/**
 * Before the timed part, each of the bot's voters opens an entry by its shared link, as a real
 * voter does: the card they get carries the Vote button they will press.
 */
async function openCards(url: string, firstVoter: number): Promise<string[]> {
  const buttons: string[] = [];
  await inParallel(async (i) => {
    const voter = firstVoter + i;
    const res = await post(url, {
      update_id: 9_000_000 + i,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: voter, type: 'private' },
        from: FROM(voter),
        text: `/start e${1 + (i % ENTRIES)}`,
      },
    });
    await res.arrayBuffer();
    const card = api.calls.find((c) => c.method === 'sendPhoto' && c.params.chat_id === voter);
    const markup = card?.params.reply_markup as
      { inline_keyboard: { callback_data?: string }[][] } | undefined;
    const data = markup?.inline_keyboard[0]?.[0]?.callback_data;
    if (!data?.startsWith('v:v:')) throw new Error(`voter ${voter} got no card with a Vote button`);
    buttons[i] = data;
  });
  return buttons;
}

async function load(
  name: string,
  url: string,
  firstVoter: number,
  buttons: string[],
): Promise<Result> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const latencies: number[] = [];
  const started = performance.now();
  await inParallel(async (i) => {
    const t = performance.now();
    const res = await post(
      url,
      press(firstVoter + i, firstVoter + i, buttons[i]!, 1 + (i % ENTRIES)),
    );
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}`);
    latencies.push(performance.now() - t);
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { name, seconds, latencies: latencies.sort((a, b) => a - b), peakRssMb: peak / 2 ** 20 };
}

/** The baseline: grammY and one upsert per vote, nothing else. */
async function startBaseline(apiRoot: string): Promise<{ url: string; close(): Promise<void> }> {
  // Answering on the webhook's response, as the bot does: the two differ only in what they do.
  const bot = new Bot(TOKEN, {
    client: { apiRoot, canUseWebhookReply: (method) => method === 'answerCallbackQuery' },
  });
  bot.on('callback_query:data', async (ctx) => {
    await VoteModel.updateOne(
      { _id: `baseline:${ctx.from.id}:animals` },
      { $set: { entryId: ctx.callbackQuery.data, at: new Date() } },
      { upsert: true },
    );
    await ctx.answerCallbackQuery({ text: 'OK' });
  });
  await bot.init();
  const handle = webhookCallback(bot, 'http', { secretToken: SECRET });
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

const mongo = await startMongoServer();
const api = new FakeTelegramApi();
const apiRoot = await api.start();
const config = loadConfig({
  TELEGRAM_BOT_TOKEN: TOKEN,
  TELEGRAM_API_ROOT: apiRoot,
  MONGODB_URI: `${mongo.uri.replace(/\/$/, '')}/bench_votes_${Date.now()}`,
  LOG_LEVEL: 'error',
  VOTER_HASH_SECRET: 'bench-secret-of-enough-length',
  TELEGRAM_MODE: 'webhook',
  TELEGRAM_WEBHOOK_URL: 'https://bot.example.kz/telegram',
  TELEGRAM_WEBHOOK_SECRET: SECRET,
  BUTTON_PRESSES_PER_10S: '1000',
  HTTP_PORT: '0',
  HTTP_HOST: '127.0.0.1',
});
const votingDay = new Date('2026-11-15T12:00:00+05:00');
const app = await startApp(
  config,
  loadCampaign('campaign.json'),
  { now: () => votingDay },
  createLogger('error'),
);

// The world: published entries (written directly: the benchmark measures voting, not submitting).
await EntryModel.insertMany(
  Array.from({ length: ENTRIES }, (_, i) => ({
    draftKey: `bench-${i}`,
    number: i + 1,
    kind: 'own',
    author: { platform: 'telegram', id: String(10 + i) },
    status: 'published',
    category: 'animals',
    story: 'A good deed worth a vote.',
    city: 'Almaty',
    media: [{ type: 'photo', platform: 'telegram', fileId: `photo-${i}`, uniqueId: `u-${i}` }],
    createdAt: votingDay,
    publishedAt: votingDay,
  })),
);

// The voters: each opens an entry by its link first (untimed), as a real voter does, and then
// presses the Vote button on the card the bot sent them. The baseline gets the same presses.
const BOT_VOTERS = 3_000_000;
const botUrl = `http://127.0.0.1:${app.httpPort}/telegram`;
const buttons = await openCards(botUrl, BOT_VOTERS);

const baseline = await startBaseline(apiRoot);
const results: Result[] = [];
// A warm-up of both, so neither pays for first connections and JIT alone.
await load('warm-up', baseline.url, 1_000_000, buttons);
results.push(await load('baseline (grammY + one upsert)', baseline.url, 2_000_000, buttons));
const profiler = values.profile ? new Session() : null;
if (profiler) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
results.push(await load('the bot (webhook → core → MongoDB)', botUrl, BOT_VOTERS, buttons));
if (profiler) {
  const { profile } = await profiler.post('Profiler.stop');
  writeFileSync(values.profile!, JSON.stringify(profile));
}

const counted = await VoteModel.countDocuments({ _id: mongoose.trusted({ $not: /^baseline:/ }) });
console.log(
  `\nbench:votes — ${VOTERS} voters, ${CONCURRENCY} at a time, ${ENTRIES} entries; Mongo-wire server: ${mongo.uri.startsWith('mongodb://127.0.0.1') ? 'FerretDB (local)' : mongo.uri}`,
);
for (const r of results) {
  const rate = VOTERS / r.seconds;
  const l = r.latencies;
  console.log(
    `  ${r.name.padEnd(38)} ${rate.toFixed(0).padStart(5)} votes/s   p50 ${percentile(l, 50).toFixed(1)} ms   p95 ${percentile(l, 95).toFixed(1)} ms   p99 ${percentile(l, 99).toFixed(1)} ms   peak RSS ${r.peakRssMb.toFixed(0)} MiB`,
  );
}
const [base, bot] = results.map((r) => VOTERS / r.seconds) as [number, number];
console.log(
  `  the bot reaches ${(bot / base).toFixed(2)} of the baseline's throughput (goal: at least 0.80)`,
);
console.log(`  votes stored by the bot: ${counted} (expected ${VOTERS})`);

await baseline.close();
await app.stop();
await api.stop();
await mongo.stop();
