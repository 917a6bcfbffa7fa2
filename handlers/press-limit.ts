import type { UserRef } from './ports.js';

// Anti-abuse: a person (or a script) pressing buttons faster than a human can gets a "slow down"
// answer instead of work. Kept in the process's memory: with several processes behind a load
// balancer each keeps its own count, which still bounds one account to a few presses a second.

export class PressLimiter {
  private presses = new Map<string, number[]>();

  constructor(
    private readonly maxPresses: number,
    private readonly windowMs: number,
  ) {}

  /** Records a press and says whether it is within the limit (wall-clock time, not campaign time). */
  allow(user: UserRef): boolean {
    const key = `${user.platform}:${user.id}`;
    const t = Date.now();
    const recent = (this.presses.get(key) ?? []).filter((at) => at > t - this.windowMs);
    const allowed = recent.length < this.maxPresses;
    if (allowed) recent.push(t);
    this.presses.set(key, recent);
    if (this.presses.size > 100_000) this.forgetIdle(t);
    return allowed;
  }

  private forgetIdle(t: number): void {
    for (const [key, times] of this.presses) {
      if (!times.some((at) => at > t - this.windowMs)) this.presses.delete(key);
    }
  }
}
