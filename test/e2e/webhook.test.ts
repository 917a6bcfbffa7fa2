import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserModel } from '../../models/user.js';
import { Harness, WEBHOOK_ENV, WEBHOOK_SECRET } from '../helpers/harness.js';

// Webhook mode, as run behind a load balancer: Telegram's secret_token is checked on every
// request, a redelivered update is answered and not processed twice, and the process reports
// its health and metrics.

const SECRET = WEBHOOK_SECRET;

const METRICS_TOKEN = 'a-metrics-token-0123456789';

describe('webhook mode and the operator endpoints', () => {
  let h: Harness;
  let base: string;
  beforeAll(async () => {
    h = await Harness.start({
      env: { ...WEBHOOK_ENV, METRICS_TOKEN, METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' },
    });
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
    // One is handled; the other, arriving while it is in hand, is sent back to come again.
    expect(responses.map((r) => r.status).sort()).toEqual([200, 503]);
    // It comes again (Telegram retries until 2xx), and is recognised as handled.
    let again = await post(start(10, 5002), SECRET);
    while (again.status === 503) {
      await new Promise((r) => setTimeout(r, 50));
      again = await post(start(10, 5002), SECRET);
    }
    expect(again.status).toBe(200);
    expect(h.api.callsTo(5002).filter((c) => c.method === 'sendMessage')).toHaveLength(1);
    expect(await UserModel.countDocuments({ userId: '5002' })).toBe(1);
  });

  it('refuses a body over 1 MB without reading it, even with the secret', async () => {
    const huge = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const res = await fetch(`${base}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: huge,
    }).catch(() => null);
    // Refused (413), or the connection cut before the rest of the 50 MB was taken.
    if (res) expect(res.status).toBe(413);
    expect((await post(start(11, 5003), SECRET)).status).toBe(200);
  });

  it('reports health cheaply, and metrics only on their own port or with the token', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, database: 'ok' });
    // The public port does not give metrics to anyone who asks.
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(404);
    const withToken = await fetch(`${base}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    const metrics = await withToken.text();
    expect(metrics).toMatch(/dgt_updates_total\{platform="telegram",kind="command"\} [1-9]/);
    expect(metrics).toContain('dgt_handler_seconds_bucket');
    expect(metrics).toMatch(/dgt_outbox_messages\{status="pending"\} \d/);
    const side = await fetch(`http://127.0.0.1:${h.app.metricsPort}/metrics`);
    expect(await side.text()).toContain('dgt_updates_total');
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
