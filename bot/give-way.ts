import type { Waiting } from './in-flight.js';

// Announcements give way to people. A person who presses Vote waits for the answer; someone
// reading a broadcast does not notice it arriving a minute later. Sending a thousand messages a
// second costs the process and its database as much as the people's updates do, so while those
// start to wait, the outbox slows its announcements, results and reminders (never a person's own
// answers), and speeds them up again once the wait is gone: halved each look the wait is over
// the target, a tenth of the rate back each look it is well under. Queuing a broadcast (reading
// the recipients, writing the outbox) keeps to the same share of its time.
//
// Each process judges by its own updates: behind a load balancer the processes share them
// evenly, so the one holding the sender lease sees what the others do.

/** How often the wait is looked at. */
const LOOK_EVERY_MS = 250;
/** The slowest share of the rate, and the least rate a second (a slow rate saves nothing). */
const LEAST_SHARE = 0.03;
const LEAST_RATE = 30;
/** What each quiet look gives back. */
const STEP = 0.1;
/**
 * The longest rest between two pieces of background work. A broadcast's queuing renews its 15 s
 * lease with each page, so a rest and the next page must fit in it. With 3 s, a page of a
 * thousand recipients still took a third of the time at the surge's start, and people waited.
 */
const MOST_REST_MS = 8_000;

export class GiveWay {
  private share = 1;
  private timer: NodeJS.Timeout | null = null;
  /** Rests under way: a stop ends them (the process stops; the work's lease passes it on). */
  private readonly resting = new Set<() => void>();

  constructor(
    private readonly waiting: () => Waiting,
    /** The wait people should not pass; 0 turns giving way off. */
    private readonly targetMs: number,
  ) {}

  start(): void {
    if (this.timer || this.targetMs <= 0) return;
    this.timer = setInterval(() => this.look(this.waiting()), LOOK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const wake of this.resting) wake();
  }

  /** Adjusts the share to what people wait now. */
  private look({ finished, meanMs, oldestMs }: Waiting): void {
    // What the people answered lately waited; when none was, what the oldest in hand waits (a
    // single slow organiser's export among many quick answers does not stop a broadcast).
    const wait = finished ? meanMs : oldestMs;
    if (wait > this.targetMs) this.share = Math.max(LEAST_SHARE, this.share / 2);
    else if (wait < this.targetMs / 2) this.share = Math.min(1, this.share + STEP);
  }

  /**
   * Rests after a piece of long background work (a page of a broadcast queued) that took
   * `workedMs`, so the work keeps to its share of the time while people wait.
   */
  async rest(workedMs: number): Promise<void> {
    const ms = Math.min(MOST_REST_MS, workedMs * (1 / this.share - 1));
    if (ms < 1 || !this.timer) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.resting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.resting.add(wake);
    });
  }

  /** The rate announcements may go at now, out of `fullRate`. */
  rateOf(fullRate: number): number {
    const least = Math.min(fullRate, Math.max(LEAST_RATE, fullRate * LEAST_SHARE));
    return Math.max(least, fullRate * this.share);
  }
}
