// The protocol between the platform-neutral core and the edges: what comes in (Event), what goes
// out (Reply, and the outbox's items), and the words both sides share (languages, platforms,
// people). Nothing here knows a platform SDK or a database driver.

export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Localized = Record<Lang, string>;

/**
 * Where a person talks to the bot, as its edge names itself ("telegram", "vk", "terminal"). The
 * core enumerates no platforms: a new one is a folder under bot/ and a line of wiring.
 */
export type Platform = string;

/** What a platform's name looks like (in the campaign file, in a moderator's command). */
export const PLATFORM_NAME = /^[a-z][a-z0-9]{1,15}$/;

/** A person to the contest: a Telegram account and a VK account are different people. */
export interface UserRef {
  platform: Platform;
  id: string;
}

export interface Actor extends UserRef {
  /** What the platform says about the user's language (Telegram's language_code), if anything. */
  langHint?: string;
  displayName?: string;
}

export interface Media {
  type: 'photo' | 'video';
  platform: Platform;
  /** The platform's id for re-sending the file. */
  fileId: string;
  /** Stable across bots and time; used to recognise the same file sent twice. */
  uniqueId: string;
  sizeBytes?: number;
  /** Where the bytes can be downloaded, when the platform's id alone does not say (VK photos). */
  url?: string;
}

/**
 * Photos sent together: they arrive as separate events. When the edge has them all at once (a VK
 * message, a Telegram polling batch) it says where each one is in the album; otherwise (a webhook
 * brings each photo in a request of its own) it knows only the album's id.
 */
export interface Album {
  id: string;
  index?: number;
  size?: number;
}

export type UnsupportedKind = 'sticker' | 'voice' | 'document' | 'audio' | 'animation' | 'other';

export type Input =
  | { kind: 'command'; name: string; arg: string }
  | { kind: 'text'; text: string }
  | { kind: 'photo'; media: Media; album?: Album }
  | { kind: 'video'; media: Media }
  | { kind: 'unsupported'; what: UnsupportedKind }
  /** A phone number shared with the platform's button (Telegram); `own` when it is the sender's. */
  | { kind: 'contact'; phone: string; own: boolean }
  | { kind: 'button'; data: string };

export interface Event {
  actor: Actor;
  input: Input;
  /**
   * The delivery's id ("telegram:1234"): the same on every redelivery of the same update. State
   * a handler changes is stamped with it, so a redelivery after a partial failure finishes the
   * work instead of doing it twice.
   */
  id?: string;
}

// ---- What the core answers with -------------------------------------------------------------

/** A message key from locales/ with its arguments; the edge renders it in the reader's language. */
export interface Text {
  key: string;
  args?: Record<string, Arg>;
}
/** An argument is plain (user-given text, a number), another Text, a name given in config per
 * language, or a calendar date in the campaign's time zone (YYYY-MM-DD). */
export type Arg = string | number | Text | { names: Localized } | { date: string };

/** A button sends data back, or opens an address (`app`: as a Mini App where the platform can). */
export type Button = { label: Text; data: string } | { label: Text; url: string; app?: boolean };
export type Keyboard = Button[][];

/**
 * What one platform's messages and buttons hold, as its edge declares it. The core pages a list
 * of choices longer than a message's buttons (pages.ts); the edge's renderer enforces the rest
 * with these same figures (bot/limits.ts): a keyboard that does not fit is refused with an error,
 * a text longer than the platform takes ends in "…" (a card's story is last, so only it is cut).
 */
export interface PlatformLimits {
  buttonsPerMessage: number;
  buttonsPerRow: number;
  rowsPerMessage: number;
  /** Characters of a button's label (a longer one ends in "…"). */
  labelChars: number;
  /** Bytes of the data a button carries back. */
  dataBytes: number;
  messageChars: number;
  captionChars: number;
  /** Characters of the short answer to a press (a toast or snackbar); 0: there is none. */
  noticeChars: number;
  /** The platform has an alert box for a press (else an alert goes as a message). */
  alerts: boolean;
}

export type View =
  | {
      kind: 'text';
      text: Text;
      buttons?: Keyboard;
      replaceSource?: boolean;
      /** A button that shares the person's own phone number (Telegram; see rules.requirePhone). */
      contactButton?: Text;
      /** Takes away a keyboard shown under the input field (the contact button, once used). */
      dropKeyboard?: boolean;
    }
  /** One entry as a picture (or video) with its text and buttons; paging rewrites it in place. */
  | { kind: 'card'; media?: Media; text: Text; buttons?: Keyboard; replaceSource?: boolean }
  /** Photos or a video, with an optional caption (a moderator sees the entry's number on them). */
  | { kind: 'media'; media: Media[]; caption?: Text }
  /** A file, such as a CSV export. */
  | { kind: 'document'; filename: string; content: string; caption?: Text }
  /** The short answer to a button press (a toast, or an alert the user must dismiss). */
  | { kind: 'notice'; text: Text; alert?: boolean }
  /** Takes down a message the bot sent before (a channel post of a withdrawn entry). */
  | { kind: 'retract'; ref: string };

export interface Reply {
  to: UserRef;
  lang: Lang;
  view: View;
  /** People whose personal data the message carries besides its recipient (an entry's author,
   * on a moderator's card): /deleteme removes it, while it waits to be sent, with theirs. */
  about?: UserRef[];
  /** Keep the platform's id of the message once sent (a channel post, to take down later). */
  keepRef?: boolean;
  /**
   * For a message to someone else than the sender: what it is ("card-media", "decision"),
   * unique among one update's messages to one person. The edge keys the message by the update,
   * this and the recipient, so handling a redelivered update queues nothing twice.
   */
  purpose?: string;
}

/**
 * Which messages go first when many are waiting: a person's answer to their own action and
 * decisions about their own entry, then results, then announcements, then reminders.
 */
export const LANES = ['personal', 'results', 'announcement', 'reminder'] as const;
export type Lane = (typeof LANES)[number];

/** A message the bot sends unprompted, under a key that makes sending it twice impossible
 * ("voting-opened:telegram:42"): enqueueing the same key again is a no-op. */
export interface OutboxItem {
  key: string;
  reply: Reply;
  /** Default: personal. */
  lane?: Lane;
  /**
   * The same message to many people carries the same batch ("voting-opened"): a platform that
   * sends one message to many at once (VK, a hundred a request) sends a batch's rows together.
   * Without one, a message goes on its own.
   */
  batch?: string;
}

export interface Outbox {
  /**
   * Queues messages together, once: queuing the same messages again (a redelivered update, a
   * job resumed after a crash) is a no-op. `chunkId` names the unit of work when the caller has
   * one (a page of a broadcast's recipients); by default the messages' keys name it. Returns
   * how many were new.
   */
  enqueue(items: OutboxItem[], chunkId?: string): Promise<number>;
}
