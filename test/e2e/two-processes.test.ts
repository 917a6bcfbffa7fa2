import type { ChildProcess } from 'node:child_process';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftModel } from '../../models/draft.js';
import { EntryModel } from '../../models/entry.js';
import { outboxWaiting } from '../../models/outbox.js';
import { VoteModel } from '../../models/vote.js';
import { FakeTelegramApi } from '../fakes/telegram-api.js';
import { TEST_BOT_ENV, testDatabaseUri } from '../helpers/harness.js';
import { spawnBot } from '../helpers/bot-process.js';
import { STORY } from '../helpers/flows.js';

// Two bot processes behind a load balancer, on one database, fed the same stream of updates
// (every update posted to both, as a retrying balancer or Telegram's redelivery would): no double
// votes, no double notifications, no lost drafts.

const SECRET = 'two-processes-secret-0123456789';
const ADMIN = 900_001;

interface Process {
  child: ChildProcess;
  url: string;
}

async function startBot(env: NodeJS.ProcessEnv): Promise<Process> {
  const child = spawnBot(env, 'pipe');
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"port":(\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`bot exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}/telegram` };
}

async function stop(p: Process): Promise<void> {
  p.child.kill('SIGTERM');
  await new Promise((r) => p.child.once('exit', r));
}

describe('two processes on one database', () => {
  const api = new FakeTelegramApi();
  let apiRoot: string;
  let nextId = 1;
  beforeAll(async () => {
    apiRoot = await api.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  async function pair(
    campaignFile: string,
    extra: Record<string, string> = {},
    uri = testDatabaseUri(),
    count = 2,
  ): Promise<Process[]> {
    const env = {
      ...process.env,
      ...TEST_BOT_ENV,
      TELEGRAM_BOT_TOKEN: '123456:TEST-token-for-the-local-bot-api',
      TELEGRAM_API_ROOT: apiRoot,
      TELEGRAM_ADMIN_IDS: String(ADMIN),
      MONGODB_URI: uri,
      CAMPAIGN_FILE: campaignFile,
      LOG_LEVEL: 'info',
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.kz/telegram',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      TELEGRAM_PER_CHAT_INTERVAL_MS: '0',
      TELEGRAM_RATE_PER_SECOND: '1000',
      ...extra,
    };
    const processes = await Promise.all(Array.from({ length: count }, () => startBot(env)));
    // This test's database, whatever the one before left connected.
    if (
      mongoose.connection.readyState !== 0 &&
      mongoose.connection.name !== new URL(uri).pathname.slice(1)
    )
      await mongoose.disconnect();
    if (mongoose.connection.readyState !== 1) await mongoose.connect(uri);
    return processes;
  }

  /**
   * Posts one update to both processes at once, each as Telegram would: posted again while the
   * answer is not 2xx (the other process has it in hand) until both answer 200.
   */
  async function both(processes: Process[], update: Record<string, unknown>): Promise<void> {
    const body = JSON.stringify({ update_id: nextId++, ...update });
    const answers = await Promise.all(processes.map((p) => postTo(p.url, body)));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
  }

  /** Posts an update's body to one process, again while it answers 503 (Telegram's way). */
  async function postTo(url: string, body: string): Promise<{ status: number; reply: string }> {
    for (;;) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body,
      });
      const reply = await res.text();
      if (res.status !== 503) return { status: res.status, reply };
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** One update to one process (a load balancer's choice). */
  const one = (p: Process, update: Record<string, unknown>) =>
    postTo(p.url, JSON.stringify({ update_id: nextId++, ...update }));

  const from = (id: number) => ({ id, is_bot: false, first_name: `U${id}`, language_code: 'en' });
  const text = (id: number, t: string) => ({
    message: {
      message_id: nextId,
      date: 0,
      chat: { id, type: 'private' },
      from: from(id),
      text: t,
    },
  });
  const photo = (id: number) => ({
    message: {
      message_id: nextId,
      date: 0,
      chat: { id, type: 'private' },
      from: from(id),
      photo: [{ file_id: `p${nextId}`, file_unique_id: `u${nextId}`, width: 1, height: 1 }],
    },
  });
  const press = (id: number, data: string) => ({
    callback_query: {
      id: `cb${nextId}`,
      from: from(id),
      chat_instance: 'c',
      data,
      message: { message_id: 1, date: 0, chat: { id, type: 'private' } },
    },
  });

  async function waitForOutbox(): Promise<void> {
    while ((await outboxWaiting()) > 0) await new Promise((r) => setTimeout(r, 50));
  }

  it('keeps every draft step, makes one entry and one moderator card', async () => {
    const processes = await pair('test/fixtures/campaign-open-now.json');
    const author = 61_001;
    for (const update of [
      text(author, '/submit'),
      photo(author),
      press(author, 'd:done'),
      text(author, STORY),
      text(author, 'Taraz'),
      press(author, 'd:cat:animals'),
      press(author, 'd:ok'),
      press(author, 'd:send'),
    ]) {
      await both(processes, update);
    }
    await waitForOutbox();
    expect(await EntryModel.countDocuments()).toBe(1);
    expect(await EntryModel.findOne().lean()).toMatchObject({
      city: 'Taraz',
      story: STORY,
      category: 'animals',
    });
    expect(await DraftModel.countDocuments()).toBe(0);
    const cards = api
      .callsTo(ADMIN)
      .filter((c) => c.method === 'sendMessage' && String(c.params.text).includes('№1'));
    expect(cards).toHaveLength(1);
    // Each update was handled by one of the two: every question was asked once.
    const asked = (start: string) =>
      api.callsTo(author).filter((c) => String(c.params.text ?? '').startsWith(start)).length;
    expect(asked('In which city or village')).toBe(1);
    expect(asked('Choose the category')).toBe(1);
    await Promise.all(processes.map(stop));
    await mongoose.disconnect();
  }, 60_000);

  it('counts one vote per person and sends each notification once', async () => {
    const processes = await pair('test/fixtures/campaign-voting-now.json');
    await EntryModel.insertMany(
      [1, 2].map((n) => ({
        draftKey: `k${n}`,
        number: n,
        kind: 'own',
        author: { platform: 'telegram', id: String(62_000 + n) },
        status: 'published',
        category: 'animals',
        story: STORY,
        city: 'Shymkent',
        media: [{ type: 'photo', platform: 'telegram', fileId: `f${n}`, uniqueId: `u${n}` }],
        createdAt: new Date(),
      })),
    );
    const voters = Array.from({ length: 20 }, (_, i) => 63_000 + i);
    await Promise.all(voters.map((v, i) => both(processes, press(v, `v:v:${1 + (i % 2)}`))));
    await Promise.all(voters.slice(0, 10).map((v) => both(processes, press(v, 'v:v:2'))));
    // A complaint makes a moderator notification: it must arrive once.
    await both(processes, press(voters[0]!, 'v:rr:1:1'));
    await waitForOutbox();

    expect(await VoteModel.countDocuments()).toBe(20);
    const entry2 = await EntryModel.findOne({ number: 2 }).lean();
    expect(await VoteModel.countDocuments({ entryId: entry2!._id.toHexString() })).toBe(15);
    const complaints = api
      .callsTo(ADMIN)
      .filter(
        (c) =>
          String(c.params.text ?? '').includes('Complaint') ||
          String(c.params.text ?? '').includes('Жалоба'),
      );
    expect(complaints).toHaveLength(1);
    await Promise.all(processes.map(stop));
    await mongoose.disconnect();
  }, 60_000);

  /** Published entries in the animals category, made directly (the publication path has tests). */
  async function published(count: number): Promise<void> {
    await EntryModel.insertMany(
      Array.from({ length: count }, (_, i) => ({
        draftKey: `p${i + 1}`,
        number: i + 1,
        kind: 'own',
        author: { platform: 'telegram', id: String(64_000 + i) },
        status: 'published',
        category: 'animals',
        story: STORY,
        city: 'Aktau',
        media: [{ type: 'photo', platform: 'telegram', fileId: `f${i}`, uniqueId: `u${i}` }],
        createdAt: new Date(),
      })),
    );
  }

  it('keeps one vote when one person’s presses on several entries race through both processes', async () => {
    const processes = await pair('test/fixtures/campaign-voting-now.json');
    await published(3);
    const voter = 65_001;
    for (let round = 0; round < 5; round += 1) {
      // Three presses at once, each to another process: the vote lands on one of them.
      await Promise.all(
        [1, 2, 3].map((n, i) => one(processes[(round + i) % 2]!, press(voter, `v:v:${n}`))),
      );
    }
    const votes = await VoteModel.find({ category: 'animals' }).lean();
    expect(votes).toHaveLength(1);
    expect([1, 2, 3]).toContain(votes[0]!.entryNumber);
    await Promise.all(processes.map(stop));
    await mongoose.disconnect();
  }, 60_000);

  it('holds one person’s press limit across both processes', async () => {
    const processes = await pair('test/fixtures/campaign-voting-now.json', {
      BUTTON_PRESSES_PER_10S: '15',
    });
    await published(2);
    const clicker = 65_002;
    const WINDOW = 10_000;
    const windowOf = (at: number) => Math.floor(at / WINDOW);
    // Start at the beginning of a window (the limit counts in fixed ten-second windows).
    while (Date.now() % WINDOW > 1_000) await new Promise((r) => setTimeout(r, 50));
    const presses = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const sent = Date.now();
        const { reply } = await one(processes[i % 2]!, press(clicker, 'v:nx:1'));
        return { reply, windows: [windowOf(sent), windowOf(Date.now())] };
      }),
    );
    const allowed = presses.filter((p) => !p.reply.includes('Not so fast')).length;
    // 15 a window, and at most two more per process before it asks the database; a machine so
    // busy that the presses spread over more windows allows that much per window.
    const windows = new Set(presses.flatMap((p) => p.windows)).size;
    console.log(`[two-processes] ${allowed} of 40 presses let through, over ${windows} window(s)`);
    expect(allowed).toBeGreaterThanOrEqual(15);
    expect(allowed).toBeLessThanOrEqual(19 * windows);
    expect(windows).toBeLessThan(4);
    await Promise.all(processes.map(stop));
    await mongoose.disconnect();
  }, 60_000);

  it('corrects a live vote counter that a killed process never wrote', async () => {
    const uri = testDatabaseUri();
    const voting = 'test/fixtures/campaign-voting-now.json';
    // This process holds its votes "for an hour", and is killed before it writes them.
    const [writer] = await pair(voting, { VOTE_COUNTS_WRITE_MS: '3600000' }, uri, 1);
    await published(1);
    for (const voter of [65_010, 65_011, 65_012]) await one(writer!, press(voter, 'v:v:1'));
    writer!.child.kill('SIGKILL');
    await new Promise((r) => writer!.child.once('exit', r));
    // The votes are stored; the counter lacks those the process held (its first read wrote one).
    expect(await VoteModel.countDocuments()).toBe(3);
    expect((await EntryModel.findOne({ number: 1 }).lean())?.voteCount).toBeLessThan(3);

    const [checker] = await pair(voting, { VOTE_COUNTS_CHECK_SECONDS: '1' }, uri, 1);
    const since = Date.now();
    while ((await EntryModel.findOne({ number: 1 }).lean())?.voteCount !== 3)
      await new Promise((r) => setTimeout(r, 200));
    console.log(
      `[two-processes] the counter was right again ${Date.now() - since} ms after a new process started (checks every 1 s)`,
    );
    await stop(checker!);
    await mongoose.disconnect();
  }, 120_000);
});
