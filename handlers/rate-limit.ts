import type { UserRef } from './protocol.js';

// Anti-abuse: a person (or a script) acting faster than a human can gets a "slow down" answer
// instead of work. Checked before anything touches the database: the count is kept in memory,
// per person, in a window of a few seconds, and only someone past the first few actions of a
// window is also counted in the database (SharedCounts), so the limit holds for the bot behind a
// load balancer too. Each process may let through `askAfter - 1` actions of a window before it
// asks: across P processes a person gets at most `max + P × (askAfter - 1)` in a window.

/** Counts kept in the database for everyone's processes. */
export interface SharedCounts {
  /** Adds `n` to a person's count in a window (by its start) and returns the count across processes. */
  add(person: UserRef, window: number, n: number): Promise<number>;
}

export type Verdict = 'allow' | 'refuse' | 'refuse-quietly';

interface Seen {
  /** When the person's recent actions were, in this process. */
  times: number[];
  /** The window (by its start) the shared count was last added to, and what is not yet in it. */
  window: number;
  unshared: number;
  /** The person was already told to slow down in this window. */
  told: boolean;
}

export class RateLimiter {
  private readonly seen = new Map<string, Seen>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly shared?: SharedCounts,
    private readonly askAfter = 3,
    /** People remembered at once: the oldest are forgotten first (their windows are long over). */
    private readonly remember = 100_000,
  ) {}

  /** Records an action and says whether it may go on (wall-clock time, not campaign time). */
  async check(user: UserRef): Promise<Verdict> {
    const now = Date.now();
    const key = `${user.platform}:${user.id}`;
    const window = Math.floor(now / this.windowMs) * this.windowMs;
    const seen = this.touch(key, window);
    seen.times = seen.times.filter((at) => at > now - this.windowMs);
    if (seen.times.length >= this.max) return this.refusal(seen);
    seen.times.push(now);
    seen.unshared += 1;
    if (!this.shared || seen.times.length < this.askAfter) return 'allow';
    const n = seen.unshared;
    seen.unshared = 0;
    const total = await this.shared.add(user, window, n);
    return total > this.max ? this.refusal(seen) : 'allow';
  }

  private refusal(seen: Seen): Verdict {
    if (seen.told) return 'refuse-quietly';
    seen.told = true;
    return 'refuse';
  }

  private touch(key: string, window: number): Seen {
    let seen = this.seen.get(key);
    if (seen) {
      // Most recently active last: the map's first entries are the ones to forget.
      this.seen.delete(key);
      if (seen.window !== window) seen = { ...seen, window, unshared: 0, told: false };
    } else {
      seen = { times: [], window, unshared: 0, told: false };
      if (this.seen.size >= this.remember) this.seen.delete(this.seen.keys().next().value!);
    }
    this.seen.set(key, seen);
    return seen;
  }
}
