import { createHash } from 'node:crypto';
import type { UserRef } from './protocol.js';

// Fair exposure: paged from №1, the lowest numbers would get the most views and so the most
// votes. Each voter instead browses a category in an order of their own: entries sorted by a hash
// of (voter, category, number). The order is stable for that voter (Previous and Next always
// agree), differs between voters, and does not reshuffle when an entry is published or hidden:
// every entry keeps its place, the others close up around it.

/** Where an entry sorts in this voter's order of a category. */
export function exposureRank(voter: UserRef, category: string, number: number): string {
  return createHash('sha256')
    .update(`${voter.platform}:${voter.id}:${category}:${number}`)
    .digest('hex')
    .slice(0, 16);
}

/** The category's entries (their numbers) in this voter's own order. */
export function voterOrder(voter: UserRef, category: string, numbers: number[]): number[] {
  return numbers
    .map((n) => ({ n, rank: exposureRank(voter, category, n) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.n - b.n))
    .map((x) => x.n);
}

/**
 * The place after (1) or before (-1) entry `from` in the voter's order, wrapping around. `from`
 * may have left the list meanwhile (hidden): its rank still says where it stood.
 */
export function stepFrom(
  voter: UserRef,
  category: string,
  order: number[],
  from: number,
  direction: 1 | -1,
): number {
  const here = order.indexOf(from);
  if (here >= 0) return (here + direction + order.length) % order.length;
  const rank = exposureRank(voter, category, from);
  const after = order.findIndex((n) => exposureRank(voter, category, n) > rank);
  const next = after < 0 ? order.length : after;
  return (direction === 1 ? next : next - 1 + order.length) % order.length;
}
