import { createHash } from 'node:crypto';
import { APIError, Keyboard, type API, type Upload } from 'vk-io';
import type { Lang, Media, PlatformLimits, Reply } from '../../handlers/protocol.js';
import { checkKeyboard, fit, laidOut, pressNotice } from '../limits.js';
import { csvBytes } from '../replies.js';
import type { Keyboard as CoreKeyboard } from '../../handlers/protocol.js';
import { translate } from '../../locales/index.js';
import type { Logger } from '../logger.js';
import type { MediaLibrary } from '../media-library.js';
import type { SendOutcome } from '../outbox-sender.js';
import type { VkSource } from './incoming.js';

// Replies → VK API calls. VK differs from Telegram in its limits (inline keyboards of at most
// 6 rows and 10 buttons, labels of 40 characters, snackbars of 90), in how a press is answered
// (messages.sendMessageEventAnswer) and in media: a file from Telegram is uploaded to VK the
// first time it is shown, and the attachment string is kept for every later card.

/** What VK's messages hold: the edge declares these to the core (see PlatformLimits). */
export const VK_LIMITS: PlatformLimits = {
  buttonsPerMessage: 10,
  buttonsPerRow: 5,
  rowsPerMessage: 6,
  labelChars: 40,
  // The payload is JSON, {"b":"…"}: 255 bytes in all.
  dataBytes: 255 - '{"b":""}'.length,
  messageChars: 4096,
  // A picture's text is the message's.
  captionChars: 4096,
  // The snackbar; a longer notice goes as a message of its own.
  noticeChars: 90,
  // No alert box: an alert is a message of its own.
  alerts: false,
};

export interface VkOut {
  api: API;
  upload: Upload;
  library: MediaLibrary;
  log: Logger;
}

/** VK's random_id, from a key: the same key always gives the same id, so VK drops a resend. */
export function randomIdOf(key: string): number {
  return createHash('sha256').update(key).digest().readUInt32BE(0) & 0x7fffffff || 1;
}

/**
 * An inline keyboard within VK's limits: rows are packed more to a row when there are too many.
 * More buttons than VK takes is a fault of whoever built the keyboard: refused, never cut.
 */
export function keyboardOf(lang: Lang, keyboard: CoreKeyboard | undefined): string | undefined {
  if (!keyboard?.length) return undefined;
  checkKeyboard('vk', VK_LIMITS, keyboard);
  const rows = laidOut(VK_LIMITS, keyboard);
  const builder = Keyboard.builder().inline();
  rows.forEach((row, i) => {
    for (const b of row) {
      const label = fit(translate(lang, b.label), VK_LIMITS.labelChars);
      if ('data' in b) builder.callbackButton({ label, payload: { b: b.data } });
      else builder.urlButton({ label, url: b.url });
    }
    if (i < rows.length - 1) builder.row();
  });
  return String(builder);
}

/** 900: the user blocked the community; 901/902: they have not allowed messages, or forbid them. */
export function cannotWriteTo(code: number): boolean {
  return code === 900 || code === 901 || code === 902;
}

/** What VK shows a failure to send as, for the outbox: wait, give up on the user, or retry. */
export function classifyVkError(error: unknown): SendOutcome {
  if (error instanceof APIError) {
    const code = Number(error.code);
    // 6: too many requests a second; 9: flood control (too many identical messages).
    if (code === 6) return { kind: 'rate-limited', retryAfterMs: 1_000 };
    if (code === 9) return { kind: 'rate-limited', retryAfterMs: 30_000 };
    if (cannotWriteTo(code)) return { kind: 'unreachable', reason: error.message };
    if (code === 10 || code === 1) return { kind: 'transient', reason: error.message };
    return { kind: 'rejected', reason: `${code} ${error.message}` };
  }
  return { kind: 'transient', reason: String(error) };
}

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg' };

/** The attachment string for a media item on VK, uploading it from our copy the first time. */
async function attachmentOf(out: VkOut, media: Media, peerId: number): Promise<string | null> {
  const known = await out.library.copyOn(media, 'vk');
  if (known) return known;
  try {
    const { bytes, contentType } = await out.library.bytesOf(media);
    const extension = EXTENSIONS[contentType] ?? (media.type === 'photo' ? 'jpg' : 'mp4');
    const source = { value: bytes, filename: `deed.${extension}` };
    // A community token cannot save videos (video.save wants a user token): a video goes as a file.
    const uploaded =
      media.type === 'photo'
        ? await out.upload.messagePhoto({ source, peer_id: peerId })
        : await out.upload.messageDocument({ source, peer_id: peerId });
    const attachment = uploaded.toString();
    await out.library.remember(media, 'vk', attachment);
    return attachment;
  } catch (error) {
    out.log.warn({ err: error, media: media.uniqueId }, 'could not bring media over to VK');
    return null;
  }
}

interface Message {
  message: string;
  keyboard?: string;
  attachment?: string;
}

/** A reply as the fields of messages.send / messages.edit. */
export async function messageOf(out: VkOut, reply: Reply, peerId: number): Promise<Message> {
  const { view, lang } = reply;
  const tr = (text: Parameters<typeof translate>[1]) => translate(lang, text);
  switch (view.kind) {
    case 'text': {
      const keyboard = keyboardOf(lang, view.buttons);
      return {
        message: fit(tr(view.text), VK_LIMITS.messageChars),
        ...(keyboard ? { keyboard } : {}),
      };
    }
    case 'card': {
      const keyboard = keyboardOf(lang, view.buttons);
      const attachment = view.media ? await attachmentOf(out, view.media, peerId) : null;
      const text =
        view.media && !attachment
          ? tr({ key: 'media-not-shown-card', args: { card: view.text } })
          : tr(view.text);
      return {
        message: fit(text, attachment ? VK_LIMITS.captionChars : VK_LIMITS.messageChars),
        ...(keyboard ? { keyboard } : {}),
        ...(attachment ? { attachment } : {}),
      };
    }
    case 'media': {
      const attachments = [];
      for (const m of view.media.slice(0, 10)) {
        const a = await attachmentOf(out, m, peerId);
        if (a) attachments.push(a);
      }
      const caption = view.caption ? fit(tr(view.caption), VK_LIMITS.captionChars) : '';
      return attachments.length
        ? { message: caption, attachment: attachments.join(',') }
        : { message: tr({ key: 'media-not-shown' }) };
    }
    case 'document': {
      const value = csvBytes(view.content);
      const doc = await out.upload.messageDocument({
        source: { value, filename: view.filename },
        peer_id: peerId,
      });
      return {
        message: view.caption ? fit(tr(view.caption), VK_LIMITS.captionChars) : '',
        attachment: doc.toString(),
      };
    }
    case 'notice':
      return { message: fit(tr(view.text), VK_LIMITS.messageChars) };
    case 'retract':
      // Sent as a deletion by sendVk, never as a message.
      return { message: '' };
  }
}

/** Sends one reply (or rewrites the pressed message, for paging); `key` makes its random_id. */
export async function sendVk(
  out: VkOut,
  reply: Reply,
  key: string,
  source?: VkSource,
): Promise<void> {
  const peerId = Number(reply.to.id);
  const view = reply.view;
  if (view.kind === 'retract') {
    await out.api.messages.delete({
      peer_id: peerId,
      conversation_message_ids: [Number(view.ref)],
      delete_for_all: 1,
    });
    return;
  }
  const message = await messageOf(out, reply, peerId);
  const replace = (view.kind === 'text' || view.kind === 'card') && view.replaceSource;
  if (replace && source?.conversationMessageId !== undefined && source.peerId === peerId) {
    try {
      await out.api.messages.edit({
        peer_id: peerId,
        conversation_message_id: source.conversationMessageId,
        ...message,
        keep_forward_messages: 0,
      });
      return;
    } catch (error) {
      // Too old to edit, or a text message a card cannot replace: send a new one.
      out.log.debug({ err: error }, 'messages.edit failed; sending instead');
    }
  }
  await out.api.messages.send({ peer_id: peerId, random_id: randomIdOf(key), ...message });
}

/**
 * The replies of one event, in order. A button press is answered first: a short notice as a
 * snackbar, anything longer or an alert as a message of its own (VK has no alert box).
 */
export async function deliverVk(
  out: VkOut,
  replies: Reply[],
  keyPrefix: string,
  source?: VkSource,
): Promise<void> {
  // VK has no alert box: an alert, or a notice too long for the snackbar, is a message.
  const { text, sends } = source ? pressNotice(replies, VK_LIMITS) : { text: '', sends: replies };
  if (source) {
    const snackbar = Boolean(text);
    await out.api.messages
      .sendMessageEventAnswer({
        event_id: source.eventId,
        user_id: source.userId,
        peer_id: source.peerId,
        ...(snackbar ? { event_data: JSON.stringify({ type: 'show_snackbar', text }) } : {}),
      })
      .catch((error: unknown) => out.log.warn({ err: error }, 'sendMessageEventAnswer failed'));
  }
  for (const [n, reply] of sends.entries()) {
    if (reply.view.kind === 'notice' && !source) continue;
    try {
      await sendVk(out, reply, `${keyPrefix}:own:${n}`, source);
    } catch (error) {
      out.log.warn({ err: error, to: reply.to, kind: reply.view.kind }, 'VK send failed');
    }
  }
}
