import type { Actor, Album, Event, Input, Media } from '../../handlers/protocol.js';
import { updateSchema, type CheckedMessage } from './update-schema.js';

// Telegram update → platform-neutral Event. Nothing here decides a rule of the contest.

/**
 * Where an update's photo is in its album, when a long-polling batch brought the whole album
 * (set by the poller, read here). A webhook brings each photo alone: then only the album's id.
 */
export const albumPlaces = new WeakMap<object, { index: number; size: number }>();

function actorOf(from: {
  id: number;
  language_code?: string;
  first_name: string;
  last_name?: string;
}): Actor {
  const displayName = [from.first_name, from.last_name].filter(Boolean).join(' ');
  return {
    platform: 'telegram',
    id: String(from.id),
    ...(from.language_code ? { langHint: from.language_code } : {}),
    ...(displayName ? { displayName } : {}),
  };
}

function commandOf(text: string): Input | null {
  const match = /^\/([A-Za-z0-9_]{1,64})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return null;
  return { kind: 'command', name: match[1]!.toLowerCase(), arg: (match[2] ?? '').trim() };
}

function inputOf(message: CheckedMessage, place?: { index: number; size: number }): Input {
  if (message.text !== undefined)
    return commandOf(message.text) ?? { kind: 'text', text: message.text };
  if (message.photo?.length) {
    // Telegram sends several sizes of one photo; the last is the largest.
    const size = message.photo[message.photo.length - 1]!;
    const media: Media = {
      type: 'photo',
      platform: 'telegram',
      fileId: size.file_id,
      uniqueId: size.file_unique_id,
      ...(size.file_size !== undefined ? { sizeBytes: size.file_size } : {}),
    };
    const album: Album | undefined = message.media_group_id
      ? { id: message.media_group_id, ...(place ?? {}) }
      : undefined;
    return { kind: 'photo', media, ...(album ? { album } : {}) };
  }
  // A round video message is a video like any other: the entry can show it.
  const video = message.video ?? message.video_note;
  if (video) {
    const v = video;
    const media: Media = {
      type: 'video',
      platform: 'telegram',
      fileId: v.file_id,
      uniqueId: v.file_unique_id,
      ...(v.file_size !== undefined ? { sizeBytes: v.file_size } : {}),
    };
    return { kind: 'video', media };
  }
  // A GIF arrives with both `animation` and `document`: test animation first.
  if (message.contact) {
    const own =
      message.contact.user_id !== undefined && message.contact.user_id === message.from?.id;
    return { kind: 'contact', phone: message.contact.phone_number, own };
  }
  if (message.animation) return { kind: 'unsupported', what: 'animation' };
  if (message.sticker) return { kind: 'unsupported', what: 'sticker' };
  if (message.voice) return { kind: 'unsupported', what: 'voice' };
  if (message.document) return { kind: 'unsupported', what: 'document' };
  if (message.audio) return { kind: 'unsupported', what: 'audio' };
  return { kind: 'unsupported', what: 'other' };
}

/**
 * The Event an update carries, or null for updates the bot does not act on (groups, edits…) or
 * that do not have the shape Telegram gives them.
 */
export function eventOf(raw: unknown): Event | null {
  const checked = updateSchema.safeParse(raw);
  if (!checked.success) return null;
  const update = checked.data;
  if (update.message) {
    const m = update.message;
    if (m.chat.type !== 'private' || !m.from || m.from.is_bot) return null;
    return { actor: actorOf(m.from), input: inputOf(m, albumPlaces.get(raw as object)) };
  }
  if (update.callback_query) {
    const q = update.callback_query;
    return { actor: actorOf(q.from), input: { kind: 'button', data: q.data ?? '' } };
  }
  return null;
}
