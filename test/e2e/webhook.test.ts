import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserModel } from '../../models/user.js';
import { Harness, WEBHOOK_ENV, WEBHOOK_SECRET } from '../helpers/harness.js';

// Webhook mode, as run behind a load balancer: Telegram's secret_token is checked on every
// request, a redelivered update is answered and not processed twice, and the process reports
// its health and metrics.

const SECRET = WEBHOOK_SECRET;

describe('webhook mode and the operator endpoints', () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await Harness.start({ env: WEBHOOK_ENV });
    base = `http://127.0.0.1:${h.app.httpPort}`;
  });
  afterAll(async () => {
    await h.stop();
  });

  const post = (body: unknown, secret?: string) =>
    fetch(`${base}/telegram`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
      },
      body: JSON.stringify(body),
    });
  const start = (updateId: number, userId: number) => ({
    update_id: updateId,
    message: {
      message_id: 1,
      date: 0,
      chat: { id: userId, type: 'private', first_name: 'W' },
      from: { id: userId, is_bot: false, first_name: 'W', language_code: 'en' },
      text: '/start',
    },
  });

  it('registers the webhook with its secret', () => {
    const call = h.api.calls.find((c) => c.method === 'setWebhook');
    expect(call?.params).toMatchObject({
      url: 'https://bot.example.kz/telegram',
      secret_token: SECRET,
    });
  });

  it('answers 401 to a request without the secret, or with a wrong one, and changes nothing', async () => {
    expect((await post(start(1, 5001))).status).toBe(401);
    expect((await post(start(2, 5001), 'not-the-secret-at-all')).status).toBe(401);
    expect(await UserModel.countDocuments({ userId: '5001' })).toBe(0);
    expect(h.api.callsTo(5001)).toHaveLength(0);
  });

  it('processes an update with the secret once, however often it is delivered', async () => {
    const responses = await Promise.all([
      post(start(10, 5002), SECRET),
      post(start(10, 5002), SECRET),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await post(start(10, 5002), SECRET);
    expect(h.api.callsTo(5002).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(await UserModel.countDocuments({ userId: '5002' })).toBe(1);
  });

  it('reports health and metrics', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: 'ok', outboxBacklog: 0 });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/dgt_updates_total\{platform="telegram",kind="command"\} [1-9]/);
    expect(metrics).toContain('dgt_handler_seconds_bucket');
    expect(metrics).toMatch(/dgt_outbox_messages\{status="pending"\} 0/);
  });
});

describe('configuration of webhook mode', () => {
  it('refuses to start in webhook mode without a secret', async () => {
    const { loadConfig } = await import('../../bot/config.js');
    expect(() =>
      loadConfig({
        TELEGRAM_BOT_TOKEN: '123456:AAbbCCddEEffGGhhIIjjKKllMM',
        MONGODB_URI: 'mongodb://127.0.0.1/x',
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.kz/telegram',
      }),
    ).toThrow(/TELEGRAM_WEBHOOK_SECRET: is required when TELEGRAM_MODE=webhook/);
  });
});
