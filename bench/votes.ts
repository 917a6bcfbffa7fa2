// npm run bench:votes [-- --voters 1000 --concurrency 32 --rounds 5]
//
// N people press Vote through the real bot's HTTP path (webhook → grammY → the core → MongoDB →
// answerCallbackQuery and the card's update), against a local Bot API server and a real
// Mongo-wire server. Each has first opened an entry by its shared link (not timed), so they press
// the Vote button of the card the bot sent them, as people do. In the same run, the same load through a bare grammY bot that does nothing
// but one upsert per vote and answers the press: the baseline. Prints votes a second, latency
// percentiles (request posted → bot's HTTP answer, which comes after the press was answered) and
// peak memory, and the bot's throughput as a fraction of the baseline's.
//
// One pair of runs is not a measurement on a shared two-core machine: the same code measured
// 0.65 and 0.89 of the baseline in two runs a minute apart. So the pair is run in rounds, the
// order alternating (baseline first, then the bot first), each round with voters of its own;
// the ratio reported is the median of the rounds' ratios, and every round is printed.
//
// The baseline's votes go to a collection of their own, emptied before each of its runs. On
// FerretDB 1.x a write by _id slows as its collection grows (an upsert by _id measured 1.6 ms on
// an empty collection, 2.7 ms beside 6,000 documents; MongoDB's does not slow), so a baseline
// sharing the bot's growing collection would get slower each round and flatter the bot. Emptied,
// it runs at its best every time. (Within a run it still grows to N documents: a larger N
// flatters the bot somewhat, so the figure to quote is the default N.)
//
// The local Bot API answers on a thread of its own (telegram-api-thread.ts): Telegram answers
// the bot's calls on its own machines, so that work is not counted against the bot. The load
// (the people pressing) stays on the main thread, the same for both. Peak RSS is the whole
// process's: both bots, the load and the Bot API stand-in.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { Bot, webhookCallback } from 'grammy';
import mongoose, { Schema } from 'mongoose';
import { startApp } from '../bot/app.js';
import { loadCampaign } from '../bot/campaign-file.js';
import { loadConfig } from '../bot/config.js';
import { createLogger } from '../bot/logger.js';
import { VoteModel } from '../models/vote.js';
import { startMongoServer } from '../test/support/mongo-server.js';
import { seedPublishedEntries } from './world.js';

const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '5' },
    /** Writes a CPU profile of the bot's first timed run (open it in Chrome DevTools). */
    profile: { type: 'string' },
  },
});
const VOTERS = Number(values.voters);
const CONCURRENCY = Number(values.concurrency);
const ROUNDS = Number(values.rounds);
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

/** Runs `work` for 0..count-1, CONCURRENCY at a time. */
async function inParallel(count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

/**
 * Before the timed part, each of the bot's voters opens an entry by its shared link, as a real
 * voter does: the card they get carries the Vote button they will press.
 */
async function openCards(url: string, firstVoter: number, count: number): Promise<string[]> {
  const buttons: string[] = [];
  await inParallel(count, async (i) => {
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
  });
  telegram.postMessage('cards');
  const [{ cards }] = (await once(telegram, 'message')) as [{ cards: [number, string][] }];
  const byVoter = new Map(cards);
  for (let i = 0; i < count; i++) {
    const data = byVoter.get(firstVoter + i);
    if (!data?.startsWith('v:v:'))
      throw new Error(`voter ${firstVoter + i} got no card to vote on`);
    buttons[i] = data;
  }
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
  await inParallel(VOTERS, async (i) => {
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

const BaselineVoteModel = mongoose.model(
  'BaselineVote',
  new Schema({ _id: String, entryId: String, at: Date }),
  'baseline_votes',
);

/** The baseline: grammY and one upsert per vote, nothing else. */
async function startBaseline(apiRoot: string): Promise<{ url: string; close(): Promise<void> }> {
  // Answering on the webhook's response, as the bot does: the two differ only in what they do.
  const bot = new Bot(TOKEN, {
    client: { apiRoot, canUseWebhookReply: (method) => method === 'answerCallbackQuery' },
  });
  bot.on('callback_query:data', async (ctx) => {
    await BaselineVoteModel.updateOne(
      { _id: `${ctx.from.id}:animals` },
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
// The Bot API stand-in runs on a thread of its own (see telegram-api-thread.ts).
// A worker does not inherit tsx's loader: it registers it, then loads the TypeScript file.
const thread = new URL('./telegram-api-thread.ts', import.meta.url).href;
const telegram = new Worker(
  `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(thread)}); })`,
  { eval: true },
);
const [{ root: apiRoot }] = (await once(telegram, 'message')) as [{ root: string }];
const config = loadConfig({
  TELEGRAM_BOT_TOKEN: TOKEN,
  TELEGRAM_API_ROOT: apiRoot,
  MONGODB_URI: `${mongo.uri.replace(/\/$/, '')}/bench_votes_${Date.now()}`,
  LOG_LEVEL: 'error',
  VOTER_HASH_SECRET: 'bench-secret-of-enough-length-for-votes',
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

// The world: published entries.
await seedPublishedEntries(ENTRIES, 'bench', votingDay);

// The voters: each opens an entry by its link first (untimed), as a real voter does, and then
// presses the Vote button on the card the bot sent them. The baseline gets the same presses.
// Every run has voters of its own: the first VOTERS cards serve the bot's warm-up.
const BOT_VOTERS = 3_000_000;
const botUrl = `http://127.0.0.1:${app.httpPort}/telegram`;
const buttons = await openCards(botUrl, BOT_VOTERS, VOTERS * (ROUNDS + 1));
const buttonsOf = (run: number) => buttons.slice(run * VOTERS, (run + 1) * VOTERS);

const baseline = await startBaseline(apiRoot);
const BASELINE = 'baseline (grammY + one upsert)';
const BOT = 'the bot (webhook → core → MongoDB)';
// A warm-up of both, so neither pays for first connections and JIT alone.
await load('warm-up', baseline.url, 1_000_000, buttonsOf(0));
await load('warm-up', botUrl, BOT_VOTERS, buttonsOf(0));

const profiler = values.profile ? new Session() : null;
async function botRun(round: number): Promise<Result> {
  const first = round === 0 && profiler;
  if (first) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  }
  const run = round + 1;
  const result = await load(BOT, botUrl, BOT_VOTERS + run * VOTERS, buttonsOf(run));
  if (first) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(values.profile!, JSON.stringify(profile));
  }
  return result;
}
async function baselineRun(round: number): Promise<Result> {
  await BaselineVoteModel.deleteMany({});
  return load(BASELINE, baseline.url, 2_000_000 + round * VOTERS, buttonsOf(round + 1));
}

const rounds: { baseline: Result; bot: Result }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  if (round % 2 === 0) {
    const base = await baselineRun(round);
    rounds.push({ baseline: base, bot: await botRun(round) });
  } else {
    const bot = await botRun(round);
    rounds.push({ baseline: await baselineRun(round), bot });
  }
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const rate = (r: Result) => VOTERS / r.seconds;
const ratios = rounds.map((r) => rate(r.bot) / rate(r.baseline));

const counted = await VoteModel.countDocuments();
console.log(
  `\nbench:votes — ${VOTERS} voters a run, ${ROUNDS} rounds, ${CONCURRENCY} at a time, ${ENTRIES} entries; Mongo-wire server: ${mongo.uri.startsWith('mongodb://127.0.0.1') ? 'FerretDB (local)' : mongo.uri}`,
);
rounds.forEach((r, i) => {
  const first = i % 2 === 0 ? 'baseline first' : 'bot first';
  console.log(
    `  round ${i + 1} (${first}): baseline ${rate(r.baseline).toFixed(0)} votes/s, the bot ${rate(r.bot).toFixed(0)} votes/s: ${ratios[i]!.toFixed(2)}`,
  );
});
for (const side of ['baseline', 'bot'] as const) {
  const runs = rounds.map((r) => r[side]);
  const l = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const peak = Math.max(...runs.map((r) => r.peakRssMb));
  console.log(
    `  ${runs[0]!.name.padEnd(38)} median ${median(runs.map(rate)).toFixed(0).padStart(5)} votes/s   p50 ${percentile(l, 50).toFixed(1)} ms   p95 ${percentile(l, 95).toFixed(1)} ms   p99 ${percentile(l, 99).toFixed(1)} ms   peak RSS ${peak.toFixed(0)} MiB`,
  );
}
console.log(
  `  the bot reaches ${median(ratios).toFixed(2)} of the baseline's throughput (median of ${ROUNDS} rounds, ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; goal: at least 1.0)`,
);
const expected = VOTERS * (ROUNDS + 1);
console.log(`  votes stored by the bot: ${counted} (expected ${expected})`);
if (counted !== expected) process.exitCode = 1;

await baseline.close();
await app.stop();
telegram.postMessage('stop');
await once(telegram, 'exit');
await mongo.stop();
