import { z } from 'zod';
import { CATEGORY_ID } from './campaign.js';
import { LANGS } from './ports.js';

// Button payloads are input like any other: a modified client can send any bytes. Every payload
// is parsed here, and whoever acts on it still checks permission and state on the server.

/** Telegram's limit for callback data; VK's is larger, so this one binds. */
export const MAX_PAYLOAD_BYTES = 64;

const objectId = z.string().regex(/^[0-9a-f]{24}$/);
const categoryId = z.string().regex(CATEGORY_ID);
const editable = z.enum(['nominee', 'story', 'media', 'city', 'category']);
const reasonIndex = z
  .string()
  .regex(/^[1-9]$/)
  .transform(Number);
/** What PressTokens.sign makes: language, first contact (base 36 seconds), a MAC. */
const pressToken = z
  .string()
  .regex(new RegExp(`^(${LANGS.join('|')})[0-9a-z]{1,10}\\.[A-Za-z0-9_-]{12}$`));
/** A page of a list of choices too long for one message (see pages.ts). */
const pageNumber = z
  .string()
  .regex(/^\d{1,2}$/)
  .transform(Number);
const entryNumber = z
  .string()
  .regex(/^[1-9]\d{0,6}$/)
  .transform(Number);

const shapes = z.union([
  z.tuple([z.literal('lang'), z.enum(LANGS)]),
  z.tuple([
    z.literal('menu'),
    z.enum(['submit', 'nominate', 'vote', 'language', 'mydata', 'help']),
  ]),
  z.tuple([z.literal('d'), z.enum(['done', 'ok', 'send', 'edit', 'cancel', 'summary'])]),
  z.tuple([z.literal('d'), z.literal('cat'), categoryId]),
  z.tuple([z.literal('d'), z.literal('catp'), pageNumber]),
  z.tuple([z.literal('d'), z.literal('ef'), editable]),
  z.tuple([
    z.literal('mod'),
    z.enum(['ok', 'rj', 'rw', 'cc', 'back', 'hide', 'show', 'open']),
    objectId,
  ]),
  z.tuple([
    z.literal('mod'),
    z.literal('pend'),
    z
      .string()
      .regex(/^\d{1,5}$/)
      .transform(Number),
  ]),
  z.tuple([z.literal('mod'), z.literal('rr'), objectId, reasonIndex]),
  z.tuple([z.literal('mod'), z.literal('sc'), objectId, categoryId]),
  z.tuple([z.literal('mod'), z.literal('scp'), objectId, pageNumber]),
  z.tuple([z.literal('del'), z.enum(['yes', 'no'])]),
  z.tuple([z.literal('v'), z.literal('cats')]),
  z.tuple([z.literal('v'), z.literal('cats'), pageNumber]),
  z.tuple([z.literal('nt'), z.enum(['on', 'off'])]),
  z.tuple([z.literal('bc'), z.literal('no'), objectId]),
  z.tuple([z.literal('bc'), z.literal('to'), objectId, z.enum(['all', ...LANGS])]),
  // Send carries the count the organiser confirmed: counting a country's users again while it
  // votes could outlast the platform's deadline for an answer.
  z.tuple([
    z.literal('bc'),
    z.literal('go'),
    objectId,
    z.enum(['all', ...LANGS]),
    z
      .string()
      .regex(/^\d{1,9}$/)
      .transform(Number),
  ]),
  z.tuple([z.literal('v'), z.literal('cat'), categoryId]),
  z.tuple([z.literal('v'), z.enum(['nx', 'pv', 'v', 'sh', 'rp']), entryNumber]),
  z.tuple([z.literal('v'), z.literal('v'), entryNumber, pressToken]),
  z.tuple([z.literal('v'), z.literal('rr'), entryNumber, reasonIndex]),
  // A juror's score: its range is checked where it is kept, so a wrong one is answered clearly.
  z.tuple([
    z.literal('j'),
    z.literal('s'),
    entryNumber,
    z
      .string()
      .regex(/^\d{1,3}$/)
      .transform(Number),
  ]),
]);

export type Payload = z.infer<typeof shapes>;

/**
 * Each shape by its first two parts and its length (no two shapes share all three), so a press
 * is checked against the one shape it can be instead of tried against each in turn.
 */
const byHead = new Map<string, z.ZodType<Payload>>();
for (const shape of shapes.options) {
  const [first, second] = shape.def.items as unknown as [z.ZodLiteral<string>, z.ZodType];
  const seconds =
    second instanceof z.ZodLiteral
      ? [...(second.values as Set<string>)]
      : (second as z.ZodEnum).options.map(String);
  for (const head of first.values) {
    for (const sub of seconds) {
      const key = `${head}:${sub}:${shape.def.items.length}`;
      if (byHead.has(key)) throw new Error(`two payload shapes for ${key}`);
      byHead.set(key, shape as z.ZodType<Payload>);
    }
  }
}

/** Recent answers: one press is read at the edge, by the router and by the vote path. */
const recent = new Map<string, Payload | null>();

function check(data: string): Payload | null {
  if (data.length > MAX_PAYLOAD_BYTES || Buffer.byteLength(data, 'utf8') > MAX_PAYLOAD_BYTES) {
    return null;
  }
  const parts = data.split(':');
  const shape = byHead.get(`${parts[0]}:${parts[1]}:${parts.length}`);
  const parsed = shape?.safeParse(parts);
  return parsed?.success ? parsed.data : null;
}

/** The payload, or null when it is not one this bot could have made. */
export function parsePayload(data: string): Payload | null {
  const known = recent.get(data);
  if (known !== undefined) return known;
  // Shared by every reader of the same press: read it, never change it.
  const payload = check(data);
  if (recent.size >= 1_000) recent.clear();
  recent.set(data, payload);
  return payload;
}

/** Builds a payload; the parts are joined the way parsePayload splits them. */
export function payload(...parts: (string | number)[]): string {
  const data = parts.join(':');
  if (Buffer.byteLength(data, 'utf8') > MAX_PAYLOAD_BYTES) {
    throw new Error(`button payload over ${MAX_PAYLOAD_BYTES} bytes: ${data}`);
  }
  return data;
}

/**
 * Presses whose repetition nobody could notice: a vote (its id is the rule, so a second cast says
 * "already counted") and browsing. The edge may skip remembering such an update's id, which saves
 * two writes on the busiest path of the contest; every other update is remembered and done once.
 */
export function isRepeatSafe(data: string): boolean {
  const parsed = parsePayload(data);
  return parsed?.[0] === 'v' && ['v', 'nx', 'pv', 'cat', 'cats'].includes(parsed[1]);
}
