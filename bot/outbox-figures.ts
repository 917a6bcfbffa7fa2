import { deliveryTotals } from '../models/delivery-counters.js';
import { outboxWaiting } from '../models/outbox.js';

// What /healthz and /metrics say about the outbox, read in the background every few seconds: a
// probe or a scrape never waits on the database, and never counts the whole outbox.

export interface OutboxSnapshot {
  /** Messages queued and not yet sent (from the open chunks). */
  pending: number;
  /** Running totals from the delivery counters (they outlive the pruned rows). */
  sent: number;
  failed: number;
  rateLimited: number;
  paid: number;
  /** When it was read; 0 before the first reading. */
  at: number;
}

export class OutboxFigures {
  snapshot: OutboxSnapshot = {
    pending: 0,
    sent: 0,
    failed: 0,
    rateLimited: 0,
    paid: 0,
    at: 0,
  };
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly everyMs = 10_000) {}

  start(): void {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    try {
      const [pending, totals] = await Promise.all([outboxWaiting(), deliveryTotals()]);
      this.snapshot = { pending, ...totals, at: Date.now() };
    } catch {
      // The database is away: the last reading stands, and /healthz says the database is away.
    }
  }
}
