import { GrammyError, InputFile, type Api } from 'grammy';
import type { InlineKeyboardButton, InputMediaPhoto, InputMediaVideo, Message } from 'grammy/types';
import type { Keyboard, Lang, Media, PlatformLimits, Reply } from '../../handlers/protocol.js';
import { checkKeyboard, fit, laidOut, pressNotice } from '../limits.js';
import { csvBytes } from '../replies.js';
import { translate } from '../../locales/index.js';
import type { Logger } from '../logger.js';
import type { MediaLibrary } from '../media-library.js';

// Replies → Bot API calls. Plain text (no parse mode), so user-written stories can never inject
// markup.

/** What Telegram's messages hold: the edge declares these to the core (see PlatformLimits). */
export const TELEGRAM_LIMITS: PlatformLimits = {
  buttonsPerMessage: 100,
  buttonsPerRow: 8,
  rowsPerMessage: 100,
  // No limit is documented: a long label is cut by the person's screen, not by Telegram.
  labelChars: Infinity,
  // callback_data: 1-64 bytes.
  dataBytes: 64,
  messageChars: 4096,
  captionChars: 1024,
  // answerCallbackQuery's text: a longer notice goes as a message of its own.
  noticeChars: 200,
  alerts: true,
};

/** Where a button press came from, so a reply can answer it and rewrite that message. */
export interface ButtonSource {
  callbackQueryId: string;
  chatId: number;
  messageId?: number;
  /** The unique id of the photo or video the pressed message shows, if any. */
  shownMedia?: string;
}

/** A user id, or a channel's @name / -100… id. */
function chatIdOf(id: string): number | string {
  return /^-?\d+$/.test(id) ? Number(id) : id;
}

/** An inline keyboard within Telegram's limits; one over them is refused (see checkKeyboard). */
function keyboardOf(lang: Lang, keyboard: Keyboard | undefined) {
  if (!keyboard?.length) return undefined;
  checkKeyboard('telegram', TELEGRAM_LIMITS, keyboard);
  const rows: InlineKeyboardButton[][] = laidOut(TELEGRAM_LIMITS, keyboard).map((row) =>
    row.map((b) =>
      'data' in b
        ? { text: translate(lang, b.label), callback_data: b.data }
        : b.app
          ? { text: translate(lang, b.label), web_app: { url: b.url } }
          : { text: translate(lang, b.label), url: b.url },
    ),
  );
  return { inline_keyboard: rows };
}

/** What Telegram is given for a media item: its own file id, or our copy's bytes to upload. */
async function fileOf(media: Media, library?: MediaLibrary): Promise<string | InputFile | null> {
  if (media.platform === 'telegram') return media.fileId;
  if (!library) return null;
  const known = await library.copyOn(media, 'telegram');
  if (known) return known;
  try {
    const { bytes } = await library.bytesOf(media);
    return new InputFile(bytes, media.type === 'photo' ? 'deed.jpg' : 'deed.mp4');
  } catch {
    // A VK video cannot be downloaded with a community token: the card goes without it.
    return null;
  }
}

/** After an upload, Telegram's id for the file is kept, so it is uploaded once. */
async function remember(
  library: MediaLibrary | undefined,
  media: Media,
  file: string | InputFile,
  sent: Message | undefined,
): Promise<void> {
  if (!library || typeof file === 'string' || !sent) return;
  const id = sent.photo?.at(-1)?.file_id ?? sent.video?.file_id ?? sent.document?.file_id;
  if (id) await library.remember(media, 'telegram', id);
}

/** Options every send of one reply carries (Telegram's paid broadcast). */
export interface SendExtra {
  allow_paid_broadcast?: boolean;
}

async function sendMedia(
  api: Api,
  chatId: number | string,
  media: Media[],
  library?: MediaLibrary,
  extra: SendExtra = {},
  caption?: string,
): Promise<Message | undefined> {
  const files = await Promise.all(media.map((m) => fileOf(m, library)));
  const ours = media
    .map((m, i) => ({ m, file: files[i] }))
    .filter((x): x is { m: Media; file: string | InputFile } => Boolean(x.file));
  const [first] = ours;
  if (!first) return undefined;
  if (ours.length === 1) {
    const options = { ...extra, ...(caption ? { caption } : {}) };
    const sent =
      first.m.type === 'video'
        ? await api.sendVideo(chatId, first.file, options)
        : await api.sendPhoto(chatId, first.file, options);
    await remember(library, first.m, first.file, sent);
    return sent;
  }
  // An album shows the caption of its first item under the whole album.
  const group = ours.map(({ m, file }, i): InputMediaPhoto | InputMediaVideo => ({
    type: m.type,
    media: file,
    ...(i === 0 && caption ? { caption } : {}),
  }));
  const sent = await api.sendMediaGroup(chatId, group, extra);
  await Promise.all(ours.map(({ m, file }, i) => remember(library, m, file, sent[i])));
  return sent[0];
}

function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && error.description.includes('message is not modified');
}

/** An entry card: a photo or video with a caption and buttons; paging edits it in place. */
async function sendCard(
  api: Api,
  chatId: number | string,
  reply: Reply & { view: { kind: 'card' } },
  source: ButtonSource | undefined,
  library: MediaLibrary | undefined,
  extra: SendExtra,
): Promise<Message | undefined> {
  const { view, lang } = reply;
  const file = view.media ? await fileOf(view.media, library) : null;
  const reply_markup = keyboardOf(lang, view.buttons);
  const markup = reply_markup ? { reply_markup } : {};
  if (!view.media || !file) {
    // No media, or media another platform would not give us: the card as text, saying so.
    const text: Reply['view'] = {
      kind: 'text',
      text: view.media ? { key: 'media-not-shown-card', args: { card: view.text } } : view.text,
      replaceSource: Boolean(view.replaceSource),
      ...(view.buttons ? { buttons: view.buttons } : {}),
    };
    return sendOne(api, { ...reply, view: text }, source, library, extra);
  }
  const media = view.media;
  const caption = fit(translate(lang, view.text), TELEGRAM_LIMITS.captionChars);
  if (view.replaceSource && source?.messageId !== undefined && source.chatId === chatId) {
    // The same picture (a vote refreshing its card): only the caption and buttons change.
    if (media.platform === 'telegram' && source.shownMedia === media.uniqueId) {
      try {
        await api.editMessageCaption(chatId, source.messageId, { caption, ...markup });
        return undefined;
      } catch (error) {
        if (isNotModified(error)) return undefined;
      }
    }
    try {
      const edited = await api.editMessageMedia(
        chatId,
        source.messageId,
        { type: media.type, media: file, caption },
        markup,
      );
      await remember(library, media, file, edited === true ? undefined : edited);
      return undefined;
    } catch (error) {
      if (isNotModified(error)) return undefined;
      // The pressed message was text (a category list): a card cannot replace it, so send one.
    }
  }
  const sent =
    media.type === 'video'
      ? await api.sendVideo(chatId, file, { caption, ...markup, ...extra })
      : await api.sendPhoto(chatId, file, { caption, ...markup, ...extra });
  await remember(library, media, file, sent);
  return sent;
}

/**
 * Sends one reply; returns the message sent (for a reference to it), if a new one was sent.
 * `extra` goes with every send (Telegram's paid broadcast).
 */
export async function sendOne(
  api: Api,
  reply: Reply,
  source?: ButtonSource,
  library?: MediaLibrary,
  extra: SendExtra = {},
): Promise<Message | undefined> {
  const chatId = chatIdOf(reply.to.id);
  const view = reply.view;
  if (view.kind === 'media') {
    const caption = view.caption
      ? fit(translate(reply.lang, view.caption), TELEGRAM_LIMITS.captionChars)
      : undefined;
    return sendMedia(api, chatId, view.media, library, extra, caption);
  }
  if (view.kind === 'notice') return undefined;
  if (view.kind === 'retract') {
    await api.deleteMessage(chatId, Number(view.ref)).catch((error: unknown) => {
      // Already gone (deleted by hand): what was asked for is done.
      if (!(error instanceof GrammyError && error.error_code === 400)) throw error;
    });
    return undefined;
  }
  if (view.kind === 'card')
    return sendCard(api, chatId, { ...reply, view }, source, library, extra);
  if (view.kind === 'document') {
    const file = new InputFile(csvBytes(view.content), view.filename);
    const caption = view.caption
      ? fit(translate(reply.lang, view.caption), TELEGRAM_LIMITS.captionChars)
      : undefined;
    return api.sendDocument(chatId, file, { ...(caption ? { caption } : {}), ...extra });
  }
  const text = fit(translate(reply.lang, view.text), TELEGRAM_LIMITS.messageChars);
  const reply_markup = keyboardOf(reply.lang, view.buttons);
  // The keyboard under the input field: the contact button, or none any more.
  const underInput = view.contactButton
    ? {
        keyboard: [[{ text: translate(reply.lang, view.contactButton), request_contact: true }]],
        one_time_keyboard: true,
        resize_keyboard: true,
      }
    : view.dropKeyboard && !reply_markup
      ? { remove_keyboard: true as const }
      : undefined;
  if (underInput) return api.sendMessage(chatId, text, { reply_markup: underInput, ...extra });
  if (view.replaceSource && source?.messageId !== undefined && source.chatId === chatId) {
    try {
      await api.editMessageText(
        chatId,
        source.messageId,
        text,
        reply_markup ? { reply_markup } : {},
      );
      return undefined;
    } catch (error) {
      if (isNotModified(error)) return undefined;
      throw error;
    }
  }
  return api.sendMessage(chatId, text, { ...(reply_markup ? { reply_markup } : {}), ...extra });
}

/** Sends the replies of one update in order; the answer to a button press goes first. */
export async function deliver(
  api: Api,
  replies: Reply[],
  log: Logger,
  source?: ButtonSource,
  library?: MediaLibrary,
): Promise<Reply[]> {
  // A notice longer than Telegram's toast or alert holds goes as a message of its own.
  const { text, alert, sends } = source
    ? pressNotice(replies, TELEGRAM_LIMITS)
    : { text: '', alert: false, sends: replies };
  if (source) {
    await api
      .answerCallbackQuery(source.callbackQueryId, text ? { text, show_alert: alert } : {})
      .catch((error: unknown) => log.warn({ err: error }, 'answerCallbackQuery failed'));
  }
  for (const [i, reply] of sends.entries()) {
    try {
      await sendOne(api, reply, source, library);
    } catch (error) {
      // Past the bot's rate limit (a broadcast takes most of it): this and what follows, in
      // order, go by the outbox, which sends them first of all under the limit.
      if (error instanceof GrammyError && error.error_code === 429) return sends.slice(i);
      // One recipient who blocked the bot must not stop the others from hearing.
      log.warn({ err: error, to: reply.to, kind: reply.view.kind }, 'send failed');
    }
  }
  return [];
}
