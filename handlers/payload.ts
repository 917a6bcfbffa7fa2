import { z } from 'zod';
import { CATEGORY_ID } from './campaign.js';
import { LANGS } from './protocol.js';

// Button payloads are input like any other: a modified client can send any bytes. These are the
// parts buttons carry (each button declares its own, see actions.ts), and whoever acts on a
// press still checks permission and state on the server.

/** Telegram's limit for callback data; VK's is larger, so this one binds. */
export const MAX_PAYLOAD_BYTES = 64;

/** Builds button data; the parts are joined the way the codec (actions.ts) splits them. */
export function payload(...parts: (string | number)[]): string {
  const data = parts.join(':');
  if (Buffer.byteLength(data, 'utf8') > MAX_PAYLOAD_BYTES) {
    throw new Error(`button payload over ${MAX_PAYLOAD_BYTES} bytes: ${data}`);
  }
  return data;
}

const number = (max: number) =>
  z
    .string()
    .regex(new RegExp(`^\\d{1,${max}}$`))
    .transform(Number);

export const part = {
  lang: z.enum(LANGS),
  objectId: z.string().regex(/^[0-9a-f]{24}$/),
  categoryId: z.string().regex(CATEGORY_ID),
  /** A published entry's number. */
  entryNumber: z
    .string()
    .regex(/^[1-9]\d{0,6}$/)
    .transform(Number),
  /** One of the ready reasons in locales/ (1–9). */
  reasonIndex: z
    .string()
    .regex(/^[1-9]$/)
    .transform(Number),
  /** What PressTokens.sign makes: language, first contact (base 36 seconds), a MAC. */
  pressToken: z
    .string()
    .regex(new RegExp(`^(${LANGS.join('|')})[0-9a-z]{1,10}\\.[A-Za-z0-9_-]{12}$`)),
  /** A page of a list of choices too long for one message (see pages.ts). */
  page: number(2),
  /** A page of the moderators' list of pending entries. */
  listPage: number(5),
  /** A count an organiser confirmed. */
  count: number(9),
  /** A juror's score: its range is checked where it is kept, so a wrong one is answered clearly. */
  score: number(3),
};
