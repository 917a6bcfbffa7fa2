import type { Input } from './protocol.js';
import { mainMenu } from './start.js';
import { t, type Turn } from './turn.js';

// Optional stricter voting on Telegram (rules.requirePhone): before their first vote a person
// shares their own phone number with Telegram's contact button. A contact that is not the
// sender's own, or a number from outside the campaign's countries, is refused; only a keyed hash
// of the number is kept, and votes are counted under it: one number votes once per category,
// however many accounts share it. VK keeps its community-membership rule.

/** True when this voter must share their phone number before voting. */
export function needsPhone(turn: Turn): boolean {
  return turn.deps.campaign.rules.requirePhone && sharesContacts(turn) && !turn.user.phoneKey;
}

/** The person's platform has a button that shares their own number (its edge says so). */
function sharesContacts(turn: Turn): boolean {
  return turn.deps.sharesContacts?.includes(turn.event.actor.platform) ?? false;
}

export function askPhone(turn: Turn): void {
  turn.notice(t('phone-needed'), true);
  turn.askContact(t('phone-ask'), t('phone-button'));
}

/** The number as digits only: "+7 (701) 123-45-67" → "77011234567". */
function digitsOf(phone: string): string {
  return phone.replace(/\D/g, '');
}

export async function onContact(
  turn: Turn,
  contact: Extract<Input, { kind: 'contact' }>,
): Promise<void> {
  const { rules } = turn.deps.campaign;
  if (!rules.requirePhone || !sharesContacts(turn))
    return turn.say(t('phone-not-needed'), mainMenu(turn));
  if (!contact.own) return turn.say(t('phone-not-own'));
  const digits = digitsOf(contact.phone);
  if (
    digits.length < 10 ||
    digits.length > 15 ||
    !rules.phonePrefixes.some((p) => digits.startsWith(p))
  )
    return turn.say(t('phone-country'));
  const phoneKey = turn.deps.stores.votes.phoneKey(digits);
  await turn.deps.stores.users.setPhoneKey(turn.event.actor, phoneKey);
  turn.user = { ...turn.user, phoneKey };
  turn.dropKeyboard(t('phone-thanks'));
}
