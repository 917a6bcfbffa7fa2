import type { Platform, Reply } from '../handlers/ports.js';
import {
  claimDue,
  markFailed,
  markSent,
  releaseLeases,
  retryLater,
  type OutboxRow,
} from '../models/outbox.js';
import type { Logger } from './logger.js';

// Sends the outbox for one platform: paced under the platform's rate limits, a 429 pauses the
// whole sender for as long as the platform asks, passing failures retry with backoff, a user
// who blocked the bot is marked and not written to again. At most `inFlight` messages are on
// their way at once: that is also the most a crash can send twice (sent, not yet recorded).

/** What a platform said about one send. */
export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** The user blocked the bot or deleted their account: never write to them again. */
  | { kind: 'unreachable'; reason: string }
  /** The platform refused this message for good (bad request): retrying will not help. */
  | { kind: 'rejected'; reason: string }
  | { kind: 'transient'; reason: string };

export interface Transport {
  platform: Platform;
  /** `key` is the outbox row's: a platform that can drop resends (VK's random_id) uses it. */
  send(reply: Reply, key: string): Promise<SendOutcome>;
}

export interface SenderOptions {
  owner: string;
  /** Messages a second, for the whole platform (Telegram: about 30). */
  ratePerSecond: number;
  /** Least time between two messages to one chat (Telegram: about 1 s). */
  perChatIntervalMs: number;
  inFlight: number;
  leaseMs: number;
  maxAttempts: number;
  /** How long to wait before looking again when nothing is due. */
  idleMs: number;
  /** Called with each recipient found unreachable. */
  onUnreachable(reply: Reply): Promise<void>;
}

const WINDOW_MS = 1_020;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

export class OutboxSender {
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private inFlight = new Set<Promise<void>>();
  private nextSlot = 0;
  private pausedUntil = 0;
  private lastToChat = new Map<string, number>();
  /** The send on its way to each chat: the next one to that chat waits for it, keeping order. */
  private chatSends = new Map<string, Promise<void>>();
  private wake: (() => void) | null = null;
  private busy = false;
  /** Rows this sender claimed and has not finished: a re-claim of one (its lease ran out while it
   * waited in a long batch) must not send it a second time. */
  private held = new Set<string>();
  /** When the recent sends started, for the one-second window. */
  private recent: number[] = [];

  constructor(
    private transport: Transport,
    private log: Logger,
    private options: SenderOptions,
  ) {}

  /** Nothing on its way and nothing claimed waiting for a slot. */
  get idle(): boolean {
    return this.inFlight.size === 0 && !this.busy;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Looks at the outbox now instead of after the idle wait (something was just queued). */
  poke(): void {
    this.wake?.();
  }

  /** Stops claiming, lets what is on its way finish, gives back the rest of its leases. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.poke();
    await this.loop;
    await Promise.allSettled(this.inFlight);
    await releaseLeases(this.options.owner);
  }

  /** About a second of sending per claim: few queries, and a stop or crash strands little. */
  private get batchSize(): number {
    const { inFlight, ratePerSecond } = this.options;
    return Math.min(200, Math.max(inFlight * 2, Math.ceil(ratePerSecond)));
  }

  private async claim(): Promise<OutboxRow[]> {
    try {
      const { platform } = this.transport;
      const rows = await claimDue(
        platform,
        this.options.owner,
        this.batchSize,
        this.options.leaseMs,
      );
      const fresh = rows.filter((row) => !this.held.has(row.id));
      for (const row of fresh) this.held.add(row.id);
      return fresh;
    } catch (error) {
      this.log.error({ err: error }, 'outbox claim failed');
      await sleep(1_000);
      return [];
    }
  }

  private async run(): Promise<void> {
    let next = this.claim();
    while (this.running) {
      const rows = await next;
      if (!rows.length) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, this.options.idleMs);
        });
        this.wake = null;
        next = this.claim();
        continue;
      }
      // Claim the following batch while this one goes out: sending never waits on the database.
      next = this.claim();
      this.busy = true;
      for (const row of rows) {
        if (!this.running) break;
        await this.paced(row);
      }
      this.busy = false;
    }
    // Rows claimed ahead are given back by stop().
    await next;
  }

  /**
   * When the next send fits in any one-second window with at most `ratePerSecond` sends (the
   * platform counts that way). The window is kept a little longer than a second, so requests
   * that arrive bunched up after network jitter still fit.
   */
  private windowOpens(): number {
    const limit = Math.max(1, Math.floor(this.options.ratePerSecond));
    const now = Date.now();
    this.recent = this.recent.filter((t) => t > now - WINDOW_MS);
    return this.recent.length < limit ? 0 : this.recent[this.recent.length - limit]! + WINDOW_MS;
  }

  /** Waits for a free slot under the rate limits, then starts sending one row. */
  private async paced(row: OutboxRow): Promise<void> {
    while (this.inFlight.size >= this.options.inFlight) await Promise.race(this.inFlight);
    const chat = `${row.reply.to.platform}:${row.reply.to.id}`;
    const chatReady = (this.lastToChat.get(chat) ?? 0) + this.options.perChatIntervalMs;
    const now = Date.now();
    if (chatReady > now + this.options.idleMs) {
      // This chat just got a message: give the row back rather than hold up everyone else.
      await retryLater(row.id, new Date(chatReady), undefined, false);
      this.held.delete(row.id);
      return;
    }
    await this.chatSends.get(chat);
    const slot = Math.max(
      Date.now(),
      this.nextSlot,
      this.pausedUntil,
      chatReady,
      this.windowOpens(),
    );
    this.nextSlot = slot + 1000 / this.options.ratePerSecond;
    this.lastToChat.set(chat, slot);
    await sleep(slot - Date.now());
    // The time it really leaves (a busy event loop wakes late): that is what the platform counts.
    this.recent.push(Date.now());
    const sending: Promise<void> = this.send(row).finally(() => {
      this.held.delete(row.id);
      this.inFlight.delete(sending);
      if (this.chatSends.get(chat) === sending) this.chatSends.delete(chat);
    });
    this.inFlight.add(sending);
    this.chatSends.set(chat, sending);
  }

  private async send(row: OutboxRow): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await this.transport.send(row.reply, row.id);
    } catch (error) {
      outcome = { kind: 'transient', reason: String(error) };
    }
    try {
      await this.record(row, outcome);
    } catch (error) {
      // The lease runs out and the row is sent again: a duplicate, never a loss.
      this.log.error({ err: error, row: row.id }, 'could not record an outbox outcome');
    }
  }

  private async record(row: OutboxRow, outcome: SendOutcome): Promise<void> {
    switch (outcome.kind) {
      case 'sent':
        return markSent(row.id);
      case 'rate-limited': {
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + outcome.retryAfterMs);
        this.log.warn({ retryAfterMs: outcome.retryAfterMs }, 'rate limited by the platform');
        return retryLater(row.id, new Date(this.pausedUntil), '429', false);
      }
      case 'unreachable':
        await this.options.onUnreachable(row.reply);
        return markFailed(row.id, outcome.reason);
      case 'rejected':
        this.log.warn({ row: row.id, reason: outcome.reason }, 'message rejected by the platform');
        return markFailed(row.id, outcome.reason);
      case 'transient': {
        if (row.attempts + 1 >= this.options.maxAttempts) return markFailed(row.id, outcome.reason);
        const backoffMs = Math.min(60_000, 1_000 * 2 ** row.attempts);
        return retryLater(row.id, new Date(Date.now() + backoffMs), outcome.reason, true);
      }
    }
  }
}
