/** How long people have been waiting for answers, as `InFlight.waiting` tells it. */
export interface Waiting {
  /** How many updates finished since the last look. */
  finished: number;
  /** The mean time they took to handle (0 when none finished). */
  meanMs: number;
  /** How long the oldest update still in hand has been waiting (0 when none is). */
  oldestMs: number;
}

/**
 * Counts work in hand, so a graceful stop can wait for it (up to a deadline); and, for people's
 * updates (not the work that goes on after an answer), how long they take, so the outbox can
 * give way to them when they start to wait (bot/give-way.ts).
 */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];
  /** The updates in hand, by when each started. */
  private readonly updates = new Map<object, number>();
  private finishedMs = 0;
  private finished = 0;

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.count += 1;
    try {
      return await work();
    } finally {
      this.count -= 1;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    }
  }

  /** Runs a person's update: counted as `run` does, and timed. */
  async update<T>(work: () => Promise<T>): Promise<T> {
    const token = {};
    const started = performance.now();
    this.updates.set(token, started);
    try {
      return await this.run(work);
    } finally {
      this.updates.delete(token);
      this.finishedMs += performance.now() - started;
      this.finished += 1;
    }
  }

  /** How long people wait now; starts a new window for the mean. */
  waiting(): Waiting {
    const now = performance.now();
    let oldest = now;
    for (const started of this.updates.values()) oldest = Math.min(oldest, started);
    const { finished } = this;
    const meanMs = finished ? this.finishedMs / finished : 0;
    this.finishedMs = 0;
    this.finished = 0;
    return { finished, meanMs, oldestMs: now - oldest };
  }

  /** Resolves when nothing is in hand, or after `deadlineMs`, whichever comes first. */
  async idle(deadlineMs: number): Promise<void> {
    if (this.count === 0) return;
    await Promise.race([
      new Promise<void>((resolve) => this.waiters.push(resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, deadlineMs).unref()),
    ]);
  }
}
