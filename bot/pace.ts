// A rate limit as a platform counts it: at most `perSecond` sends in any one-second window, and
// sends spread evenly rather than bunched at the start of each second.
//
// The platform counts a send when it reaches it, which is somewhere between the moment it left
// here and the moment its answer came back; jitter on the way (a busy event loop here, the
// network, the platform's own) moves that moment. So a send counts here as of its answer, the
// latest moment the platform can have counted it: the send `limit` places back must have been
// answered a whole window before the next one leaves. However the sends bunch on the way, the
// platform never sees more than the limit in its window, and the cost is only the answer time
// (a few milliseconds) on each window. A 429 met anyway lengthens the window a little.

/** A second and a little (the platform stamps in whole milliseconds). */
const FIRST_WINDOW_MS = 1_005;
/** What a 429 adds to the window, and the most it may grow to. */
const WIDEN_MS = 25;
const WIDEST_MS = 1_200;
/**
 * How far behind its plan the even spacing may catch up. A timer wakes a millisecond or more
 * late, and later on a busy event loop; at 1,000 a second (one send a millisecond) never catching
 * up would lose half the rate to that lateness. The window holds whatever the spacing does.
 */
export const CATCH_UP_MS = 50;

/** A send's place in the pace, to say when it was answered. */
export interface PaceTicket {
  index: number;
  round: number;
}

export class Pace {
  readonly perSecond: number;
  private readonly limit: number;
  private windowMs = FIRST_WINDOW_MS;
  private readonly interval: number;
  /** When each of the last `limit` sends left, raised to when it was answered (a ring). */
  private readonly times: number[];
  /** How many times each place of the ring was taken: a late answer finds its own send. */
  private readonly rounds: number[];
  private head = 0;
  private count = 0;
  private next = 0;

  constructor(perSecond: number) {
    this.perSecond = perSecond;
    this.limit = Math.max(1, Math.floor(perSecond));
    this.interval = 1000 / perSecond;
    this.times = new Array<number>(this.limit).fill(0);
    this.rounds = new Array<number>(this.limit).fill(0);
  }

  /** The earliest moment the next send fits. */
  earliest(now: number): number {
    // The send `limit` places back must have left the window before another may go.
    const windowOpens = this.count < this.limit ? 0 : this.times[this.head]! + this.windowMs;
    return Math.max(now, this.next, windowOpens);
  }

  /** Records a send leaving at `at` (the real moment: a busy event loop wakes late). */
  take(at: number): PaceTicket {
    const ticket = { index: this.head, round: ++this.rounds[this.head]! };
    this.times[this.head] = at;
    this.head = (this.head + 1) % this.limit;
    this.count = Math.min(this.limit, this.count + 1);
    // Even spacing, catching up a late wake-up but not a stall: after one the sender does not
    // send a burst.
    this.next = Math.max(this.next, at - CATCH_UP_MS) + this.interval;
    return ticket;
  }

  /** The platform answered the send at `at`: it counted it then at the latest. */
  answered(ticket: PaceTicket, at: number): void {
    if (this.rounds[ticket.index] !== ticket.round) return;
    this.times[ticket.index] = Math.max(this.times[ticket.index]!, at);
  }

  /** The platform said 429 although the pace held: allow for more than was allowed for. */
  widen(): void {
    this.windowMs = Math.min(WIDEST_MS, this.windowMs + WIDEN_MS);
  }
}
