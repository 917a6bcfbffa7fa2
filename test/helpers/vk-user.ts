import { readFileSync } from 'node:fs';
import { translate } from '../../locales/index.js';
import type { Arg, Lang } from '../../handlers/protocol.js';
import type { FakeVkApi, VkMessage } from '../fakes/vk-api.js';

/** What the bot did in one dialog in answer to one thing the user did. */
export interface VkSeen {
  /** Texts of messages sent (or edited) in this dialog meanwhile. */
  texts: string[];
  /** The snackbar that answered a button press, if any. */
  notice?: string;
}

const DEED = readFileSync(new URL('../fixtures/deed.png', import.meta.url));

/** VK's lang_id for the contest's languages (client_info.lang_id). */
export const VK_LANG_IDS: Record<Lang, number> = { ru: 0, en: 3, kk: 97 };

/** A person in a VK dialog with the community: writes, sends photos, presses buttons. */
export class VkUser {
  private messageId = 1;

  constructor(
    private api: FakeVkApi,
    readonly id: number,
    readonly lang: Lang,
    /** Waits for what the bot does unprompted after an event (the outbox). */
    private settle: () => Promise<void> = async () => undefined,
    /** Whether the client says its language (VK sends client_info with messages). */
    private tellsLanguage = true,
  ) {}

  tr(key: string, args?: Record<string, Arg>, lang: Lang = this.lang): string {
    return translate(lang, args ? { key, args } : { key });
  }

  private snapshot(): Map<number, string> {
    return new Map(this.api.dialog(this.id).map((m) => [m.conversationMessageId, m.text]));
  }

  private async act(event: Record<string, unknown>): Promise<VkSeen> {
    const before = this.snapshot();
    const calls = this.api.calls.length;
    await this.api.push(event);
    await this.settle();
    const texts = this.api
      .dialog(this.id)
      .filter((m) => before.get(m.conversationMessageId) !== m.text)
      .map((m) => m.text);
    const answer = this.api.calls
      .slice(calls)
      .find((c) => c.method === 'messages.sendMessageEventAnswer' && c.params.event_data);
    const data = answer ? (JSON.parse(answer.params.event_data!) as { text?: string }) : undefined;
    return { texts, ...(data?.text ? { notice: data.text } : {}) };
  }

  private messageNew(message: Record<string, unknown>) {
    return {
      type: 'message_new',
      object: {
        message: {
          id: this.messageId++,
          date: Math.floor(Date.now() / 1000),
          from_id: this.id,
          peer_id: this.id,
          text: '',
          attachments: [],
          ...message,
        },
        ...(this.tellsLanguage
          ? {
              client_info: {
                inline_keyboard: true,
                keyboard: true,
                lang_id: VK_LANG_IDS[this.lang],
              },
            }
          : {}),
      },
    };
  }

  send(text: string): Promise<VkSeen> {
    return this.act(this.messageNew({ text }));
  }

  /** Opens the community's dialog from a link such as vk.me/club1?ref=e17 and presses Start. */
  openRef(ref: string): Promise<VkSeen> {
    return this.act(
      this.messageNew({
        ref,
        ref_source: 'share',
        text: 'Начать',
        payload: JSON.stringify({ command: 'start' }),
      }),
    );
  }

  photo(bytes: Buffer = DEED, count = 1): Promise<VkSeen> {
    const attachments = Array.from({ length: count }, () => this.api.userPhoto(bytes, this.id));
    return this.act(this.messageNew({ attachments }));
  }

  /** Sends attachments as VK gives them (a sticker, a voice message, anything). */
  attach(...attachments: Record<string, unknown>[]): Promise<VkSeen> {
    return this.act(this.messageNew({ attachments }));
  }

  /** A callback button press on a message of the dialog (any payload: a modified client can). */
  press(data: string, messageId?: number): Promise<VkSeen> {
    return this.act(this.pressEvent(data, messageId));
  }

  private pressEvent(data: string, messageId?: number, eventId?: string) {
    return {
      type: 'message_event',
      ...(eventId ? { event_id: eventId } : {}),
      object: {
        user_id: this.id,
        peer_id: this.id,
        event_id: `e${Math.random().toString(36).slice(2)}`,
        payload: { b: data },
        conversation_message_id: messageId ?? this.messages().at(-1)?.messageId ?? 1,
      },
    };
  }

  /** Presses a button as one event VK delivers twice (the same event_id, as a retry brings it). */
  async tapTwice(label: string): Promise<void> {
    const found = this.findButton(label);
    const event = this.pressEvent(found.data, found.messageId, `again-${Math.random()}`);
    await this.act(event);
    await this.act(event);
  }

  private findButton(label: string): { data: string; messageId: number } {
    for (const m of [...this.api.dialog(this.id)].reverse()) {
      for (const b of m.keyboard?.buttons.flat() ?? []) {
        if (b.action.label === label && b.action.type === 'callback' && b.action.payload) {
          const { b: data } = JSON.parse(b.action.payload) as { b: string };
          return { data, messageId: m.conversationMessageId };
        }
      }
    }
    throw new Error(
      `VK user ${this.id} sees no button "${label}": ${this.visibleButtons().join(' | ')}`,
    );
  }

  async tap(label: string): Promise<VkSeen> {
    const found = this.findButton(label);
    return this.press(found.data, found.messageId);
  }

  tapKey(key: string, args?: Record<string, Arg>): Promise<VkSeen> {
    return this.tap(this.tr(key, args));
  }

  messages(): { messageId: number; text: string; media?: string; message: VkMessage }[] {
    return this.api.dialog(this.id).map((m) => ({
      messageId: m.conversationMessageId,
      text: m.text,
      ...(m.attachments[0] ? { media: m.attachments[0] } : {}),
      message: m,
    }));
  }

  lastText(): string {
    return this.messages().at(-1)?.text ?? '';
  }

  visibleButtons(): string[] {
    return this.api
      .dialog(this.id)
      .flatMap((m) => m.keyboard?.buttons.flat().map((b) => b.action.label) ?? []);
  }
}
