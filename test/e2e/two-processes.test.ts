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

  async function pair(campaignFile: string): Promise<Process[]> {
    const uri = testDatabaseUri();
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
    };
    const [a, b] = await Promise.all([startBot(env), startBot(env)]);
    await mongoose.connect(uri);
    return [a, b];
  }

  /**
   * Posts one update to both processes at once, each as Telegram would: posted again while the
   * answer is not 2xx (the other process has it in hand) until both answer 200.
   */
  async function both(processes: Process[], update: Record<string, unknown>): Promise<void> {
    const body = JSON.stringify({ update_id: nextId++, ...update });
    const post = async (url: string) => {
      for (;;) {
        const res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-telegram-bot-api-secret-token': SECRET,
          },
          body,
        });
        await res.text();
        if (res.status !== 503) return res.status;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const answers = await Promise.all(processes.map((p) => post(p.url)));
    expect(answers).toEqual([200, 200]);
  }

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
});
