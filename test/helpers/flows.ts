import type { TelegramUser } from './telegram-user.js';

export const STORY = 'I repaired the roof of a pensioner next door before the first snow fell.';

/** Tells about an own deed the way a person would, up to the Send button. */
export async function writeOwnEntry(user: TelegramUser, category = 'animals'): Promise<void> {
  await user.send('/submit');
  await user.photo();
  await user.tapKey('button-media-done');
  await user.send(STORY);
  await user.send('Karaganda');
  await user.press(`d:cat:${category}`, user.messages().at(-1)?.messageId);
  await user.tapKey('button-consent-own');
}

export async function submitOwnEntry(user: TelegramUser, category = 'animals'): Promise<void> {
  await writeOwnEntry(user, category);
  await user.tapKey('button-send');
}
