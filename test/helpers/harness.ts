import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { startApp, type App } from '../../bot/app.js';
import { loadCampaign } from '../../bot/campaign-file.js';
import { loadConfig, secretsOf, type Config } from '../../bot/config.js';
import { createLogger } from '../../bot/logger.js';
import type { Campaign } from '../../handlers/campaign.js';
import type { Clock } from '../../handlers/ports.js';
import { outboxWaiting } from '../../models/outbox.js';
import { FakeTelegramApi } from '../fakes/telegram-api.js';
import { TelegramUser } from './telegram-user.js';
import { FakeVkApi, VK_GROUP_ID } from '../fakes/vk-api.js';
import { VkUser } from './vk-user.js';
import type { Lang } from '../../handlers/protocol.js';

export const ADMIN_ID = 900_001;
/** A voter-hash secret as an operator would make one (32+ characters). */
export const TEST_VOTER_SECRET = 'a-test-secret-of-enough-length-for-votes';
/** The environment every bot in a test runs with, besides its platform's settings. */
export const TEST_BOT_ENV = {
  VOTER_HASH_SECRET: TEST_VOTER_SECRET,
  // Several test files share one FerretDB on two busy cores: a slow answer there is load, not an
  // outage. The tests of real outages set the production values.
  DATABASE_TIMEOUT_MS: '10000',
  WEBHOOK_DEADLINE_MS: '20000',
};

/** The environment of a bot run as its own process (`npm start`) against the local Bot API and
 * `mongoUri`, with the campaign open now; `extra` on top. */
export function botProcessEnv(
  telegramApiRoot: string,
  mongoUri: string,
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...TEST_BOT_ENV,
    TELEGRAM_BOT_TOKEN: '123456:TEST-token-for-the-local-bot-api',
    TELEGRAM_API_ROOT: telegramApiRoot,
    MONGODB_URI: mongoUri,
    HTTP_HOST: '127.0.0.1',
    CAMPAIGN_FILE: 'test/fixtures/campaign-open-now.json',
    LOG_LEVEL: 'error',
    ...extra,
  };
}

/** Webhook mode as behind a load balancer: the public URL's path and the mandatory secret. */
export const WEBHOOK_SECRET = 'a-webhook-secret-0123456789';
export const WEBHOOK_ENV = {
  TELEGRAM_MODE: 'webhook',
  TELEGRAM_WEBHOOK_URL: 'https://bot.example.kz/telegram',
  TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
};
export const SECOND_ADMIN_ID = 900_002;
/** A moderator on VK. */
export const VK_ADMIN_ID = 700_001;
export const VK_CALLBACK_SECRET = 'a-vk-callback-secret-0123456789';

/** A clock the test moves; the bot never sleeps on it. */
export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
}

/**
 * A fresh database name on the test server (or on `server`, one a test started for itself), so
 * test files never see each other's data.
 */
export function testDatabaseUri(server: string = inject('mongoUri')): string {
  const url = new URL(server);
  url.pathname = `/dgt_${randomUUID().slice(0, 8)}`;
  // FerretDB 1.x can take more than one PostgreSQL connection for one operation, and deadlocks
  // when its pool runs dry with every holder waiting for another: a bot in a test keeps at most
  // 12 operations in flight, well inside FerretDB's 40. (MongoDB itself has no such limit.)
  url.searchParams.set('maxPoolSize', '12');
  return url.toString();
}

export interface HarnessOptions {
  now?: string;
  campaign?: (c: Campaign) => Campaign;
  /** Extra environment, as an operator would set it. */
  env?: Record<string, string>;
  /** Also run the VK community bot against a local VK API (Long Poll, or the Callback API). */
  vk?: 'longpoll' | 'callback';
  /** Collects the bot's log lines here (at LOG_LEVEL from env, else info) instead of dropping them. */
  logLines?: string[];
}

/** The real bot, started as main starts it, against a local Bot API and a real Mongo-wire server. */
export class Harness {
  app!: App;
  readonly api = new FakeTelegramApi();
  readonly vk = new FakeVkApi();
  readonly clock: TestClock;
  readonly campaign: Campaign;
  private config!: Config;
  private users = 0;
  private logLines: string[] | undefined;

  private constructor(options: HarnessOptions) {
    this.clock = new TestClock(new Date(options.now ?? '2026-10-20T10:00:00+05:00'));
    const shipped = loadCampaign('campaign.json');
    this.campaign = options.campaign ? options.campaign(shipped) : shipped;
    this.logLines = options.logLines;
  }

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const h = new Harness(options);
    const apiRoot = await h.api.start();
    const vkEnv: Record<string, string> = options.vk
      ? {
          VK_TOKEN: 'vk1.a.test-community-token-for-the-local-api',
          VK_GROUP_ID: String(VK_GROUP_ID),
          VK_API_ROOT: await h.vk.start(),
          VK_ADMIN_IDS: String(VK_ADMIN_ID),
          VK_RATE_PER_SECOND: '1000',
          VK_MODE: options.vk,
          VK_CALLBACK_SECRET: VK_CALLBACK_SECRET,
          VK_CONFIRMATION: 'a1b2c3d4',
        }
      : {};
    h.config = loadConfig({
      TELEGRAM_BOT_TOKEN: '123456:TEST-token-for-the-local-bot-api',
      TELEGRAM_API_ROOT: apiRoot,
      TELEGRAM_ADMIN_IDS: `${ADMIN_ID},${SECOND_ADMIN_ID}`,
      MONGODB_URI: testDatabaseUri(),
      LOG_LEVEL: options.logLines ? 'info' : (process.env.TEST_LOG_LEVEL ?? 'silent'),
      ...TEST_BOT_ENV,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      // Simulated users tap far faster than people; the limit has a test of its own.
      BUTTON_PRESSES_PER_10S: '100000',
      // The outbox sends as fast as the local Bot API takes it; pacing has its own tests.
      TELEGRAM_RATE_PER_SECOND: '1000',
      TELEGRAM_PER_CHAT_INTERVAL_MS: '0',
      ...vkEnv,
      ...options.env,
    });
    await h.boot();
    return h;
  }

  private async boot(): Promise<void> {
    this.app = await startApp(
      this.config,
      this.campaign,
      this.clock,
      createLogger(
        this.config.LOG_LEVEL,
        secretsOf(this.config),
        this.logLines ? { write: (line: string) => void this.logLines!.push(line) } : undefined,
      ),
    );
    if (this.config.TELEGRAM_MODE === 'webhook') {
      // Telegram would post to the public URL; here the local Bot API posts to the bot's port.
      const path = new URL(this.config.TELEGRAM_WEBHOOK_URL!).pathname;
      const secret = this.config.TELEGRAM_WEBHOOK_SECRET!;
      this.api.webhook = { url: `http://127.0.0.1:${this.app.httpPort}${path}`, secret };
    }
    if (this.config.VK_TOKEN && this.config.VK_MODE === 'callback') {
      const url = `http://127.0.0.1:${this.app.httpPort}${this.config.VK_CALLBACK_PATH}`;
      this.vk.callback = { url, secret: VK_CALLBACK_SECRET };
    }
  }

  /** Stops the bot process state entirely and starts it again on the same database. */
  async restart(): Promise<void> {
    await this.app.stop();
    await this.boot();
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.api.stop();
    if (this.vk.root) await this.vk.stop();
  }

  /** Waits until the outbox has sent everything that is due (notifications to other people). */
  async drain(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    await this.app.handlersIdle();
    for (;;) {
      const due = await outboxWaiting(undefined, true);
      if (due === 0 && this.app.outboxIdle) return;
      if (Date.now() > deadline) throw new Error(`outbox still has ${due} messages due`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  user(options: { lang?: string; id?: number; name?: string } = {}): TelegramUser {
    this.users += 1;
    const id = options.id ?? 100_000 + this.users;
    const name = options.name ?? `User${this.users}`;
    return new TelegramUser(this.api, id, options.lang ?? 'en', name, () => this.drain());
  }

  /** A person writing to the community on VK; `tellsLanguage` false: no client_info. */
  vkUser(options: { lang?: Lang; id?: number; tellsLanguage?: boolean } = {}): VkUser {
    this.users += 1;
    const id = options.id ?? 500_000 + this.users;
    return new VkUser(this.vk, id, options.lang ?? 'ru', () => this.drain(), options.tellsLanguage);
  }

  vkAdmin(lang: Lang = 'ru'): VkUser {
    return new VkUser(this.vk, VK_ADMIN_ID, lang, () => this.drain());
  }

  admin(lang = 'en', id = ADMIN_ID): TelegramUser {
    const name = id === ADMIN_ID ? 'Moderator Ann' : 'Moderator Bek';
    return new TelegramUser(this.api, id, lang, name, () => this.drain());
  }
}
