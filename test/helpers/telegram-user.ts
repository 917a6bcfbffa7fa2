import { readFileSync } from 'node:fs';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { translate } from '../../locales/index.js';
import type { Arg, Lang } from '../../handlers/protocol.js';
import type { ApiCall, FakeTelegramApi } from '../fakes/telegram-api.js';

/** What the bot did in one chat in answer to one thing the user did. */
export interface Seen {
  calls: ApiCall[];
  /** Texts of messages sent or edited, in order. */
  texts: string[];
  /** The answer to a button press (toast or alert text), if any. */
  notice?: string;
  alert?: boolean;
}

let nextFileId = 1;

/** The bytes behind every photo a test user sends, served by the local Bot API's getFile. */
export const DEED_PNG = readFileSync(new URL('../fixtures/deed.png', import.meta.url));

export interface ChatMessage {
  messageId: number;
  text: string;
  /** The file id of the photo or video the message shows, if any. */
  media?: string;
  keyboard?: InlineKeyboardMarkup;
}

/** What a sent or edited message shows: its text (or caption), picture and buttons. */
function shownBy(call: ApiCall): Omit<ChatMessage, 'messageId'> | null {
  const p = call.params;
  const keyboard = p.reply_markup as InlineKeyboardMarkup | undefined;
  const withKeyboard = keyboard ? { keyboard } : {};
  switch (call.method) {
    case 'sendMessage':
    case 'editMessageText':
      return { text: String(p.text), ...withKeyboard };
    case 'sendPhoto':
    case 'sendVideo':
      return { text: String(p.caption ?? ''), media: String(p.photo ?? p.video), ...withKeyboard };
    case 'editMessageCaption':
      return { text: String(p.caption ?? ''), ...withKeyboard };
    case 'editMessageMedia': {
      const media = (typeof p.media === 'string' ? JSON.parse(p.media) : p.media) as {
        media: string;
        caption?: string;
      };
      return { text: media.caption ?? '', media: media.media, ...withKeyboard };
    }
    default:
      return null;
  }
}

/** A person in a Telegram client: sends messages and taps buttons, and reads what the bot shows. */
export class TelegramUser {
  private messageId = 1;

  constructor(
    private api: FakeTelegramApi,
    readonly id: number,
    readonly languageCode: string,
    readonly name: string,
    /** Waits for what the bot does unprompted after an update (the outbox), when there is one. */
    private settle: () => Promise<void> = async () => undefined,
  ) {}

  get lang(): Lang {
    return (['kk', 'ru', 'en'] as const).find((l) => l === this.languageCode) ?? 'ru';
  }

  /** A localized string as this user should see it (when the bot speaks `lang`). */
  tr(key: string, args?: Record<string, Arg>, lang: Lang = this.lang): string {
    return translate(lang, args ? { key, args } : { key });
  }

  private get from() {
    return { id: this.id, is_bot: false, first_name: this.name, language_code: this.languageCode };
  }

  private async act(update: Record<string, unknown>): Promise<Seen> {
    const since = this.api.calls.length;
    await this.api.deliver(update);
    await this.settle();
    return this.seenSince(since);
  }

  /** What the bot did in this chat since the call with that index. */
  private seenSince(since: number): Seen {
    const calls = this.api.calls.slice(since);
    const mine = calls.filter((c) => Number(c.params.chat_id) === this.id);
    const answer = calls.find((c) => c.method === 'answerCallbackQuery');
    return {
      calls: mine,
      texts: mine
        .filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')
        .map((c) => String(c.params.text)),
      ...(answer?.params.text !== undefined
        ? { notice: String(answer.params.text), alert: Boolean(answer.params.show_alert) }
        : {}),
    };
  }

  private messageUpdate(content: Record<string, unknown>) {
    return {
      message: {
        message_id: this.messageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: this.id, type: 'private', first_name: this.name },
        from: this.from,
        ...content,
      },
    };
  }

  send(text: string): Promise<Seen> {
    return this.act(this.messageUpdate({ text }));
  }

  /** Shares a phone number as Telegram's contact button does (`userId`: whose contact it is). */
  shareContact(phone: string, userId: number = this.id): Promise<Seen> {
    return this.act(
      this.messageUpdate({
        contact: { phone_number: phone, first_name: this.name, user_id: userId },
      }),
    );
  }

  /** Several photos sent as one album: Telegram gives them as updates of one batch. */
  async album(count: number, albumId = `album-${nextFileId++}`): Promise<Seen> {
    const since = this.api.calls.length;
    const updates = Array.from({ length: count }, () => this.photoUpdate({ albumId }));
    await this.api.deliverAll(updates);
    await this.settle();
    return this.seenSince(since);
  }

  photo(options: { albumId?: string; sizeBytes?: number } = {}): Promise<Seen> {
    return this.act(this.photoUpdate(options));
  }

  private photoUpdate(options: { albumId?: string; sizeBytes?: number }) {
    const id = `photo-${nextFileId++}`;
    this.api.files.set(id, DEED_PNG);
    return this.messageUpdate({
      photo: [
        {
          file_id: `${id}-small`,
          file_unique_id: `${id}-s`,
          width: 90,
          height: 90,
          file_size: 1_000,
        },
        {
          file_id: id,
          file_unique_id: `${id}-u`,
          width: 1280,
          height: 960,
          file_size: options.sizeBytes ?? 150_000,
        },
      ],
      ...(options.albumId ? { media_group_id: options.albumId } : {}),
    });
  }

  video(sizeMb: number): Promise<Seen> {
    const id = `video-${nextFileId++}`;
    // A stand-in for the video's bytes: what the bot downloads with getFile and copies elsewhere.
    this.api.files.set(id, Buffer.from(`mp4 bytes of ${id}`));
    return this.act(
      this.messageUpdate({
        video: {
          file_id: id,
          file_unique_id: `${id}-u`,
          width: 640,
          height: 480,
          duration: 30,
          file_size: Math.round(sizeMb * 1024 * 1024),
          mime_type: 'video/mp4',
        },
      }),
    );
  }

  sticker(): Promise<Seen> {
    return this.act(
      this.messageUpdate({
        sticker: {
          file_id: 'st',
          file_unique_id: 'st-u',
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
        },
      }),
    );
  }

  /** A round video message (Telegram's "video note"). */
  roundVideo(sizeMb = 2): Promise<Seen> {
    const id = `note-${nextFileId++}`;
    this.api.files.set(id, Buffer.from(`mp4 bytes of ${id}`));
    return this.act(
      this.messageUpdate({
        video_note: {
          file_id: id,
          file_unique_id: `${id}-u`,
          length: 240,
          duration: 12,
          file_size: Math.round(sizeMb * 1024 * 1024),
        },
      }),
    );
  }

  voice(): Promise<Seen> {
    return this.act(
      this.messageUpdate({ voice: { file_id: 'vo', file_unique_id: 'vo-u', duration: 3 } }),
    );
  }

  document(): Promise<Seen> {
    return this.act(
      this.messageUpdate({
        document: {
          file_id: 'doc',
          file_unique_id: 'doc-u',
          file_name: 'deed.jpg',
          mime_type: 'image/jpeg',
        },
      }),
    );
  }

  /** The callback update a press makes; tests that deliver presses in bulk build them here. */
  pressUpdate(data: string, messageId = 1, updateId?: number) {
    return {
      ...(updateId !== undefined ? { update_id: updateId } : {}),
      callback_query: {
        id: `cb-${this.id}-${nextFileId++}`,
        from: this.from,
        chat_instance: `ci-${this.id}`,
        data,
        message: {
          message_id: messageId,
          date: 0,
          chat: { id: this.id, type: 'private', first_name: this.name },
          // Telegram includes what the pressed message shows; test photos' unique ids end in -u.
          ...this.shownIn(messageId),
        },
      },
    };
  }

  private shownIn(messageId: number): Record<string, unknown> {
    const media = this.messages().find((m) => m.messageId === messageId)?.media;
    if (!media?.startsWith('photo-')) return {};
    return { photo: [{ file_id: media, file_unique_id: `${media}-u`, width: 1, height: 1 }] };
  }

  /** Sends callback data as a button press on a message (any bytes: a modified client can). */
  press(data: string, messageId = 1): Promise<Seen> {
    return this.act(this.pressUpdate(data, messageId));
  }

  /** Taps the button with this label on the newest message that shows it. */
  async tap(label: string): Promise<Seen> {
    const found = this.findButton((text) => text === label);
    if (!found)
      throw new Error(
        `${this.name} sees no button "${label}". Buttons: ${this.visibleButtons().join(' | ')}`,
      );
    return this.press(found.data, found.messageId);
  }

  /** Taps a button by its locale key, in this user's language. */
  tapKey(key: string, args?: Record<string, Arg>): Promise<Seen> {
    return this.tap(this.tr(key, args));
  }

  /**
   * Taps a button once it is shown. A bot in another process answers a press on the webhook's
   * response first and edits the message after, so the button may come a moment later.
   */
  async tapKeyWhenShown(key: string, args?: Record<string, Arg>): Promise<Seen> {
    const label = this.tr(key, args);
    while (!this.findButton((text) => text === label)) await new Promise((r) => setTimeout(r, 20));
    return this.tap(label);
  }

  /** Every message in this chat as it now stands (after edits), oldest first. */
  messages(): ChatMessage[] {
    const byId = new Map<number, ChatMessage>();
    for (const call of this.api.callsTo(this.id)) {
      const shown = shownBy(call);
      // A call the platform refused (429, 403…) showed nothing.
      if (!shown || call.result === undefined) continue;
      const id = call.method.startsWith('edit')
        ? Number(call.params.message_id)
        : (call.result as { message_id: number }).message_id;
      // A caption edit keeps the picture; its buttons are what the edit says, as any edit's.
      const kept = call.method === 'editMessageCaption' ? byId.get(id)?.media : undefined;
      byId.set(id, { messageId: id, ...(kept ? { media: kept } : {}), ...shown });
    }
    return [...byId.values()].sort((a, b) => a.messageId - b.messageId);
  }

  lastText(): string {
    return this.messages().at(-1)?.text ?? '';
  }

  visibleButtons(): string[] {
    return this.messages().flatMap(
      (m) => m.keyboard?.inline_keyboard.flat().map((b) => b.text) ?? [],
    );
  }

  private findButton(
    match: (text: string) => boolean,
  ): { data: string; messageId: number } | undefined {
    for (const m of this.messages().reverse()) {
      for (const b of m.keyboard?.inline_keyboard.flat() ?? []) {
        if (match(b.text) && 'callback_data' in b && b.callback_data)
          return { data: b.callback_data, messageId: m.messageId };
      }
    }
    return undefined;
  }
}
