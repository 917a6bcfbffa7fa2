import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxWaiting } from '../../models/outbox.js';
import { deliveryFigures } from '../../models/delivery-counters.js';
import { UserModel } from '../../models/user.js';
import { BroadcastModel } from '../../models/broadcast.js';
import { FakeTelegramApi } from '../fakes/telegram-api.js';
import { botProcessEnv, testDatabaseUri } from '../helpers/harness.js';
import { TelegramUser } from '../helpers/telegram-user.js';
import { startBotProcess, stopBotProcess } from '../helpers/bot-process.js';
import { freePort } from '../../bot/embedded-db.js';

// A broadcast to 5,000 people, the bot killed with SIGKILL half-way, then started again: every
// recipient ends with the message; a message may arrive twice only if it was on its way at the
// kill (sent, not yet recorded), so duplicates are bounded by the sender's in-flight window.

const RECIPIENTS = 5_000;
const IN_FLIGHT = 10;
const ADMIN = 900_001;

describe('a crash in the middle of a broadcast', () => {
  const api = new FakeTelegramApi();
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const uri = testDatabaseUri();
    env = botProcessEnv(await api.start(), uri, {
      TELEGRAM_ADMIN_IDS: String(ADMIN),
      HTTP_PORT: '0',
      TELEGRAM_RATE_PER_SECOND: '400',
      TELEGRAM_PER_CHAT_INTERVAL_MS: '0',
      OUTBOX_IN_FLIGHT: String(IN_FLIGHT),
    });
    await mongoose.connect(uri);
    // The recipients: people who used the bot before (written directly: 5,000 /start updates
    // would test polling, not the outbox).
    const now = new Date();
    await UserModel.insertMany(
      Array.from({ length: RECIPIENTS }, (_, i) => ({
        _id: `telegram:${200_000 + i}`,
        platform: 'telegram',
        userId: String(200_000 + i),
        lang: (['kk', 'ru', 'en'] as const)[i % 3],
        createdAt: now,
      })),
    );
  });
  afterAll(async () => {
    await mongoose.disconnect();
    await api.stop();
  });

  const startBot = () => startBotProcess(api, env);

  const broadcastText = 'Thank you all: the gala is on Friday!';
  const deliveries = () =>
    api.calls.filter((c) => c.method === 'sendMessage' && c.params.text === broadcastText);

  it(`delivers to all ${RECIPIENTS} recipients, with duplicates bounded by the in-flight window`, async () => {
    let bot = await startBot();
    const organiser = new TelegramUser(api, ADMIN, 'en', 'Organiser');
    await organiser.send('/broadcast');
    await organiser.send(broadcastText);
    await organiser.tapKey('broadcast-audience-all');
    await organiser.tapKey('broadcast-send');

    const sendingSince = Date.now();
    while (deliveries().length < RECIPIENTS * 0.4) {
      if (Date.now() - sendingSince > 60_000)
        throw new Error(`only ${deliveries().length} sent in a minute`);
      await new Promise((r) => setTimeout(r, 20));
    }
    console.log(
      `[outbox-crash] ${deliveries().length} sent in ${Date.now() - sendingSince} ms before the kill`,
    );
    await stopBotProcess(bot, 'SIGKILL');
    const beforeCrash = deliveries().length;

    const restarted = Date.now();
    bot = await startBot();
    // Waits on progress, not a deadline: the test's own timeout is the bound.
    while ((await outboxWaiting()) > 0) await new Promise((r) => setTimeout(r, 100));
    console.log(`[outbox-crash] the rest sent in ${Date.now() - restarted} ms after the restart`);
    await stopBotProcess(bot, 'SIGTERM');

    const perRecipient = new Map<number, number>();
    for (const c of deliveries())
      perRecipient.set(
        Number(c.params.chat_id),
        (perRecipient.get(Number(c.params.chat_id)) ?? 0) + 1,
      );
    const missing = Array.from({ length: RECIPIENTS }, (_, i) => 200_000 + i).filter(
      (id) => !perRecipient.has(id),
    );
    const duplicates = [...perRecipient.values()].filter((n) => n > 1).length;
    console.log(
      `[outbox-crash] ${RECIPIENTS} recipients; killed after ${beforeCrash} sends; ` +
        `after restart: ${deliveries().length} sends, missing ${missing.length}, sent twice ${duplicates} ` +
        `(in-flight window ${IN_FLIGHT})`,
    );
    expect(missing).toEqual([]);
    expect(duplicates).toBeLessThanOrEqual(IN_FLIGHT);
    // The totals of the killed process's last unwritten group are lost with it: figures, not rows.
    expect((await deliveryFigures()).telegram?.sent).toBeGreaterThanOrEqual(RECIPIENTS - IN_FLIGHT);
  }, 180_000);
});

describe('a broadcast sent by two processes', () => {
  const api = new FakeTelegramApi();
  const RATE = 200;
  const PEOPLE = 2_000;
  const SECRET = 'broadcast-processes-secret-0123456789';
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const uri = testDatabaseUri();
    env = botProcessEnv(await api.start(), uri, {
      TELEGRAM_ADMIN_IDS: String(ADMIN),
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.kz/telegram',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      // Each process is set to the bot's whole limit: one sender at a time keeps it.
      TELEGRAM_RATE_PER_SECOND: String(RATE),
      TELEGRAM_PER_CHAT_INTERVAL_MS: '0',
      OUTBOX_IN_FLIGHT: '20',
    });
    api.rateLimit = { perSecond: RATE, retryAfter: 1 };
    await mongoose.connect(uri);
    const now = new Date();
    await UserModel.insertMany(
      Array.from({ length: PEOPLE }, (_, i) => ({
        _id: `telegram:${300_000 + i}`,
        platform: 'telegram',
        userId: String(300_000 + i),
        lang: 'en',
        createdAt: now,
      })),
    );
  });
  afterAll(async () => {
    await mongoose.disconnect();
    await api.stop();
  });

  it(`reaches all ${PEOPLE} once, with no 429, however many processes there are`, async () => {
    const [portA, portB] = [await freePort(), await freePort()];
    const a = await startBotProcess(api, { ...env, HTTP_PORT: String(portA) });
    const b = await startBotProcess(api, { ...env, HTTP_PORT: String(portB) });
    api.webhook = { url: `http://127.0.0.1:${portA}/telegram`, secret: SECRET };
    const organiser = new TelegramUser(api, ADMIN, 'en', 'Organiser');
    const text = 'Two processes, one limit: see you at the gala!';
    await organiser.send('/broadcast');
    await organiser.send(text);
    await organiser.tapKeyWhenShown('broadcast-audience-all');
    await organiser.tapKeyWhenShown('broadcast-send');
    // The press is answered at once; the queuing goes on after it, then the sending.
    while ((await BroadcastModel.findOne({ text }).lean())?.status !== 'queued')
      await new Promise((r) => setTimeout(r, 100));
    while ((await outboxWaiting()) > 0) await new Promise((r) => setTimeout(r, 100));
    await Promise.all([stopBotProcess(a), stopBotProcess(b)]);

    const sent = api.calls.filter((c) => c.method === 'sendMessage' && c.params.text === text);
    const perPerson = new Map<number, number>();
    for (const c of sent)
      perPerson.set(Number(c.params.chat_id), (perPerson.get(Number(c.params.chat_id)) ?? 0) + 1);
    const seconds = (sent.at(-1)!.at! - sent[0]!.at!) / 1000;
    console.log(
      `[two senders] ${sent.length} messages in ${seconds.toFixed(1)} s: ${(sent.length / seconds).toFixed(0)} a second against a limit of ${RATE} (${(sent.length / seconds / RATE).toFixed(2)}), ${api.tooManyRequests} × 429`,
    );
    // Everyone, the organiser too (they used the bot).
    expect(perPerson.size).toBe(PEOPLE + 1);
    expect([...perPerson.values()].every((n) => n === 1)).toBe(true);
    expect(api.tooManyRequests).toBe(0);
  }, 180_000);
});

describe('a broadcast interrupted while it is being queued', () => {
  const api = new FakeTelegramApi();
  const PEOPLE = 5_000;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const uri = testDatabaseUri();
    env = botProcessEnv(await api.start(), uri, {
      TELEGRAM_ADMIN_IDS: String(ADMIN),
      HTTP_PORT: '0',
      TELEGRAM_RATE_PER_SECOND: '1000',
      TELEGRAM_PER_CHAT_INTERVAL_MS: '0',
      OUTBOX_IN_FLIGHT: '50',
      // The clock looks for stalled jobs every second.
      CLOCK_TICK_SECONDS: '1',
    });
    await mongoose.connect(uri);
    const now = new Date();
    for (let i = 0; i < PEOPLE; i += 2_000) {
      await UserModel.insertMany(
        Array.from({ length: Math.min(2_000, PEOPLE - i) }, (_, j) => ({
          _id: `telegram:${400_000 + i + j}`,
          platform: 'telegram',
          userId: String(400_000 + i + j),
          lang: 'ru',
          createdAt: now,
        })),
      );
    }
  });
  afterAll(async () => {
    await mongoose.disconnect();
    await api.stop();
  });

  it('is finished after a restart, with nobody queued twice', async () => {
    let bot = await startBotProcess(api, env);
    const organiser = new TelegramUser(api, ADMIN, 'en', 'Organiser');
    const text = 'Queued in pages, resumed where it stopped.';
    await organiser.send('/broadcast');
    await organiser.send(text);
    await organiser.tapKey('broadcast-audience-all');
    const sending = organiser.tapKey('broadcast-send');
    // Killed once the first pages are queued, while the rest are not.
    for (;;) {
      const job = await BroadcastModel.findOne({ text }).lean();
      if (job?.status === 'queuing' && (job.queued ?? 0) > 0) break;
      if (job?.status === 'queued') throw new Error('queued before it could be interrupted');
      await new Promise((r) => setTimeout(r, 10));
    }
    await stopBotProcess(bot, 'SIGKILL');
    void sending.catch(() => undefined);
    const interrupted = await BroadcastModel.findOne({ text }).lean();
    console.log(`[broadcast resume] killed with ${interrupted?.queued} of ${PEOPLE + 1} queued`);
    expect(interrupted?.status).toBe('queuing');

    bot = await startBotProcess(api, env);
    while ((await BroadcastModel.findOne({ text }).lean())?.status !== 'queued')
      await new Promise((r) => setTimeout(r, 100));
    while ((await outboxWaiting()) > 0) await new Promise((r) => setTimeout(r, 100));
    await stopBotProcess(bot, 'SIGTERM');

    const sent = api.calls.filter((c) => c.method === 'sendMessage' && c.params.text === text);
    const perPerson = new Map<number, number>();
    for (const c of sent)
      perPerson.set(Number(c.params.chat_id), (perPerson.get(Number(c.params.chat_id)) ?? 0) + 1);
    expect(perPerson.size).toBe(PEOPLE + 1);
    expect([...perPerson.values()].filter((n) => n > 1)).toEqual([]);
    // And the organiser heard it was queued, for everyone.
    expect(
      api
        .callsTo(ADMIN)
        .some((c) => c.params.text === organiser.tr('broadcast-queued', { count: PEOPLE + 1 })),
    ).toBe(true);
  }, 400_000);
});
