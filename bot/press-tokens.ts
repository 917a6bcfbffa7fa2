import { createHmac, timingSafeEqual } from 'node:crypto';
import { LANGS, type Lang, type UserRef } from '../handlers/protocol.js';
import type { PressTokens } from '../handlers/ports.js';

const TOKEN = new RegExp(`^(${LANGS.join('|')})([0-9a-z]{1,10})\\.([A-Za-z0-9_-]{12})$`);

/** Signed Vote buttons (see PressTokens), keyed from the voter-hash secret. */
export function pressTokens(secret: string): PressTokens {
  const key = createHmac('sha256', secret).update('press-token').digest();
  // A vote reads the token of the card pressed and signs the card it refreshes for the same
  // person: the MAC just checked is kept a while, so it is computed once.
  const recent = new Map<string, string>();
  const mac = (ref: UserRef, lang: string, since: string) => {
    const input = `${ref.platform}:${ref.id}:${lang}:${since}`;
    let made = recent.get(input);
    if (made === undefined) {
      made = createHmac('sha256', key).update(input).digest('base64url').slice(0, 12);
      if (recent.size >= 10_000) recent.clear();
      recent.set(input, made);
    }
    return made;
  };
  return {
    sign(user) {
      const since = Math.floor(user.createdAt.getTime() / 1000).toString(36);
      return `${user.lang}${since}.${mac(user, user.lang, since)}`;
    },
    read(actor, token) {
      const m = TOKEN.exec(token);
      if (!m) return null;
      const [, lang, since, given] = m as unknown as [string, Lang, string, string];
      if (!timingSafeEqual(Buffer.from(given), Buffer.from(mac(actor, lang, since)))) return null;
      return { lang, createdAt: new Date(parseInt(since, 36) * 1000) };
    },
  };
}
