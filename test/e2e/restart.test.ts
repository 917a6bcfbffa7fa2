import { spawn, type ChildProcess } from 'node:child_process';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntryModel } from '../../models/entry.js';
import { FakeTelegramApi } from '../fakes/telegram-api.js';
import { testDatabaseUri } from '../helpers/harness.js';
import { STORY } from '../helpers/flows.js';
import { TelegramUser } from '../helpers/telegram-user.js';

// The bot as an operator runs it (`npm start` → bot/main.ts), killed with SIGKILL in the middle
// of a conversation and started again: the user continues where they were.

describe('a restart in the middle of a conversation', () => {
  const api = new FakeTelegramApi();
  let env: NodeJS.ProcessEnv;
  let uri: string;

  beforeAll(async () => {
    uri = testDatabaseUri();
    env = {
      ...process.env,
      TELEGRAM_BOT_TOKEN: '123456:TEST-token-for-the-local-bot-api',
      TELEGRAM_API_ROOT: await api.start(),
      TELEGRAM_ADMIN_IDS: '900001',
      MONGODB_URI: uri,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      CAMPAIGN_FILE: 'test/fixtures/campaign-open-now.json',
      LOG_LEVEL: 'warn',
    };
    await mongoose.connect(uri);
  });
  afterAll(async () => {
    await mongoose.disconnect();
    await api.stop();
  });

  async function startBot(): Promise<ChildProcess> {
    const since = api.calls.length;
    const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const deadline = Date.now() + 20_000;
    // Ready once the command menu is registered in the last language.
    while (
      !api.calls
        .slice(since)
        .some((c) => c.method === 'setMyCommands' && c.params.language_code === 'en')
    ) {
      if (child.exitCode !== null) throw new Error(`bot exited with ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error('bot did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    return child;
  }

  it('keeps the draft through SIGKILL and sends the entry after the restart', async () => {
    const alice = new TelegramUser(api, 4242, 'ru', 'Alice');
    let bot = await startBot();
    await alice.send('/submit');
    await alice.photo();
    await alice.tapKey('button-media-done');
    await alice.send(STORY);

    bot.kill('SIGKILL');
    await new Promise((r) => bot.once('exit', r));
    bot = await startBot();

    const resumed = await alice.send('/start');
    expect(resumed.texts).toContain(alice.tr('draft-resume'));
    expect(alice.lastText()).toBe(alice.tr('ask-city'));
    await alice.send('Семей');
    await alice.tap('Животные');
    await alice.tapKey('button-consent-own');
    await alice.tapKey('button-send');
    bot.kill('SIGTERM');
    await new Promise((r) => bot.once('exit', r));

    const entry = await EntryModel.findOne({ 'author.id': '4242' }).lean();
    expect(entry).toMatchObject({
      story: STORY,
      city: 'Семей',
      category: 'animals',
      status: 'pending',
    });
    expect(entry?.media).toHaveLength(1);
  });

  it('registered the command menu in each language at start-up', () => {
    const menus = api.calls.filter((c) => c.method === 'setMyCommands');
    const kk = menus.find((c) => c.params.language_code === 'kk');
    expect(kk?.params.commands).toContainEqual({
      command: 'submit',
      description: 'Өз игі ісім туралы айту',
    });
    const fallback = menus.find((c) => c.params.language_code === undefined);
    expect(fallback?.params.commands).toContainEqual({
      command: 'submit',
      description: 'Рассказать о своём добром деле',
    });
  });
});
