import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntryModel } from '../../models/entry.js';
import { FakeTelegramApi } from '../fakes/telegram-api.js';
import { TEST_BOT_ENV, testDatabaseUri } from '../helpers/harness.js';
import { STORY } from '../helpers/flows.js';
import { TelegramUser } from '../helpers/telegram-user.js';
import { startBotProcess, stopBotProcess } from '../helpers/bot-process.js';

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
      ...TEST_BOT_ENV,
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

  const startBot = () => startBotProcess(api, env);

  it('keeps the draft through SIGKILL and sends the entry after the restart', async () => {
    const alice = new TelegramUser(api, 4242, 'ru', 'Alice');
    let bot = await startBot();
    await alice.send('/submit');
    await alice.photo();
    await alice.tapKey('button-media-done');
    await alice.send(STORY);

    await stopBotProcess(bot, 'SIGKILL');
    bot = await startBot();

    const resumed = await alice.send('/start');
    expect(resumed.texts).toContain(alice.tr('draft-resume'));
    expect(alice.lastText()).toBe(alice.tr('ask-city'));
    await alice.send('Семей');
    await alice.tap('Животные');
    await alice.tapKey('button-consent-own');
    await alice.tapKey('button-send');
    await stopBotProcess(bot, 'SIGTERM');

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
      description: 'Игі ісіммен бөлісу',
    });
    const fallback = menus.find((c) => c.params.language_code === undefined);
    expect(fallback?.params.commands).toContainEqual({
      command: 'submit',
      description: 'Рассказать о своём добром деле',
    });
  });
});
