// A rate limit as a platform counts it: at most `perSecond` sends in any one-second window, and
// sends spread evenly rather than bunched at the start of each second. The window is kept a
// little longer than a second, so requests that arrive bunched after network jitter still fit.

const WINDOW_MS = 1_020;

export class Pace {
  readonly perSecond: number;
  private readonly limit: number;
  private readonly interval: number;
  /** Departure times of the last `limit` sends (a ring). */
  private readonly times: number[];
  private head = 0;
  private count = 0;
  private next = 0;

  constructor(perSecond: number) {
    this.perSecond = perSecond;
    this.limit = Math.max(1, Math.floor(perSecond));
    this.interval = 1000 / perSecond;
    this.times = new Array<number>(this.limit).fill(0);
  }

  /** The earliest moment the next send fits. */
  earliest(now: number): number {
    // The send `limit` places back must have left the window before another may go.
    const windowOpens = this.count < this.limit ? 0 : this.times[this.head]! + WINDOW_MS;
    return Math.max(now, this.next, windowOpens);
  }

  /** Records a send leaving at `at` (the real moment: a busy event loop wakes late). */
  take(at: number): void {
    this.times[this.head] = at;
    this.head = (this.head + 1) % this.limit;
    this.count = Math.min(this.limit, this.count + 1);
    // Even spacing from the later of the plan and the real departure: after a stall the sender
    // does not catch up in a burst.
    this.next = Math.max(this.next, at - this.interval) + this.interval;
  }
}
