import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftModel } from '../../models/draft.js';
import { Harness } from '../helpers/harness.js';
import { STORY } from '../helpers/flows.js';
import { startMongoServer, type MongoServer } from '../support/mongo-server.js';

// The database goes away in the middle of a run and comes back: the bot keeps running, tells
// people to try again in a moment meanwhile, and handles what Telegram delivers again once the
// database is back. Nothing entered before is lost.

describe('a database restart in the middle of a run', () => {
  let db: MongoServer;
  let h: Harness;
  beforeAll(async () => {
    db = await startMongoServer();
    h = await Harness.start({
      vk: 'longpoll',
      env: { MONGODB_URI: `${db.uri.replace(/\/$/, '')}/dgt_restart?maxPoolSize=12` },
    });
  });
  afterAll(async () => {
    await h.stop();
    await db.stop();
  });

  it('answers "try again" while it is away and catches up after', async (ctx) => {
    // A server named by MONGODB_URI cannot be stopped from here.
    if (!db.pause || !db.resume) return ctx.skip();
    const alice = h.user({ lang: 'ru' });
    await alice.send('/submit');
    await alice.photo();
    await alice.tapKey('button-media-done');
    // And on VK, where Long Poll asks again for events it could not handle.
    const bota = h.vkUser({ lang: 'kk' });
    await bota.send('/submit');
    await bota.photo();
    await bota.tapKey('button-media-done');

    await db.pause!();
    const health = await fetch(`http://127.0.0.1:${h.app.httpPort}/healthz`);
    expect(health.status).toBe(503);
    // The story is sent while the database is away; the bot answers, and does not confirm it.
    const sending = alice.send(STORY);
    const vkSending = bota.send(STORY);
    const tryAgain = alice.tr('error-try-again');
    const vkTryAgain = bota.tr('error-try-again');
    const told = () =>
      alice.messages().some((m) => m.text === tryAgain) &&
      bota.messages().some((m) => m.text === vkTryAgain);
    for (let i = 0; i < 600 && !told(); i += 1) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(alice.messages().map((m) => m.text)).toContain(tryAgain);
    expect(bota.messages().map((m) => m.text)).toContain(vkTryAgain);

    await db.resume!();
    await sending; // Telegram delivered it again, and now it went through.
    expect(alice.lastText()).toBe(alice.tr('ask-city'));
    await vkSending; // The bot asked VK for the same events again.
    expect(bota.lastText()).toBe(bota.tr('ask-city'));
    const vkDraft = await DraftModel.findById(`vk:${bota.id}`).lean();
    expect(vkDraft).toMatchObject({ step: 'city', story: STORY });
    const draft = await DraftModel.findOne({ userId: String(alice.id) }).lean();
    expect(draft).toMatchObject({ step: 'city', story: STORY });
    expect(draft?.media).toHaveLength(1);
    expect((await fetch(`http://127.0.0.1:${h.app.httpPort}/healthz`)).status).toBe(200);
  }, 90_000);
});
