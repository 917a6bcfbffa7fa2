import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegramApi } from '../fakes/telegram-api.js';
import { startBotProcess } from '../helpers/bot-process.js';
import { TEST_BOT_ENV, testDatabaseUri } from '../helpers/harness.js';
import { startOwnMongoServer, type ControllableMongoServer } from '../support/mongo-server.js';

// A supervisor (systemd, Kubernetes) stops the bot with SIGTERM and kills it a few seconds later.
// The bot stops gracefully, and within its deadline even when the database is gone and nothing it
// waits on will ever answer.

describe('stopping the bot', () => {
  const api = new FakeTelegramApi();
  let db: ControllableMongoServer;

  beforeAll(async () => {
    db = await startOwnMongoServer();
  });
  afterAll(async () => {
    await api.stop();
    await db.stop();
  });

  it('exits after SIGTERM while the database answers nothing', async () => {
    const bot = await startBotProcess(api, {
      ...process.env,
      ...TEST_BOT_ENV,
      DATABASE_TIMEOUT_MS: '4000',
      WEBHOOK_DEADLINE_MS: '8000',
      TELEGRAM_BOT_TOKEN: '123456:TEST-token-for-the-local-bot-api',
      TELEGRAM_API_ROOT: await api.start(),
      MONGODB_URI: testDatabaseUri(db.uri),
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      CAMPAIGN_FILE: 'test/fixtures/campaign-open-now.json',
      LOG_LEVEL: 'silent',
    });
    await db.freeze();
    const exited = new Promise<number | null>((r) => bot.once('exit', (code) => r(code)));
    const since = Date.now();
    bot.kill('SIGTERM');
    const code = await exited;
    const seconds = (Date.now() - since) / 1000;
    console.log(
      `[shutdown] exited with ${code} ${seconds.toFixed(1)} s after SIGTERM, database frozen`,
    );
    expect(code).not.toBeNull();
    await db.thaw();
  }, 60_000);
});
