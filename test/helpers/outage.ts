import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftModel } from '../../models/draft.js';
import { startOwnMongoServer, type ControllableMongoServer } from '../support/mongo-server.js';
import { STORY } from './flows.js';
import { Harness, testDatabaseUri } from './harness.js';
import { TelegramUser } from './telegram-user.js';
import type { VkUser } from './vk-user.js';

// The database goes away in the middle of a run (frozen like a stalled primary, or killed) and
// comes back: updates that arrive meanwhile are not answered as handled, their senders hear once
// that they will be handled, and once the database is back each one's effect happens exactly
// once. Used by the push (webhook, Callback API) and pull (long polling) outage tests.

export type Fault = 'freeze' | 'kill';

/** How long the database stays frozen: a replica-set election takes 10-30 s. */
export const FREEZE_MS = 20_000;

type Person = TelegramUser | VkUser;

interface Cast {
  /** At the story step: sends the story during the outage. */
  story: Person[];
  /** At the media step with no photo yet: sends one photo. */
  photo: Person[];
  /** At the category step: presses a category. */
  category: Person[];
}

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((r) => setTimeout(r, 50));
};

async function toStory(p: Person): Promise<void> {
  await p.send('/submit');
  await p.photo();
  await p.tapKey('button-media-done');
}

async function toCategory(p: Person): Promise<void> {
  await toStory(p);
  await p.send(STORY);
  await p.send('Taraz');
}

/** Brings fresh people of both platforms to the steps where the outage will meet them. */
export async function castFor(h: Harness): Promise<Cast> {
  const people = {
    story: [h.user({ lang: 'ru' }), h.vkUser({ lang: 'kk' })],
    photo: [h.user({ lang: 'en' }), h.vkUser({ lang: 'ru' })],
    category: [h.user({ lang: 'kk' }), h.vkUser({ lang: 'en' })],
  };
  for (const p of people.story) await toStory(p);
  for (const p of people.photo) await p.send('/submit');
  for (const p of people.category) await toCategory(p);
  return people;
}

const keyOf = (p: Person) => `${p instanceof TelegramUser ? 'telegram' : 'vk'}:${p.id}`;
const textsOf = (p: Person) => p.messages().map((m) => m.text);
const count = (p: Person, text: string) => textsOf(p).filter((t) => t === text).length;

export interface OutageFigures {
  fault: Fault;
  /** From the database's return to the first update answered after it. */
  firstAnswerMs: number;
}

/**
 * Takes the database away, has everyone act, brings it back, and checks each action took effect
 * once. Returns how soon the bot answered normally after the database was back.
 */
export async function outage(
  h: Harness,
  db: ControllableMongoServer,
  fault: Fault,
): Promise<OutageFigures> {
  const step = (what: string) => process.env.OUTAGE_DEBUG && console.log(`[outage] ${what}`);
  step('casting');
  const cast = await castFor(h);
  step('cast ready');
  const everyone = [...cast.story, ...cast.photo, ...cast.category];
  const before = new Map(everyone.map((p) => [p, textsOf(p).length]));
  const away = (p: Person) => p.tr('error-database-away');
  /** A message, or on Telegram the alert that answers a button press. */
  const alerted = (p: Person) =>
    p instanceof TelegramUser
      ? h.api.calls.filter(
          (c) =>
            c.method === 'answerCallbackQuery' &&
            String(c.params.callback_query_id).startsWith(`cb-${p.id}-`) &&
            c.params.text === away(p),
        ).length
      : 0;
  const toldAway = (p: Person) =>
    textsOf(p).slice(before.get(p)).includes(away(p)) || alerted(p) > 0;

  const animals = h.campaign.categories.find((c) => c.id === 'animals')!.name;
  const startedAt = Date.now();
  await (fault === 'freeze' ? db.freeze() : db.kill());
  const health = await fetch(`http://127.0.0.1:${h.app.httpPort}/healthz`);
  expect(health.status).toBe(503);
  // Says the database is away, and nothing about where it lives.
  expect(await health.text()).not.toMatch(/127\.0\.0\.1|:\d{4,5}|Mongo/);

  const acting = [
    ...cast.story.map((p) => p.send(STORY)),
    ...cast.photo.map((p) => p.photo()),
    ...cast.category.map((p) => p.tap(animals[p.lang])),
  ];
  // Everyone hears, while the database is away, that what they sent will be handled.
  step('acting');
  let looked = 0;
  await until(() => {
    if (process.env.OUTAGE_DEBUG && ++looked % 100 === 0)
      step(
        `not told yet: ${everyone
          .filter((p) => !toldAway(p))
          .map((p) => `${keyOf(p)} ${JSON.stringify(textsOf(p).slice(before.get(p)))}`)
          .join('; ')}`,
      );
    return everyone.every(toldAway);
  });
  step('everyone told');
  if (fault === 'freeze') {
    const left = FREEZE_MS - (Date.now() - startedAt);
    if (left > 0) await new Promise((r) => setTimeout(r, left));
    await db.thaw();
  } else {
    await db.restart();
  }
  const backAt = Date.now();
  step('database back');
  const newcomer = h.user({ lang: 'en' });
  await newcomer.send('/start');
  const firstAnswerMs = Date.now() - backAt;
  step(`first answer after ${firstAnswerMs} ms`);
  await Promise.all(acting);
  step('acting done');
  await h.drain();

  for (const p of cast.story) {
    expect(await DraftModel.findById(keyOf(p)).lean()).toMatchObject({
      step: 'city',
      story: STORY,
    });
    expect(count(p, p.tr('ask-city'))).toBe(1);
  }
  for (const p of cast.photo) {
    const draft = await DraftModel.findById(keyOf(p)).lean();
    expect(draft?.media).toHaveLength(1);
    expect(count(p, p.tr('media-photo-added', { count: 1, max: 5 }))).toBe(1);
  }
  for (const p of cast.category) {
    const draft = await DraftModel.findById(keyOf(p)).lean();
    expect(draft).toMatchObject({ step: 'consent', category: 'animals' });
    expect(count(p, p.tr('ask-consent-own'))).toBe(1);
  }
  // Told once per thing they sent, not on every redelivery.
  for (const p of everyone) expect(count(p, away(p)) + alerted(p)).toBe(1);
  expect(newcomer.messages().length).toBeGreaterThan(0);
  expect(textsOf(newcomer)).not.toContain(newcomer.tr('error-database-away'));
  return { fault, firstAnswerMs };
}

/** The whole outage suite for one way of receiving updates (see the two test files). */
export function describeOutage(
  title: string,
  vk: 'callback' | 'longpoll',
  env: Record<string, string>,
): void {
  describe(title, () => {
    let db: ControllableMongoServer;
    let h: Harness;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);

    beforeAll(async () => {
      db = await startOwnMongoServer();
      process.on('unhandledRejection', onRejection);
      h = await Harness.start({
        vk,
        env: {
          ...env,
          MONGODB_URI: testDatabaseUri(db.uri),
          // Production values: a database wait is cut at 4 s, below Telegram's deadline.
          DATABASE_TIMEOUT_MS: '4000',
          WEBHOOK_DEADLINE_MS: '8000',
        },
      });
    });
    afterAll(async () => {
      process.off('unhandledRejection', onRejection);
      await h?.stop();
      await db?.stop();
    });

    it.each(['freeze', 'kill'] as const)(
      'handles every update sent while the database is away exactly once (%s)',
      async (fault) => {
        const figures = await outage(h, db, fault);
        console.log(
          `[outage] ${title}, ${fault}: first answer ${figures.firstAnswerMs} ms after the database was back`,
        );
        expect(rejections).toEqual([]);
      },
      180_000,
    );
  });
}
