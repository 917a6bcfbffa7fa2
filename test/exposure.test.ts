import { describe, expect, it } from 'vitest';
import { stepFrom, voterOrder } from '../handlers/exposure.js';
import type { UserRef } from '../handlers/protocol.js';

// Fair exposure: the order a category is browsed in is the voter's own, so no entry is shown
// first to everyone because of its number.

const numbers = Array.from({ length: 20 }, (_, i) => i + 1);
/** Telegram ids grow over time: a thousand accounts registered one after another. */
const voters: UserRef[] = Array.from({ length: 1_000 }, (_, i) => ({
  platform: 'telegram',
  id: String(7_000_000_000 + i),
}));

describe('each voter’s own order of a category', () => {
  it('shows every one of 20 entries first to between 2% and 8% of 1,000 voters', () => {
    const firsts = new Map<number, number>();
    for (const voter of voters) {
      const first = voterOrder(voter, 'animals', numbers)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    expect(firsts.size).toBe(20);
    for (const n of numbers) {
      const share = (firsts.get(n) ?? 0) / voters.length;
      expect(share).toBeGreaterThanOrEqual(0.02);
      expect(share).toBeLessThanOrEqual(0.08);
    }
  });

  it('is the same every time for one voter, and another in another category', () => {
    const voter = voters[0]!;
    expect(voterOrder(voter, 'animals', numbers)).toEqual(voterOrder(voter, 'animals', numbers));
    expect(voterOrder(voter, 'animals', numbers)).not.toEqual(
      voterOrder(voter, 'elderly', numbers),
    );
  });

  it('keeps everyone else in place when an entry is hidden, and pages on from the hidden one', () => {
    const voter = voters[1]!;
    const order = voterOrder(voter, 'animals', numbers);
    const hidden = order[5]!;
    const without = voterOrder(
      voter,
      'animals',
      numbers.filter((n) => n !== hidden),
    );
    expect(without).toEqual(order.filter((n) => n !== hidden));
    // A card of the hidden entry still open: Next goes where it would have, and Previous too.
    expect(without[stepFrom(voter, 'animals', without, hidden, 1)]).toBe(order[6]);
    expect(without[stepFrom(voter, 'animals', without, hidden, -1)]).toBe(order[4]);
  });
});
