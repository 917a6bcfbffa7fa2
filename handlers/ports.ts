// What the core needs from around it, besides the protocol (protocol.ts): the clock, the people
// and entries it keeps, and the stores that keep them. Nothing here knows a database driver.

import type { Actor, Lang, Media, Platform, UserRef } from './protocol.js';

// ---- Ports the core needs -------------------------------------------------------------------

export interface Clock {
  now(): Date;
}

/** A question the bot asked that the user's next text answers (a moderator's own reason). */
export type Awaiting = { what: 'reject-reason'; entryId: string } | { what: 'broadcast-text' };

export interface UserRecord extends UserRef {
  lang: Lang;
  displayName?: string;
  createdAt: Date;
  awaiting?: Awaiting | null;
  /** Contest announcements (not decisions about one's own entry) are wanted; on by default. */
  announcements: boolean;
  /** Per category, how many entries of their own order (see exposure.ts) they paged through. */
  seen?: Record<string, number>;
  /** The keyed hash of the phone number they shared, where the campaign asks for one. */
  phoneKey?: string;
  /**
   * Met for the first time by this very update (just created): they have no draft or entry, and
   * their card needs no look for a vote of theirs (someone who erased their data and came back
   * may have one under their hash: the card then shows "Vote", and a press says "already").
   */
  fresh?: boolean;
}

/** How a person first reached the bot: when, and through which entry's shared link, if any. */
export interface FirstContact {
  at: Date;
  viaEntry?: number;
  /** They sent /start: most likely someone new (the store may try a newcomer's record first). */
  starting?: boolean;
}

export interface RecipientFilter {
  platform?: Platform;
  lang?: Lang;
  /** Only those who did not turn announcements off. */
  wantsAnnouncements: boolean;
}

export interface UserStore {
  /**
   * Finds the user, creating them on first contact with the given language, at the given time,
   * and (for the fraud analysis) the entry whose shared link brought them, if one did.
   */
  ensure(actor: Actor, lang: Lang, first: FirstContact): Promise<UserRecord>;
  find(ref: UserRef): Promise<UserRecord | null>;
  setLang(ref: UserRef, lang: Lang): Promise<void>;
  setAwaiting(ref: UserRef, awaiting: Awaiting | null): Promise<void>;
  setAnnouncements(ref: UserRef, on: boolean): Promise<void>;
  /** Keeps the keyed hash of their phone number (see VoteStore.phoneKey). */
  setPhoneKey(ref: UserRef, phoneKey: string): Promise<void>;
  /** Raises how far into a category they paged (never lowers it). */
  markSeen(ref: UserRef, category: string, count: number): Promise<void>;
  /** The platform said this user cannot be written to (blocked the bot): stop writing. */
  markUnreachable(ref: UserRef): Promise<void>;
  delete(ref: UserRef): Promise<void>;
  /**
   * Walks the users who can be written to, a chunk at a time (a broadcast to everyone), in a
   * stable order; `after` resumes a walk after the user it names (the cursor a chunk ends at).
   */
  eachRecipientChunk(
    filter: RecipientFilter,
    chunk: (users: UserRecord[], cursor: string) => Promise<void>,
    after?: string,
  ): Promise<void>;
  count(filter: RecipientFilter): Promise<number>;
}

export type EntryKind = 'own' | 'nomination';
export type DraftStep = 'nominee' | 'story' | 'media' | 'city' | 'category' | 'consent' | 'summary';

export interface Draft {
  id: string;
  owner: UserRef;
  kind: EntryKind;
  step: DraftStep;
  /** When set, an answered step returns to the summary instead of moving on. */
  editing: boolean;
  media: Media[];
  story?: string;
  city?: string;
  category?: string;
  nominee?: string;
  consent: boolean;
  /** The event that last changed it (see Event.id). */
  lastEvent?: string;
}

export type DraftPatch = Partial<
  Pick<Draft, 'step' | 'editing' | 'media' | 'story' | 'city' | 'category' | 'nominee' | 'consent'>
>;

export interface AddMediaResult {
  draft: Draft;
  /** False for the second and later photos of one album, so the bot answers an album once. */
  firstOfAlbum: boolean;
  /** True when the photo was refused because the draft already holds the maximum. */
  full: boolean;
  /** True when the draft already held this very photo (a redelivered message). */
  again: boolean;
}

/** Every change to a draft takes the id of the event that makes it (see Event.id). */
export interface DraftStore {
  get(owner: UserRef): Promise<Draft | null>;
  /** Starts a new draft, replacing an unfinished one. */
  start(owner: UserRef, kind: EntryKind, firstStep: DraftStep, eventId?: string): Promise<Draft>;
  update(owner: UserRef, patch: DraftPatch, eventId?: string): Promise<Draft | null>;
  addPhoto(
    owner: UserRef,
    media: Media,
    albumId: string | undefined,
    max: number,
    eventId?: string,
  ): Promise<AddMediaResult | null>;
  setVideo(owner: UserRef, media: Media, eventId?: string): Promise<Draft | null>;
  delete(owner: UserRef): Promise<void>;
}

export type EntryStatus =
  'pending' | 'approved' | 'rejected' | 'published' | 'hidden' | 'withdrawn';

export interface Moderator extends UserRef {
  name?: string;
}

/** A rejection reason is either one of the reasons in locales/ (shown to the author in their
 * language) or the moderator's own words. */
export type RejectReason = { key: string } | { text: string };

export interface Decision {
  status: 'approved' | 'rejected';
  by: Moderator;
  at: Date;
  reason?: RejectReason;
  /** The event (a press, a typed reason) that made it: its redelivery is recognised. */
  event?: string;
}

export interface Entry {
  id: string;
  number: number;
  kind: EntryKind;
  author: UserRef & { name?: string };
  status: EntryStatus;
  category: string;
  story: string;
  city: string;
  nominee?: string;
  media: Media[];
  createdAt: Date;
  decision?: Decision;
  publishedAt?: Date;
}

export type DecideResult = { ok: true; entry: Entry } | { ok: false; entry: Entry | null };

export interface EntryStore {
  /**
   * Creates the entry a finished draft describes; sending the same draft twice creates one.
   * `created` is also true for the event that did create it, delivered again.
   */
  submitDraft(
    draft: Draft,
    author: Actor,
    at: Date,
    eventId?: string,
  ): Promise<{ entry: Entry; created: boolean }>;
  /** The entry an event created, if any (a redelivered Send whose draft is gone). */
  madeBy(eventId: string): Promise<Entry | null>;
  get(id: string): Promise<Entry | null>;
  /** Decides a pending entry; returns ok: false with the entry as it is if it was already decided. */
  decide(id: string, decision: Decision): Promise<DecideResult>;
  setCategory(id: string, category: string, by: Moderator, at: Date): Promise<Entry | null>;
  listByAuthor(author: UserRef): Promise<Entry[]>;
  /** Entries waiting for the moderators: one author's, or everyone's. */
  countPending(author?: UserRef): Promise<number>;
  /** Entries waiting for the moderators, oldest first, a page at a time. */
  listPending(skip: number, limit: number): Promise<Entry[]>;
  /** Publishes one approved entry (the given one, or any); null when there is none to publish. */
  publishApproved(at: Date, id?: string): Promise<Entry | null>;
  getByNumber(number: number): Promise<Entry | null>;
  /**
   * The numbers of a category's published entries, in number order; as of at most a second ago
   * (a voter paging is shown each entry's current state, read by its number).
   */
  publishedNumbers(category: string): Promise<number[]>;
  /** Every published entry, in number order, as of at most a second ago (the gallery). */
  listPublished(): Promise<Entry[]>;
  /** Published entries per category id. */
  countPublished(): Promise<Record<string, number>>;
  /**
   * Hides a published entry, or restores a hidden one; null when it is in neither state, unless
   * this very event made the change (a redelivery), which returns the entry as it is.
   */
  setHidden(
    id: string,
    hidden: boolean,
    by: Moderator,
    at: Date,
    eventId?: string,
  ): Promise<Entry | null>;
}

export type CastResult =
  { outcome: 'new' } | { outcome: 'same' } | { outcome: 'moved'; fromNumber: number };

/** What moderators see about how an entry's votes came in: signals for a human, not verdicts. */
export interface VoteSignals {
  total: number;
  /** Votes from accounts that first wrote to the bot shortly before voting. */
  newAccounts: number;
  /** Votes cast inside a burst of many votes for this entry within a minute. */
  inBursts: number;
}

/** Who votes: the account, and the language they use the bot in (for the organisers' figures). */
export interface Voter extends UserRef {
  lang?: Lang;
}

export interface VoteStore {
  /**
   * One vote per person per category; casting again moves the vote. A redelivered press whose
   * vote did land is answered as the vote it cast.
   */
  cast(
    voter: Voter,
    entry: Entry,
    at: Date,
    voterSince: Date,
    eventId?: string,
    /** Counts the vote under this person key (a phone's) instead of the account's. */
    personKey?: string,
  ): Promise<CastResult>;
  /** The keyed one-way hash a phone number is kept as: one number votes once per category. */
  phoneKey(phone: string): string;
  /**
   * The live count shown on a published entry's card: this process's votes at once, other
   * processes' within seconds. Results are tallied from the votes themselves, not from this.
   */
  countFor(entryId: string): Promise<number>;
  /** The entry id a person's vote in a category is on, if any. */
  choiceOf(voter: UserRef, category: string): Promise<string | null>;
  signals(entryId: string): Promise<VoteSignals>;
}

export interface ReportStore {
  /**
   * Records a complaint; false when this person already reported this entry (by another event
   * than this one: a redelivered report counts as made now).
   */
  add(
    entryId: string,
    reporter: UserRef,
    reason: number,
    at: Date,
    eventId?: string,
  ): Promise<boolean>;
  /** Entries people complained about: how many complaints, per reason, and the latest's time. */
  summary(): Promise<ComplaintSummary[]>;
}

export interface ComplaintSummary {
  entryId: string;
  count: number;
  /** Complaints per reason (1-based reason index → count). */
  reasons: Record<number, number>;
  last: Date;
}

/** One published entry and its votes, counted from the stored votes. */
export interface TallyRow {
  entryId: string;
  number: number;
  category: string;
  author: UserRef;
  votes: number;
}

export interface ResultStore {
  /** Votes per published entry, now (hidden entries' votes do not count). */
  tally(): Promise<TallyRow[]>;
  /** Freezes the results once; false when they were frozen already. */
  freeze(rows: TallyRow[], at: Date): Promise<boolean>;
  /** Replaces frozen results (a void or its undo before the results are announced). */
  refreeze(rows: TallyRow[], at: Date): Promise<void>;
  frozen(): Promise<{ at: Date; rows: TallyRow[] } | null>;
}

export interface CampaignEventStore {
  /** True when this process should run the event: nobody did, or its runner died. */
  claim(key: string, owner: string, at: Date): Promise<boolean>;
  /**
   * Extends the lease of a run `owner` holds, from `at` (a long run renews it with each page);
   * false when another process took the run over.
   */
  renew(key: string, owner: string, at: Date): Promise<boolean>;
  finish(key: string, status: 'done' | 'skipped', at: Date): Promise<void>;
  /** What has happened of the campaign's events: each key's state and when it finished. */
  list(): Promise<{ key: string; status: 'running' | 'done' | 'skipped'; finishedAt?: Date }[]>;
}

export interface Stats {
  entriesByStatus: Record<string, number>;
  entriesByCategory: Record<string, number>;
  entriesByPlatform: Record<string, number>;
  users: number;
  voters: number;
  votes: number;
  /** The outbox: waiting, and sent, failed and refused for the rate so far (all processes). */
  outbox: Record<string, number>;
}

export type BroadcastStatus = 'draft' | 'queuing' | 'queued' | 'cancelled';
export type Audience = Lang | 'all';

/** A broadcast being queued: its recipients are walked a chunk at a time from `cursor`. */
export interface BroadcastJob {
  id: string;
  text: string;
  audience: Audience;
  by: UserRef;
  cursor: string;
  queued: number;
}

/**
 * An organiser's announcement: written, previewed, then queued once for everyone chosen. Queuing
 * a country is a job under a lease: if the process queuing it dies, another resumes from the
 * cursor (the outbox keys make anyone queued twice a no-op).
 */
export interface BroadcastStore {
  create(text: string, by: UserRef, at: Date): Promise<string>;
  get(id: string): Promise<{ id: string; text: string; status: BroadcastStatus } | null>;
  cancel(id: string): Promise<boolean>;
  /** Draft → queuing, once: a second press of Send finds it started. Null when it was not a draft. */
  startQueuing(id: string, audience: Audience, owner: string): Promise<BroadcastJob | null>;
  /** A queuing job whose owner stopped renewing its lease (it died), now this owner's. */
  takeStalled(owner: string): Promise<BroadcastJob | null>;
  /** Records progress and renews the lease; false when the job is no longer this owner's. */
  advance(id: string, owner: string, cursor: string, queued: number): Promise<boolean>;
  /** Queued: returns how many recipients it was queued for, or null when it was not this owner's. */
  finish(id: string, owner: string): Promise<number | null>;
}

/** What the organisers' panel draws: series over time and the people behind the votes. */
export interface Figures {
  /** Entries made, per hour (UTC, "2026-11-30T14"), platform and category. */
  entries: { hour: string; platform: string; category: string; n: number }[];
  /** Counted votes per hour (UTC) they were cast (or last moved) in. */
  votesPerHour: { hour: string; n: number }[];
  /** People with a counted vote, per platform and language. */
  voters: { platform: string; lang: string; n: number }[];
  /** People who turned announcements off; people who blocked the bot. */
  optedOut: number;
  unreachable: number;
}

export interface AdminStore {
  stats(): Promise<Stats>;
  figures(): Promise<Figures>;
  /** CSV rows (the first is the header) for an export. */
  exportRows(what: 'entries' | 'votes'): Promise<string[][]>;
}

/** What the bot keeps about a person besides their profile, draft and entries (see /mydata). */
export interface PersonalData {
  /** Categories they voted in (kept under a keyed one-way hash, not their id). */
  votes: number;
  /** Complaints they made (the same hash). */
  reports: number;
  /** Messages waiting to be sent to them. */
  queued: number;
  /** Photos and videos of their entries kept by the bot. */
  mediaFiles: number;
}

export interface ErasedData {
  deleted: number;
  withdrawn: number;
  /** Posts of their entries in channels, to take down. */
  channelPosts: { to: UserRef; ref: string }[];
}

/** A person's data as a whole: listed by /mydata, removed by /deleteme. */
export interface PrivacyStore {
  summary(ref: UserRef): Promise<PersonalData>;
  /**
   * Removes every trace of the person: profile, draft, entries (published ones are withdrawn and
   * emptied), their media and its copies, messages queued for or about them. What stays is the
   * keyed hash on votes and complaints, and on the shell of a withdrawn entry.
   */
  erase(ref: UserRef): Promise<ErasedData>;
}

/** Jury scores: one per juror per entry, changed by scoring again (see jury.ts). */
export interface JuryStore {
  set(juror: UserRef, entry: Entry, score: number, at: Date): Promise<void>;
  /** One juror's scores, by entry id. */
  of(juror: UserRef): Promise<Record<string, number>>;
  /** Every entry's scores, by entry id. */
  all(): Promise<Record<string, number[]>>;
}

/** Links people can share, per platform (a Telegram deep link, a VK ref link). */
export interface Links {
  entry(platform: Platform, number: number): string;
  /** The entry in the contest's Mini App, where the platform opens one (none: no button). */
  app?(platform: Platform, number: number): string | null;
}

/** An optional rule: voters must belong to a channel or community. */
/**
 * A card's Vote button carries a signed note of whom the card was shown to (their language and
 * when they first wrote): a press on it needs no lookup of the person, which on the day a
 * celebrity shares a link is a database read saved on every vote. A token that is not the
 * presser's own is ignored and the person is looked up as always.
 */
export interface PressTokens {
  sign(user: UserRecord): string;
  read(actor: UserRef, token: string): { lang: Lang; createdAt: Date } | null;
}

export interface Membership {
  /** How the channel is named to users (e.g. @dogoodthings). */
  channel: string;
  isMember(user: UserRef): Promise<boolean>;
}
