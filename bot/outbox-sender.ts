import type { Platform, Reply } from '../handlers/protocol.js';
import { addDeliveryFigures, type DeliveryFigures } from '../models/delivery-counters.js';
import { accountKey } from '../models/keys.js';
import {
  openChunks,
  recordProgress,
  rowsOf,
  type OutboxChunk,
  type OutboxRow,
  type Progress,
} from '../models/outbox.js';
import { holdSenderLease, releaseSenderLease } from '../models/sender-lease.js';
import type { GiveWay } from './give-way.js';
import type { Logger } from './logger.js';
import { CATCH_UP_MS, Pace } from './pace.js';

// Sends the outbox of one platform. One process at a time does it (it holds the platform's
// sender lease), so the platform's rate limit holds for the bot however many processes run.
//
// A few workers each take an open chunk, most urgent first, and send its rows in order, paced
// under the platform's limits (shared by all workers); a worker on a broadcast steps aside when
// a more urgent chunk waits. What happened is written in groups: how far each chunk got, the
// failures, the rows to try again later. A 429 pauses the whole sender for as long as the
// platform asks; passing failures come back later with backoff; a user who blocked the bot is
// marked and not written to again.
//
// A row is "in flight" from the moment it is sent until its chunk's place past it is written;
// at most `inFlight` rows are, and no worker runs further than that ahead of what is written:
// that is also the most a crash can send twice (sent, not yet recorded).

/** What a platform said about one send. */
export type SendOutcome =
  | { kind: 'sent'; ref?: string }
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** The user blocked the bot or deleted their account: never write to them again. */
  | { kind: 'unreachable'; reason: string }
  /** The platform refused this message for good (bad request): retrying will not help. */
  | { kind: 'rejected'; reason: string }
  | { kind: 'transient'; reason: string };

export interface SendOptions {
  /** Telegram's paid broadcast (allow_paid_broadcast): past the free limit, for a fee. */
  paid?: boolean;
  /** The same message to many people (OutboxItem.batch): a platform may send them together. */
  batch?: string;
}

export interface Transport {
  platform: Platform;
  /**
   * The transport holds sends to gather them into one request (VK's batches): their answers
   * come late by design and say nothing of when the platform counted them, so the pace counts
   * them as of their departure.
   */
  gathers?: boolean;
  /** `key` is the outbox row's: a platform that can drop resends (VK's random_id) uses it. */
  send(reply: Reply, key: string, options?: SendOptions): Promise<SendOutcome>;
}

export interface PaidBroadcast {
  ratePerSecond: number;
  /** Messages that may go paid in all (the organiser's budget divided by the price). */
  budget: number;
  /** Paid messages already sent (from the delivery counters). */
  spent(): Promise<number>;
}

export interface SenderOptions {
  owner: string;
  /** Messages a second, for the whole bot on this platform (Telegram: about 30). */
  ratePerSecond: number;
  /** When set, announcements and results beyond the free rate go paid, within the budget. */
  paid?: PaidBroadcast;
  /** Least time between two messages to one chat (Telegram: about 1 s). */
  perChatIntervalMs: number;
  inFlight: number;
  maxAttempts: number;
  /** How long to wait before looking again when nothing is due. */
  idleMs: number;
  /** Called with each recipient found unreachable. */
  onUnreachable(reply: Reply): Promise<void>;
  /** Slows announcements while people wait for the bot's answers. */
  giveWay?: GiveWay;
}

/**
 * Sends on their way (sent, their progress not yet written) when the operator does not say: a
 * send waits up to about a fifth of a second for its write (RECORD_EVERY_MS and the write), so
 * the window covers that much of the rate: 10 at Telegram's free 30 a second, 200 at 1,000. It
 * is also the most a crash can send twice.
 */
export function defaultInFlight(ratePerSecond: number): number {
  return Math.min(200, Math.max(10, Math.ceil(ratePerSecond / 5)));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
/** How often the sender looks at its lease (it holds time slices of a few seconds). */
const RENEW_EVERY_MS = 500;
/**
 * A holder stops sending this long before its lease ends (unless it has taken the next slice by
 * then), and a process that takes the lease waits as long before its first send: the last sends
 * of one holder are answered and recorded before the next reads where the chunks stand. Without
 * it, a holder whose renewal came late (its database busy) sent to the very end of its slice, and
 * the next holder sent again what had not been recorded yet (178 doubles in bench:surge).
 */
const HANDOVER_MS = 1_000;
/** Chunks worked on at once: a person's answer need not wait for a broadcast's page. */
const WORKERS = 4;
/** A worker on a less urgent chunk looks for a more urgent one this often (in rows). */
const PREEMPT_EVERY = 16;
/**
 * Progress is written at most this often: at a thousand sends a second, a write for every few
 * sends kept the database busier than the sends did. Sends wait for their write, so the
 * in-flight window must cover this time at the rate (see the default of OUTBOX_IN_FLIGHT).
 */
const RECORD_EVERY_MS = 100;

/** Progress gathered until the next write; whatever came in while one ran goes in the next. */
class Recorder {
  private progress: Progress = Recorder.empty();
  private figures: DeliveryFigures = { sent: 0, failed: 0, rateLimited: 0, paid: 0 };
  private waiting: (() => void)[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    private readonly platform: Platform,
    private readonly log: Logger,
    private readonly isStopping: () => boolean,
  ) {}

  private static empty(): Progress {
    return { done: new Map(), closed: [], failures: [], refs: [], later: [] };
  }

  /** Adds to the next write and resolves once it is written. */
  note(change: (p: Progress) => void, figures: Partial<DeliveryFigures> = {}): Promise<void> {
    change(this.progress);
    for (const [k, n] of Object.entries(figures))
      this.figures[k as keyof DeliveryFigures] += n ?? 0;
    return new Promise((done) => {
      this.waiting.push(done);
      this.kick();
    });
  }

  private lastWrite = 0;
  private timer: NodeJS.Timeout | null = null;

  private kick(): void {
    if (this.writing || this.timer || !this.waiting.length) return;
    const wait = this.lastWrite + RECORD_EVERY_MS - Date.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.kick();
      }, wait);
      return;
    }
    this.lastWrite = Date.now();
    this.writing = this.write().finally(() => {
      this.writing = null;
      this.kick();
    });
  }

  private async write(): Promise<void> {
    const progress = this.progress;
    const figures = this.figures;
    const waiting = this.waiting;
    this.progress = Recorder.empty();
    this.figures = { sent: 0, failed: 0, rateLimited: 0, paid: 0 };
    this.waiting = [];
    for (let attempt = 0; ; attempt += 1) {
      try {
        await recordProgress(this.platform, progress);
        await addDeliveryFigures(this.platform, figures);
        break;
      } catch (error) {
        // The database is away: keep it (the in-flight limit bounds what waits) and try again; a
        // row whose progress is never written is sent again by the next sender.
        this.log.error({ err: error }, 'could not record outbox progress');
        if (this.isStopping() && attempt >= 2) break;
        await sleep(Math.min(5_000, 250 * 2 ** attempt));
      }
    }
    for (const done of waiting) done();
  }
}

/** One chunk being worked on: which of its rows are finished, and how far that is unbroken. */
class ChunkProgress {
  private finished = new Set<number>();
  /** Rows before this place are finished. */
  mark: number;
  /** Rows before this place were sent or are on their way. */
  started: number;
  /** Rows before this place are finished in the database. */
  written: number;
  readonly settled: Promise<void>[] = [];

  constructor(
    readonly chunk: OutboxChunk,
    present: number[],
  ) {
    this.mark = chunk.done;
    this.started = chunk.done;
    this.written = chunk.done;
    // Places with no row (a key that was queued already in another chunk) are finished.
    const here = new Set(present);
    for (let n = chunk.done; n < chunk.size; n += 1) if (!here.has(n)) this.finished.add(n);
    this.advance();
  }

  finish(n: number): number {
    this.finished.add(n);
    this.advance();
    return this.mark;
  }

  private advance(): void {
    while (this.finished.has(this.mark)) this.finished.delete(this.mark++);
  }

  get complete(): boolean {
    return this.mark >= this.chunk.size;
  }

  /** Rows that a crash now would send again: on their way or sent, not yet written finished. */
  get exposed(): number {
    return Math.max(0, this.started - this.written);
  }
}

export class OutboxSender {
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly free: Pace;
  private readonly paidPace: Pace | null;
  private paidLeft = 0;
  private pausedUntil = 0;
  /** The next announcement waits for this while the sender gives way to people (GiveWay). */
  private announcementsFrom = 0;
  private readonly lastToChat = new Map<string, number>();
  /** The send on its way to each chat: the next one to that chat waits for it, keeping order. */
  private readonly chatSends = new Map<string, Promise<void>>();
  private wake: (() => void) | null = null;
  /** Chunks being worked on, by id. */
  private readonly working = new Map<string, Promise<void>>();
  /** The open chunks as last read: a worker steps aside for a more urgent one waiting there. */
  private waitingChunks: OutboxChunk[] = [];
  /** Urgent chunks a worker already steps aside for. */
  private readonly makingWayFor = new Set<string>();
  /** The chunks being sent, for the window of what a crash could send twice. */
  private readonly active = new Set<ChunkProgress>();
  private progressWaiters: (() => void)[] = [];
  private leaseValidUntil = 0;
  /** Taken over from another process (or at start): no send before this (HANDOVER_MS). */
  private sendingFrom = 0;
  private lastRenew = 0;
  private renewal: Promise<boolean> | null = null;
  /** The lease is renewed on a timer of its own, whatever the loop is waiting for. */
  private renewer: NodeJS.Timeout | null = null;
  private readonly recorder: Recorder;
  /**
   * Finished chunks are closed (and their rows deleted) by a writer of their own: deleting a
   * thousand rows takes a while, and the sends waiting for their progress to be written must
   * not wait for it too.
   */
  private readonly closer: Recorder;

  constructor(
    private readonly transport: Transport,
    private readonly log: Logger,
    private readonly options: SenderOptions,
  ) {
    this.free = new Pace(options.ratePerSecond);
    this.paidPace = options.paid ? new Pace(options.paid.ratePerSecond) : null;
    this.recorder = new Recorder(transport.platform, log, () => !this.running);
    this.closer = new Recorder(transport.platform, log, () => !this.running);
  }

  /** Nothing on its way and no chunk being worked on. */
  get idle(): boolean {
    return this.inFlight.size === 0 && this.working.size === 0;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.renewer = setInterval(() => void this.holdLease(), RENEW_EVERY_MS);
    this.renewer.unref();
    this.loop = this.run();
  }

  /** Looks at the outbox now instead of after the idle wait (something was just queued). */
  poke(): void {
    this.wake?.();
  }

  /**
   * Resolves once nothing in this platform's outbox is due and nothing is on its way: what was
   * queued before has been sent (the terminal chat shows a line's messages before its prompt).
   */
  async settled(): Promise<void> {
    while (this.running) {
      const now = Date.now();
      const due = (await openChunks(this.transport.platform)).some(
        (c) => c.nextAt.getTime() <= now,
      );
      if (!due && this.idle) return;
      this.poke();
      await Promise.race([
        Promise.allSettled([...this.working.values()]),
        new Promise((resolve) => setTimeout(resolve, 10)),
      ]);
    }
  }

  /** Stops taking rows, lets what is on its way finish and be recorded, gives back its lease. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.renewer) clearInterval(this.renewer);
    this.poke();
    await this.loop;
    await Promise.allSettled([...this.working.values()]);
    await releaseSenderLease(this.transport.platform, this.options.owner).catch(() => undefined);
  }

  /** Holds (or extends) the platform's sender lease; false while another process sends. */
  private holdLease(): Promise<boolean> {
    this.renewal ??= this.renewLease().finally(() => {
      this.renewal = null;
    });
    return this.renewal;
  }

  private async renewLease(): Promise<boolean> {
    if (!this.running) return false;
    const now = Date.now();
    if (now - this.lastRenew < RENEW_EVERY_MS && now < this.leaseValidUntil) return true;
    try {
      const until = await holdSenderLease(this.transport.platform, this.options.owner, now);
      this.lastRenew = now;
      const first = this.leaseValidUntil <= now && until > 0;
      if (first) this.sendingFrom = now + HANDOVER_MS;
      this.leaseValidUntil = until;
      if (first && this.options.paid)
        this.paidLeft = Math.max(0, this.options.paid.budget - (await this.options.paid.spent()));
      return until > now;
    } catch (error) {
      this.log.warn({ err: error }, 'could not renew the sender lease');
      return now < this.leaseValidUntil;
    }
  }

  /** May send now: holds the lease, and not in the handover's second at either end. */
  private get leaseHeld(): boolean {
    const now = Date.now();
    return this.running && now >= this.sendingFrom && now < this.leaseValidUntil - HANDOVER_MS;
  }

  private async rest(ms: number): Promise<void> {
    // Stopped while not resting (its wake-up came before the rest): no rest.
    if (!this.running) return;
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      setTimeout(resolve, ms);
    });
    this.wake = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const held = await this.holdLease();
      if (!held || !this.leaseHeld) {
        // Another process sends; or this one is in a handover's second.
        await this.rest(held ? 100 : 1_000);
        continue;
      }
      let chunks: OutboxChunk[];
      try {
        chunks = await openChunks(this.transport.platform);
      } catch (error) {
        this.log.error({ err: error }, 'could not read the outbox');
        await this.rest(1_000);
        continue;
      }
      const now = Date.now();
      this.waitingChunks = chunks.filter(
        (c) => c.nextAt.getTime() <= now && !this.working.has(c.id),
      );
      for (const chunk of this.waitingChunks) {
        if (this.working.size >= WORKERS) break;
        this.makingWayFor.delete(chunk.id);
        const work = this.work(chunk).finally(() => {
          this.working.delete(chunk.id);
          this.poke();
        });
        this.working.set(chunk.id, work);
      }
      const next = chunks.find((c) => c.nextAt.getTime() > now);
      const wait = next
        ? Math.min(this.options.idleMs, next.nextAt.getTime() - now)
        : this.options.idleMs;
      await this.rest(wait);
    }
  }

  /**
   * True when a more urgent chunk than this one waits and no worker is free for it. One worker
   * steps aside for each such chunk, not every worker at once (they would all stop and start
   * again, and the sends with them).
   */
  private outranked(chunk: OutboxChunk): boolean {
    if (this.working.size < WORKERS) return false;
    const urgent = this.waitingChunks.find(
      (c) => c.lane < chunk.lane && !this.working.has(c.id) && !this.makingWayFor.has(c.id),
    );
    if (!urgent) return false;
    this.makingWayFor.add(urgent.id);
    return true;
  }

  /** Sends a chunk's rows in order, as far as it may; the chunk stays open for what is left. */
  private async work(chunk: OutboxChunk): Promise<void> {
    let rows: OutboxRow[];
    try {
      rows = await rowsOf(chunk);
    } catch (error) {
      this.log.error({ err: error, chunk: chunk.id }, 'could not read a chunk');
      return;
    }
    const progress = new ChunkProgress(
      chunk,
      rows.map((r) => r.n),
    );
    this.active.add(progress);
    try {
      for (const [i, row] of rows.entries()) {
        if (!this.leaseHeld) break;
        if (i % PREEMPT_EVERY === PREEMPT_EVERY - 1 && this.outranked(chunk)) break;
        // All chunks together never further ahead of what is written than the in-flight window:
        // that is the most a crash can send twice.
        while (this.exposed() >= this.options.inFlight) await this.progressWritten();
        progress.started = row.n + 1;
        await this.paced(row, progress);
      }
      await Promise.allSettled(progress.settled);
      if (progress.complete)
        await this.closer.note((p) => {
          p.done.set(chunk.id, chunk.size);
          p.closed.push(chunk.id);
        });
    } finally {
      this.active.delete(progress);
      this.wroteProgress();
    }
  }

  private exposed(): number {
    let n = 0;
    for (const p of this.active) n += p.exposed;
    return n;
  }

  private progressWritten(): Promise<void> {
    return new Promise((resolve) => this.progressWaiters.push(resolve));
  }

  private wroteProgress(): void {
    const waiters = this.progressWaiters;
    this.progressWaiters = [];
    for (const wake of waiters) wake();
  }

  /** The rate pool a row goes through: the free one, or the paid one for a broadcast overflow. */
  private poolFor(row: OutboxRow, now: number): { pace: Pace; paid: boolean } {
    const paid = this.paidPace;
    const overflow = paid && row.lane > 0 && this.paidLeft > 0 && this.free.earliest(now) > now;
    return overflow ? { pace: paid, paid: true } : { pace: this.free, paid: false };
  }

  /** Waits for a free slot under the rate limits, then starts sending one row. */
  private async paced(row: OutboxRow, progress: ChunkProgress): Promise<void> {
    while (this.inFlight.size >= this.options.inFlight) await Promise.race(this.inFlight);
    const chat = accountKey(row.reply.to);
    await this.chatSends.get(chat);
    const chatReady = (this.lastToChat.get(chat) ?? 0) + this.options.perChatIntervalMs;
    let now = Date.now();
    const announcement = row.lane > 0;
    const earliest = (now: number, pace: Pace) =>
      Math.max(
        this.pausedUntil,
        chatReady,
        pace.earliest(now),
        announcement ? this.announcementsFrom : 0,
      );
    let pool = this.poolFor(row, now);
    let slot = earliest(now, pool.pace);
    while (slot > now) {
      await sleep(slot - now);
      now = Date.now();
      pool = this.poolFor(row, now);
      slot = earliest(now, pool.pace);
    }
    // The time it really leaves: that is what the platform counts.
    const ticket = pool.pace.take(now);
    if (announcement) this.gaveWay(now, pool.pace.perSecond);
    if (pool.paid) this.paidLeft -= 1;
    this.lastToChat.set(chat, now);
    this.forgetQuietChats(now);
    const answered = () => {
      if (!this.transport.gathers) pool.pace.answered(ticket, Date.now());
    };
    const sending: Promise<void> = this.send(row, pool.paid, progress, answered).finally(() => {
      this.inFlight.delete(sending);
      if (this.chatSends.get(chat) === sending) this.chatSends.delete(chat);
    });
    this.inFlight.add(sending);
    this.chatSends.set(chat, sending);
    progress.settled.push(sending);
    void sending.then(() => progress.settled.splice(progress.settled.indexOf(sending), 1));
  }

  /** Spaces the next announcement at the rate people's waiting leaves them (GiveWay). */
  private gaveWay(now: number, fullRate: number): void {
    const rate = this.options.giveWay?.rateOf(fullRate) ?? fullRate;
    this.announcementsFrom =
      rate < fullRate ? Math.max(this.announcementsFrom, now - CATCH_UP_MS) + 1000 / rate : 0;
  }

  /** The last-send times that no longer hold anything up. */
  private forgetQuietChats(now: number): void {
    if (this.lastToChat.size < 10_000) return;
    const before = now - this.options.perChatIntervalMs;
    for (const [chat, at] of this.lastToChat) if (at < before) this.lastToChat.delete(chat);
  }

  private async send(
    row: OutboxRow,
    paid: boolean,
    progress: ChunkProgress,
    answered: () => void,
  ): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await this.transport.send(row.reply, row.id, {
        ...(paid ? { paid } : {}),
        ...(row.batch ? { batch: row.batch } : {}),
      });
    } catch (error) {
      outcome = { kind: 'transient', reason: String(error) };
    }
    answered();
    const covered = { mark: progress.written };
    await this.record(row, outcome, paid, progress, covered);
    // That write had the chunk's place at least as far as this row's finish took it.
    progress.written = Math.max(progress.written, covered.mark);
    this.wroteProgress();
  }

  private async record(
    row: OutboxRow,
    outcome: SendOutcome,
    paid: boolean,
    progress: ChunkProgress,
    covered: { mark: number },
  ): Promise<void> {
    const moved = (p: Progress) => {
      covered.mark = progress.finish(row.n);
      p.done.set(row.chunk, covered.mark);
    };
    const failed = (error: string) => (p: Progress) => {
      moved(p);
      p.failures.push({ id: row.id, recipient: accountKey(row.reply.to), error });
    };
    const later = (at: Date, counts: boolean) => (p: Progress) => {
      moved(p);
      p.later.push({ row, at, counts });
    };
    switch (outcome.kind) {
      case 'sent':
        return this.recorder.note(
          (p) => {
            moved(p);
            if (row.keepRef && outcome.ref)
              p.refs.push({ id: row.id, chat: row.reply.to.id, ref: outcome.ref });
          },
          { sent: 1, ...(paid ? { paid: 1 } : {}) },
        );
      case 'rate-limited': {
        // Once per episode: the sends already on their way meet the same 429.
        if (this.pausedUntil < Date.now()) (paid ? this.paidPace : this.free)?.widen();
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + outcome.retryAfterMs);
        if (paid) this.paidLeft += 1;
        this.log.warn({ retryAfterMs: outcome.retryAfterMs }, 'rate limited by the platform');
        return this.recorder.note(later(new Date(this.pausedUntil), false), { rateLimited: 1 });
      }
      case 'unreachable':
        await this.options
          .onUnreachable(row.reply)
          .catch((error: unknown) =>
            this.log.warn({ err: error }, 'could not mark a user unreachable'),
          );
        return this.recorder.note(failed(outcome.reason), { failed: 1 });
      case 'rejected':
        this.log.warn({ row: row.id, reason: outcome.reason }, 'message rejected by the platform');
        return this.recorder.note(failed(outcome.reason), { failed: 1 });
      case 'transient': {
        if (row.attempts + 1 >= this.options.maxAttempts)
          return this.recorder.note(failed(outcome.reason), { failed: 1 });
        const backoffMs = Math.min(60_000, 1_000 * 2 ** row.attempts);
        return this.recorder.note(later(new Date(Date.now() + backoffMs), true));
      }
    }
  }
}
