import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../bot/embedded-db.js';
import { InboxModel } from '../../models/inbox.js';
import { FakeTelegramApi } from '../fakes/telegram-api.js';
import { FakeVkApi, VK_GROUP_ID } from '../fakes/vk-api.js';
import { startBotProcess, stopBotProcess } from '../helpers/bot-process.js';
import { botProcessEnv, VK_CALLBACK_SECRET, testDatabaseUri } from '../helpers/harness.js';
import { VkUser } from '../helpers/vk-user.js';

// VK does not send an event again once it heard "ok". The bot says "ok" only after the event is
// kept in the database, so a process killed right after it (a crash, a deploy) loses nothing:
// the event is handled after the restart.

describe('a process killed right after VK heard "ok"', () => {
  const telegram = new FakeTelegramApi();
  const vk = new FakeVkApi();
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const uri = testDatabaseUri();
    env = botProcessEnv(await telegram.start(), uri, {
      VK_TOKEN: 'vk1.a.test-community-token-for-the-local-api',
      VK_GROUP_ID: String(VK_GROUP_ID),
      VK_API_ROOT: await vk.start(),
      VK_MODE: 'callback',
      VK_CALLBACK_SECRET,
      VK_CONFIRMATION: 'a1b2c3d4',
    });
    await mongoose.connect(uri);
  });
  afterAll(async () => {
    await mongoose.disconnect();
    await telegram.stop();
    await vk.stop();
  });

  it('handles the event after the restart', async () => {
    const port = String(await freePort());
    let bot = await startBotProcess(telegram, { ...env, HTTP_PORT: port });
    vk.callback = { url: `http://127.0.0.1:${port}/vk`, secret: VK_CALLBACK_SECRET };
    const person = new VkUser(vk, 510_001, 'ru');
    // The answer never comes back: the process is busy with the event when it is killed.
    vk.stalled.add('messages.send');
    await person.send('/start');
    expect(vk.callbackRefusals).toEqual([]);
    while (!vk.calls.some((c) => c.method === 'messages.send'))
      await new Promise((r) => setTimeout(r, 20));
    await stopBotProcess(bot, 'SIGKILL');
    expect(await InboxModel.countDocuments({ status: 'pending' })).toBe(1);

    vk.stalled.clear();
    const restarted = Date.now();
    bot = await startBotProcess(telegram, { ...env, HTTP_PORT: port });
    while (!person.messages().some((m) => m.text.includes('«Добрые дела»')))
      await new Promise((r) => setTimeout(r, 100));
    console.log(`[vk callback] handled ${Date.now() - restarted} ms after the restart`);
    await stopBotProcess(bot, 'SIGTERM');
    expect(await InboxModel.countDocuments({ status: 'pending' })).toBe(0);
    // Greeted once: the reply that never got its answer was not delivered (VK's random_id).
    expect(person.messages().filter((m) => m.text.includes('«Добрые дела»'))).toHaveLength(1);
  }, 120_000);
});
