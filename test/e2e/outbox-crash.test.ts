import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxWaiting } from '../../models/outbox.js';
import { deliveryFigures } from '../../models/delivery-counters.js';
import { UserModel } from '../../models/user.js';
import { FakeTelegramApi } from '../fakes/telegram-api.js';
import { TEST_BOT_ENV, testDatabaseUri } from '../helpers/harness.js';
import { TelegramUser } from '../helpers/telegram-user.js';
import { startBotProcess, stopBotProcess } from '../helpers/bot-process.js';

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
    env = {
      ...process.env,
      ...TEST_BOT_ENV,
      TELEGRAM_BOT_TOKEN: '123456:TEST-token-for-the-local-bot-api',
      TELEGRAM_API_ROOT: await api.start(),
      TELEGRAM_ADMIN_IDS: String(ADMIN),
      MONGODB_URI: uri,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      CAMPAIGN_FILE: 'test/fixtures/campaign-open-now.json',
      LOG_LEVEL: 'error',
      TELEGRAM_RATE_PER_SECOND: '400',
      TELEGRAM_PER_CHAT_INTERVAL_MS: '0',
      OUTBOX_IN_FLIGHT: String(IN_FLIGHT),
    };
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
