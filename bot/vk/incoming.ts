import { z } from 'zod';
import type { Actor, Event, Input, Media } from '../../handlers/protocol.js';

// VK group event → platform-neutral Events. Everything VK sends is checked here first: a field
// of the wrong type makes the event "not ours", never a crash further in.

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const text = z.string().max(100_000);

const photoSchema = z.object({
  id: z.number().int(),
  owner_id: z.number().int(),
  access_key: z.string().max(200).optional(),
  sizes: z
    .array(z.object({ url: z.url().max(2000), width: z.number(), height: z.number() }))
    .min(1)
    .max(30),
});

const attachmentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('photo'), photo: photoSchema }),
  z.object({
    type: z.literal('video'),
    video: z.object({
      id: z.number().int(),
      owner_id: z.number().int(),
      access_key: z.string().max(200).optional(),
    }),
  }),
  z.object({
    type: z.literal('doc'),
    doc: z.object({
      id: z.number().int(),
      owner_id: z.number().int(),
      ext: z.string().max(20),
      size: z.number().int().nonnegative(),
      url: z.url().max(2000),
      access_key: z.string().max(200).optional(),
    }),
  }),
  z.object({ type: z.literal('sticker') }),
  z.object({ type: z.literal('audio_message') }),
  z.object({ type: z.literal('audio') }),
]);

/** A message payload is JSON in a string: {"b": "<our button data>"} or VK's {"command": "start"}. */
const payloadSchema = z.union([
  z.object({ b: z.string().max(255) }),
  z.object({ command: z.string().max(64) }),
]);

const messageNewSchema = z.object({
  type: z.literal('message_new'),
  event_id: z.string().min(1).max(100),
  object: z.object({
    message: z.object({
      id: z.number().int().nonnegative(),
      from_id: id,
      peer_id: id,
      text: text.default(''),
      payload: z.string().max(1000).optional(),
      ref: z.string().max(64).optional(),
      attachments: z.array(z.unknown()).max(20).default([]),
    }),
    client_info: z.object({ lang_id: z.number().int().optional() }).optional(),
  }),
});

const messageEventSchema = z.object({
  type: z.literal('message_event'),
  event_id: z.string().min(1).max(100),
  object: z.object({
    user_id: id,
    peer_id: id,
    event_id: z.string().min(1).max(100),
    payload: z.unknown(),
    conversation_message_id: z.number().int().nonnegative().optional(),
  }),
});

/** VK's interface languages (client_info.lang_id) that the contest speaks. */
const VK_LANGS: Record<number, string> = { 0: 'ru', 3: 'en', 97: 'kk' };

/** Where a callback button press came from, so the answer can stop its spinner and edit it. */
export interface VkSource {
  eventId: string;
  userId: number;
  peerId: number;
  conversationMessageId?: number;
}

export interface VkIncoming {
  /** VK's id of this delivery: a redelivery has the same one. */
  eventId: string;
  events: Event[];
  source?: VkSource;
}

/** Group chats have peer ids from 2,000,000,000: the contest talks in private dialogs only. */
const CHAT_PEERS = 2_000_000_000;

function commandOf(value: string): Input | null {
  const match = /^\/([A-Za-z0-9_]{1,64})(?:\s+([\s\S]*))?$/.exec(value.trim());
  if (!match) return null;
  return { kind: 'command', name: match[1]!.toLowerCase(), arg: (match[2] ?? '').trim() };
}

function buttonOf(raw: unknown): Input | null {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }
  const parsed = payloadSchema.safeParse(value);
  if (!parsed.success) return null;
  if ('b' in parsed.data) return { kind: 'button', data: parsed.data.b };
  // VK's own "Start" button under a new dialog.
  return parsed.data.command === 'start' ? { kind: 'command', name: 'start', arg: '' } : null;
}

function mediaOf(raw: unknown): Input {
  const checked = attachmentSchema.safeParse(raw);
  if (!checked.success) return { kind: 'unsupported', what: 'other' };
  const a = checked.data;
  switch (a.type) {
    case 'photo': {
      const p = a.photo;
      const largest = [...p.sizes].sort((x, y) => y.width * y.height - x.width * x.height)[0]!;
      const media: Media = {
        type: 'photo',
        platform: 'vk',
        fileId: `photo${p.owner_id}_${p.id}${p.access_key ? `_${p.access_key}` : ''}`,
        uniqueId: `photo${p.owner_id}_${p.id}`,
        url: largest.url,
      };
      return { kind: 'photo', media };
    }
    case 'video': {
      const v = a.video;
      const media: Media = {
        type: 'video',
        platform: 'vk',
        fileId: `video${v.owner_id}_${v.id}${v.access_key ? `_${v.access_key}` : ''}`,
        uniqueId: `video${v.owner_id}_${v.id}`,
      };
      return { kind: 'video', media };
    }
    case 'doc': {
      const d = a.doc;
      // A video sent as a file can be downloaded, unlike a VK video: it counts as a video.
      if (!['mp4', 'mov', 'webm'].includes(d.ext.toLowerCase()))
        return { kind: 'unsupported', what: 'document' };
      const media: Media = {
        type: 'video',
        platform: 'vk',
        fileId: `doc${d.owner_id}_${d.id}${d.access_key ? `_${d.access_key}` : ''}`,
        uniqueId: `doc${d.owner_id}_${d.id}`,
        sizeBytes: d.size,
        url: d.url,
      };
      return { kind: 'video', media };
    }
    case 'sticker':
      return { kind: 'unsupported', what: 'sticker' };
    case 'audio_message':
      return { kind: 'unsupported', what: 'voice' };
    case 'audio':
      return { kind: 'unsupported', what: 'audio' };
  }
}

function actorOf(userId: number, langId: number | undefined): Actor {
  const langHint = langId === undefined ? undefined : VK_LANGS[langId];
  return { platform: 'vk', id: String(userId), ...(langHint ? { langHint } : {}) };
}

/**
 * What a VK event means, or null for events the bot does not act on (group chats, other event
 * types) or that do not have the shape VK gives them. One message may carry several photos: each
 * becomes an event of its own, as an album.
 */
export function incomingOf(raw: unknown): VkIncoming | null {
  const message = messageNewSchema.safeParse(raw);
  if (message.success) {
    const { message: m, client_info } = message.data.object;
    if (m.peer_id >= CHAT_PEERS || m.peer_id !== m.from_id) return null;
    const actor = actorOf(m.from_id, client_info?.lang_id);
    const eventId = message.data.event_id;
    // Someone who opened vk.me/club…?ref=e17: the same as /start e17 on Telegram. VK attaches
    // the ref to the first message after the link, usually the Start button's "Начать".
    if (m.ref && !m.attachments.length)
      return {
        eventId,
        events: [{ actor, input: { kind: 'command', name: 'start', arg: m.ref } }],
      };
    const button = m.payload ? buttonOf(m.payload) : null;
    if (button) return { eventId, events: [{ actor, input: button }] };
    if (m.attachments.length) {
      const inputs = m.attachments.map(mediaOf);
      // Several photos in one message are an album, whole in this one event.
      const size = inputs.filter((i) => i.kind === 'photo').length;
      let index = 0;
      const events = inputs.map((input): Event => ({
        actor,
        input:
          input.kind === 'photo' && size > 1
            ? { ...input, album: { id: `vk:${m.id}`, index: index++, size } }
            : input,
      }));
      return { eventId, events };
    }
    const input = commandOf(m.text) ?? { kind: 'text' as const, text: m.text };
    return { eventId, events: [{ actor, input }] };
  }
  const press = messageEventSchema.safeParse(raw);
  if (press.success) {
    const o = press.data.object;
    if (o.peer_id >= CHAT_PEERS) return null;
    const input = buttonOf(o.payload) ?? { kind: 'button' as const, data: '' };
    return {
      eventId: press.data.event_id,
      events: [{ actor: actorOf(o.user_id, undefined), input }],
      source: {
        eventId: o.event_id,
        userId: o.user_id,
        peerId: o.peer_id,
        ...(o.conversation_message_id !== undefined
          ? { conversationMessageId: o.conversation_message_id }
          : {}),
      },
    };
  }
  return null;
}
