import { MongoClient } from 'mongodb';
import type { Arg, Lang } from '../../handlers/protocol.js';
import { translate } from '../../locales/index.js';
import { Harness, WEBHOOK_ENV, testDatabaseUri } from '../helpers/harness.js';
import { DURING_SUBMISSIONS, publishedEntries } from '../helpers/flows.js';
import { TerminalSession } from '../helpers/terminal.js';
import type { TelegramUser } from '../helpers/telegram-user.js';
import type { VkUser } from '../helpers/vk-user.js';

// The contract every platform keeps: the same conversations, driven through a small interface
// that each platform's kit supplies (its local API server, and a person who can type, send a
// photo and press a button). Telegram runs on its webhook and VK on Long Poll, as operators run
// them; the terminal chat is `npm start` with no platform, driven at its keyboard.

/** A person on one platform, as the contract scenarios drive them. */
export interface Person {
  readonly lang: Lang;
  send(text: string): Promise<void>;
  photo(): Promise<void>;
  /** Presses the newest button with this label. */
  tap(label: string): Promise<void>;
  /** Presses the newest button whose label is this message in the person's language. */
  tapKey(key: string, args?: Record<string, Arg>): Promise<void>;
  /** Presses a button as one update that the platform delivers twice; null: no such thing here. */
  tapKeyTwice: ((key: string, args?: Record<string, Arg>) => Promise<void>) | null;
  /** Everything the bot has shown them: messages, cards, buttons' labels and notices. */
  heard(): string;
  tr(key: string, args?: Record<string, Arg>): string;
}

export type Phase = 'submissions' | 'voting';

export interface World {
  /** A person writing in `lang` (on the terminal: the one at the keyboard). */
  person(lang: Lang): Person;
  /** A moderator who has started the bot (on the terminal: the same person). */
  moderator(): Promise<Person>;
  stop(): Promise<void>;
}

export interface Kit {
  name: 'telegram' | 'vk' | 'terminal';
  /** A world in `phase`; in voting, with two published entries in "animals". */
  start(phase: Phase, lang: Lang): Promise<World>;
}

let nextUpdate = 800_000_000;

function telegramPerson(user: TelegramUser, h: Harness): Person {
  const notices = () =>
    h.api.calls
      .filter(
        (c) =>
          c.method === 'answerCallbackQuery' &&
          String(c.params.callback_query_id).startsWith(`cb-${user.id}-`) &&
          c.params.text,
      )
      .map((c) => String(c.params.text));
  return {
    lang: user.lang as Lang,
    send: async (text) => void (await user.send(text)),
    photo: async () => void (await user.photo()),
    tap: async (label) => void (await user.tap(label)),
    tapKey: async (key, args) => void (await user.tapKey(key, args)),
    tapKeyTwice: async (key, args) => {
      const label = user.tr(key, args);
      const shown = user
        .messages()
        .reverse()
        .find((m) => m.keyboard?.inline_keyboard.flat().some((b) => b.text === label))!;
      const data = shown.keyboard!.inline_keyboard.flat().find((b) => b.text === label)!;
      const update = user.pressUpdate(
        (data as { callback_data: string }).callback_data,
        shown.messageId,
        (nextUpdate += 1),
      );
      await h.api.deliver(update);
      await h.api.deliver(update);
      await h.drain();
    },
    heard: () =>
      [
        ...user
          .messages()
          .flatMap((m) => [
            m.text ?? '',
            ...(m.keyboard?.inline_keyboard.flat() ?? []).map((b) => b.text),
          ]),
        ...notices(),
      ].join('\n'),
    tr: (key, args) => user.tr(key, args),
  };
}

function vkPerson(user: VkUser, h: Harness): Person {
  const notices = () =>
    h.vk.calls
      .filter(
        (c) =>
          c.method === 'messages.sendMessageEventAnswer' &&
          Number(c.params.user_id) === user.id &&
          c.params.event_data,
      )
      .map((c) => (JSON.parse(String(c.params.event_data)) as { text?: string }).text ?? '');
  return {
    lang: user.lang,
    send: async (text) => void (await user.send(text)),
    photo: async () => void (await user.photo()),
    tap: async (label) => void (await user.tap(label)),
    tapKey: async (key, args) => void (await user.tapKey(key, args)),
    tapKeyTwice: async (key, args) => void (await user.tapTwice(user.tr(key, args))),
    heard: () =>
      [
        ...user
          .messages()
          .flatMap((m) => [
            m.text,
            ...(m.message.keyboard?.buttons.flat() ?? []).map((b) => b.action.label),
          ]),
        ...notices(),
      ].join('\n'),
    tr: (key, args) => user.tr(key, args),
  };
}

function terminalPerson(chat: TerminalSession, lang: Lang): Person {
  const tr = (key: string, args?: Record<string, Arg>) =>
    translate(lang, args ? { key, args } : { key });
  return {
    lang,
    send: async (text) => void (await chat.type(text)),
    photo: async () => void (await chat.type('photo test/fixtures/deed.png')),
    tap: async (label) => void (await chat.press(label)),
    tapKey: async (key, args) => void (await chat.press(tr(key, args))),
    // One person at one keyboard: nothing delivers a line twice.
    tapKeyTwice: null,
    heard: () => chat.output,
    tr,
  };
}

/** A world on a Harness: Telegram (its webhook) or VK (Long Poll). */
async function harnessWorld(
  name: 'telegram' | 'vk',
  phase: Phase,
): Promise<World & { h: Harness }> {
  const h = await Harness.start({
    now: DURING_SUBMISSIONS,
    ...(name === 'telegram' ? { env: WEBHOOK_ENV } : { vk: 'longpoll' as const }),
  });
  // Entries by Telegram authors: VK voters see them too (one gallery).
  if (phase === 'voting') await publishedEntries(h, ['animals', 'animals']);
  return {
    h,
    person: (lang) =>
      name === 'telegram' ? telegramPerson(h.user({ lang }), h) : vkPerson(h.vkUser({ lang }), h),
    async moderator() {
      const person =
        name === 'telegram' ? telegramPerson(h.admin('en'), h) : vkPerson(h.vkAdmin('en'), h);
      await person.send('/start');
      return person;
    },
    stop: () => h.stop(),
  };
}

/** Two published entries in "animals" by someone else, written before the terminal starts. */
async function seedPublished(uri: string): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    const at = new Date();
    await client
      .db()
      .collection('entries')
      .insertMany(
        [1, 2].map((number) => ({
          draftKey: `contract-${number}`,
          number,
          kind: 'own',
          author: { platform: 'terminal', id: `author-${number}` },
          status: 'published',
          category: 'animals',
          story: 'I repaired the roof of a pensioner next door before the first snow fell.',
          city: 'Karaganda',
          media: [
            {
              type: 'photo',
              platform: 'terminal',
              fileId: 'test/fixtures/deed.png',
              uniqueId: `contract-${number}`,
            },
          ],
          voteCount: 0,
          countVersion: 0,
          createdAt: at,
          publishedAt: at,
          history: [],
        })),
      );
    await client
      .db()
      .collection('counters')
      .insertOne({ _id: 'entries' as never, seq: 2 });
  } finally {
    await client.close();
  }
}

const LOCALE: Record<Lang, string> = { kk: 'kk_KZ.UTF-8', ru: 'ru_RU.UTF-8', en: 'en_US.UTF-8' };

export const KITS: Kit[] = [
  { name: 'telegram', start: (phase) => harnessWorld('telegram', phase) },
  { name: 'vk', start: (phase) => harnessWorld('vk', phase) },
  {
    name: 'terminal',
    async start(phase, lang) {
      const uri = testDatabaseUri();
      if (phase === 'voting') await seedPublished(uri);
      const chat = new TerminalSession({
        MONGODB_URI: uri,
        LANG: LOCALE[lang],
        CAMPAIGN_FILE: `test/fixtures/campaign-${phase === 'voting' ? 'voting' : 'open'}-now.json`,
      });
      await chat.started();
      const person = terminalPerson(chat, lang);
      return {
        person: () => person,
        moderator: async () => person,
        async stop() {
          await chat.close();
        },
      };
    },
  },
];
