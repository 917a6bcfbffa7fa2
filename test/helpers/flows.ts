import type { TelegramUser } from './telegram-user.js';

/** What the flows need of a person, on Telegram or VK. */
export interface ChatUser {
  send(text: string): Promise<unknown>;
  photo(): Promise<unknown>;
  tapKey(key: string): Promise<unknown>;
  press(data: string, messageId?: number): Promise<unknown>;
  messages(): { messageId: number }[];
}

export const STORY = 'I repaired the roof of a pensioner next door before the first snow fell.';

/** Tells about an own deed the way a person would, up to the Send button. */
export async function writeOwnEntry(user: ChatUser, category = 'animals'): Promise<void> {
  await user.send('/submit');
  await user.photo();
  await user.tapKey('button-media-done');
  await user.send(STORY);
  await user.send('Karaganda');
  await user.press(`d:cat:${category}`, user.messages().at(-1)?.messageId);
  await user.tapKey('button-consent-own');
}

export async function submitOwnEntry(user: ChatUser, category = 'animals'): Promise<void> {
  await writeOwnEntry(user, category);
  await user.tapKey('button-send');
}

/** Dates of the shipped campaign, as instants in Almaty time. */
export const DURING_SUBMISSIONS = '2026-10-20T10:00:00+05:00';
export const DURING_VOTING = '2026-11-15T12:00:00+05:00';
export const AFTER_VOTING = '2026-11-20T09:00:00+05:00';

/**
 * Entries that went the whole way a person takes them: written by their authors during
 * submissions, approved by a moderator, then published on the publication day.
 */
export async function publishedEntries(
  h: {
    user(o: { lang?: string }): TelegramUser;
    admin(lang?: string): TelegramUser;
    clock: { set(at: string): void };
    app: { tick(): Promise<void> };
    drain(): Promise<void>;
  },
  categories: string[],
): Promise<TelegramUser[]> {
  h.clock.set(DURING_SUBMISSIONS);
  const moderator = h.admin('en');
  await moderator.send('/start');
  const authors: TelegramUser[] = [];
  for (const category of categories) {
    const author = h.user({ lang: 'en' });
    await submitOwnEntry(author, category);
    await moderator.tapKey('mod-approve');
    authors.push(author);
  }
  h.clock.set(DURING_VOTING);
  await h.app.tick();
  // The authors' "published" messages go through the outbox: let them arrive.
  await h.drain();
  return authors;
}
