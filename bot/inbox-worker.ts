import { LRUCache } from 'lru-cache';
import { claimInbox, finishInbox, keepInInbox, retryInboxLater } from '../models/inbox.js';
import { isDatabaseUnavailable } from '../models/errors.js';
import { DeliverAgain } from './event-flow.js';
import type { Logger } from './logger.js';

// Handles the events a platform pushed and the inbox kept (see models/inbox.ts): at once, in the
// process that kept one, and by looking every second for events whose handler died or met the
// database away. Events that could not even be kept (the database was away when they came) wait
// in a bounded spool and are kept as soon as it is back.

export interface InboxWorkerOptions {
  platform: string;
  owner: string;
  /** How long a kept event is held by the process handling it. */
  leaseMs: number;
  handle(raw: unknown): Promise<void>;
  /** Tells the person behind an event that could not be kept that it will be handled later. */
  tellAway(raw: unknown, eventId: string): Promise<void>;
  log: Logger;
}

const LOOK_EVERY_MS = 1_000;
const RETRY_AFTER_MS = 2_000;

export class InboxWorker {
  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private looking: Promise<void> = Promise.resolve();
  private readonly inHand = new Set<Promise<void>>();
  /** Events not yet kept, by the platform's id. */
  private readonly spool = new LRUCache<string, string>({ max: 10_000 });

  constructor(private readonly options: InboxWorkerOptions) {}

  start(): void {
    this.running = true;
    this.timer = setInterval(() => {
      this.looking = this.look().catch((error: unknown) =>
        this.options.log.warn({ err: error }, 'inbox look failed'),
      );
    }, LOOK_EVERY_MS);
  }

  async stop(deadlineMs = 8_000): Promise<void> {
    this.running = false;
    if (this.timer) clearInterval(this.timer);
    await this.looking;
    const deadline = new Promise((r) => setTimeout(r, deadlineMs).unref());
    await Promise.race([Promise.allSettled([...this.inHand]), deadline]);
  }

  /**
   * Keeps an event; true when it is safe to tell the platform "ok" (kept now or before). While
   * the database is away it is spooled and false is returned: the platform should send it again.
   */
  async keep(eventId: string, body: string): Promise<boolean> {
    const { platform, owner, leaseMs } = this.options;
    let fresh: boolean;
    try {
      fresh = await keepInInbox(platform, eventId, body, owner, leaseMs);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      if (!this.spool.has(eventId)) {
        this.spool.set(eventId, body);
        // Once per event: VK sends it again, and each answer says the same.
        await this.options
          .tellAway(JSON.parse(body), eventId)
          .catch((e: unknown) =>
            this.options.log.warn({ err: e }, 'could not tell about the outage'),
          );
      }
      return false;
    }
    this.spool.delete(eventId);
    if (fresh) this.handleNow(`${platform}:${eventId}`, body);
    return true;
  }

  private handleNow(id: string, body: string): void {
    const work = this.handleOne(id, body).finally(() => this.inHand.delete(work));
    this.inHand.add(work);
  }

  private async handleOne(id: string, body: string): Promise<void> {
    try {
      await this.options.handle(JSON.parse(body));
    } catch (error) {
      if (error instanceof DeliverAgain) {
        await retryInboxLater(id, new Date(Date.now() + RETRY_AFTER_MS)).catch(() => undefined);
        return;
      }
      // The edge told the person; a redelivery would fail the same way.
      this.options.log.error({ err: error, event: id }, 'inbox event failed');
    }
    await finishInbox(id).catch((error: unknown) =>
      this.options.log.warn({ err: error, event: id }, 'could not mark an inbox event done'),
    );
  }

  private async look(): Promise<void> {
    if (!this.running) return;
    for (const [eventId, body] of [...this.spool.entries()]) {
      if (!(await this.keep(eventId, body))) return;
    }
    const { platform, owner, leaseMs } = this.options;
    const rows = await claimInbox(platform, owner, 50, leaseMs);
    for (const row of rows) this.handleNow(row.id, row.body);
  }
}
