import type { Campaign } from './campaign.js';
import type { FraudStore, VoidStore } from './fraud.js';
import type { RateLimiter } from './rate-limit.js';
import type {
  Arg,
  Event,
  Keyboard,
  Lang,
  Outbox,
  Platform,
  PlatformLimits,
  Media,
  Reply,
  Text,
  UserRef,
  View,
} from './protocol.js';
import type {
  AdminStore,
  BroadcastStore,
  DraftStore,
  EntryStore,
  CampaignEventStore,
  JuryStore,
  PrivacyStore,
  ReportStore,
  ResultStore,
  UserStore,
  VoteStore,
  Clock,
  Links,
  Membership,
  PressTokens,
  Moderator,
  UserRecord,
} from './ports.js';

/** Every store the core uses: each interface is declared beside the rules that need it. */
export interface Stores {
  users: UserStore;
  drafts: DraftStore;
  entries: EntryStore;
  votes: VoteStore;
  reports: ReportStore;
  results: ResultStore;
  events: CampaignEventStore;
  broadcasts: BroadcastStore;
  admin: AdminStore;
  privacy: PrivacyStore;
  fraud: FraudStore;
  voids: VoidStore;
  jury: JuryStore;
}

/** What every handler may use: the stores, the campaign, the clock and who moderates. */
export interface Deps {
  stores: Stores;
  campaign: Campaign;
  clock: Clock;
  /** Moderators, from configuration, per platform (organisers among them). */
  admins: UserRef[];
  /**
   * Of the moderators, those who also broadcast, export, void votes and see the results before
   * they are public. Empty or absent: every moderator is an organiser (a team of one kind).
   */
  organisers?: UserRef[];
  links: Links;
  /** Channels (a Telegram channel, a VK community wall) that get a post per published entry. */
  channels: UserRef[];
  /** Per platform: voters there must be members of a channel or community. */
  membership?: Partial<Record<Platform, Membership>>;
  /** Anti-abuse: button presses and messages one person may make in a window. */
  limits: { presses: RateLimiter; messages: RateLimiter };
  /**
   * Per platform, what its messages and buttons hold, as its edge declares (VK: 10 buttons); a
   * list longer than a message's buttons is paged (see pages.ts). None: no limit.
   */
  platformLimits?: Partial<Record<Platform, PlatformLimits>>;
  /** A one-time link into the organisers' panel for this moderator (the website makes it). */
  panelLink?(who: UserRef): Promise<string>;
  /** Platforms whose people can share their own phone number with a button (Telegram). */
  sharesContacts?: Platform[];
  /** Signs cards' Vote buttons; without it every press looks the person up. */
  pressTokens?: PressTokens;
  /** Where unprompted messages are queued (announcements, broadcasts). */
  outbox: Outbox;
  /** Names this process in leases (campaign events, broadcast jobs). */
  processId: string;
  /**
   * Runs long work after the update is answered (queuing an announcement to a country): the app
   * counts it with the updates in hand, so a graceful stop and the tests wait for it. None: the
   * work is done before the answer (the terminal chat).
   */
  afterAnswer?(work: () => Promise<void>): void;
  /**
   * Called after each page of long background work (queuing an announcement), with the time it
   * took: rests while people wait for the bot's answers. None: no rest.
   */
  giveWay?(workedMs: number): Promise<void>;
  /** Gives the rest of an album a moment to arrive, when the edge cannot say how big it is. */
  albumSettle(): Promise<void>;
}

export function t(key: string, args?: Record<string, Arg>): Text {
  return args ? { key, args } : { key };
}

/** The language to write to someone in: theirs, or the campaign's for someone the bot never met. */
export async function langOf(deps: Deps, ref: UserRef): Promise<Lang> {
  return (await deps.stores.users.find(ref))?.lang ?? deps.campaign.defaultLanguage;
}

/**
 * The work on each page of a long walk (queuing an announcement to a country), resting after it
 * while people wait for answers (Deps.giveWay). A page's time runs from the end of the last rest,
 * so reading the page counts as well as writing it.
 */
export function givingWay<A extends unknown[]>(
  deps: Deps,
  work: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  let since = Date.now();
  return async (...args) => {
    await work(...args);
    await deps.giveWay?.(Date.now() - since);
    since = Date.now();
  };
}

/**
 * A platform's name, in whatever language the message is written in ("ВКонтакте"); "deleted" is
 * the account of someone who erased their data (see models/privacy.ts).
 */
export function platformName(platform: Platform): Text {
  return t(`platform-name-${platform}`);
}

export function sameUser(a: UserRef, b: UserRef): boolean {
  return a.platform === b.platform && a.id === b.id;
}

export function isModerator(deps: Deps, who: UserRef): boolean {
  return deps.admins.some((a) => sameUser(a, who));
}

/** Moderators who also broadcast, export, void votes and see results early (see Deps.organisers). */
export function isOrganiser(deps: Deps, who: UserRef): boolean {
  const organisers = deps.organisers ?? [];
  if (!isModerator(deps, who)) return false;
  return organisers.length === 0 || organisers.some((o) => sameUser(o, who));
}

/** One update being handled: who sent it, what they sent, and what the bot answers. */
export class Turn {
  readonly replies: Reply[] = [];

  constructor(
    readonly event: Event,
    public user: UserRecord,
    readonly deps: Deps,
  ) {}

  get lang(): Lang {
    return this.user.lang;
  }

  get now(): Date {
    return this.deps.clock.now();
  }

  /** The person in this turn as recorded on a decision ("who did what"). */
  get asModerator(): Moderator {
    const { platform, id, displayName } = this.event.actor;
    return displayName ? { platform, id, name: displayName } : { platform, id };
  }

  get isAdmin(): boolean {
    return isModerator(this.deps, this.event.actor);
  }

  get isOrganiser(): boolean {
    return isOrganiser(this.deps, this.event.actor);
  }

  /** A message to the person who sent the update. */
  say(text: Text, buttons?: Keyboard): void {
    this.push({ kind: 'text', text, ...(buttons ? { buttons } : {}) });
  }

  /** Rewrites the message whose button was pressed (paging, a decided moderation card). */
  replace(text: Text, buttons?: Keyboard): void {
    this.push({ kind: 'text', text, replaceSource: true, ...(buttons ? { buttons } : {}) });
  }

  /** A message with the button that shares the person's own phone number (Telegram). */
  askContact(text: Text, button: Text): void {
    this.push({ kind: 'text', text, contactButton: button });
  }

  /** A message that also takes away the keyboard under the input field. */
  dropKeyboard(text: Text): void {
    this.push({ kind: 'text', text, dropKeyboard: true });
  }

  show(media: Media[]): void {
    if (media.length) this.push({ kind: 'media', media });
  }

  /** One entry as a picture with its text and buttons; `replace` rewrites the pressed card. */
  card(media: Media | undefined, text: Text, buttons: Keyboard, replace: boolean): void {
    this.push({ kind: 'card', text, buttons, replaceSource: replace, ...(media ? { media } : {}) });
  }

  /** A file for the person in this turn (a CSV export). */
  document(filename: string, content: string): void {
    this.push({ kind: 'document', filename, content });
  }

  /** The short answer to a button press. */
  notice(text: Text, alert = false): void {
    this.push({ kind: 'notice', text, alert });
  }

  /**
   * A message to someone else (a moderator, an author), in their language; `purpose` names it
   * (see Reply.purpose). `about` names whose personal data it carries (an author's story on a
   * moderator's card): it leaves with theirs.
   */
  sendTo(to: UserRef, lang: Lang, view: View, purpose: string, about?: UserRef): void {
    const target = { platform: to.platform, id: to.id };
    const whose = about ? { about: [{ platform: about.platform, id: about.id }] } : {};
    this.replies.push({ to: target, lang, view, purpose, ...whose });
  }

  private push(view: View): void {
    const { platform, id } = this.event.actor;
    this.replies.push({ to: { platform, id }, lang: this.lang, view });
  }
}
