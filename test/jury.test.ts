import { describe, expect, it } from 'vitest';
import { finalistsOf, rankWithJury } from '../handlers/jury.js';
import type { TallyRow } from '../handlers/ports.js';

// The final ranking with a jury: finalists by weighted shares of the public vote and of the
// jury's scores, everyone else by votes after them; equal sums share a place and are flagged.

const row = (number: number, votes: number, category = 'animals'): TallyRow => ({
  entryId: `e${number}`,
  number,
  category,
  author: { platform: 'telegram', id: String(number) },
  votes,
});

const jury = (publicWeight: number, finalists = 3) => ({ members: [], finalists, publicWeight });

describe('the ranking with a jury', () => {
  it('takes the top three by votes as finalists, and everyone tied with the third', () => {
    const rows = [row(1, 50), row(2, 30), row(3, 20), row(4, 20), row(5, 5)];
    expect(finalistsOf(rows, 3).map((r) => r.number)).toEqual([1, 2, 3, 4]);
    expect(finalistsOf(rows.slice(0, 2), 3).map((r) => r.number)).toEqual([1, 2]);
  });

  it('lets the jury overturn the public vote by the weights given', () => {
    // Public shares 0.5, 0.3, 0.2; jury means 4, 6, 10 → shares 0.2, 0.3, 0.5.
    const rows = [row(1, 50), row(2, 30), row(3, 20), row(4, 10)];
    const scores = { e1: [4, 4], e2: [6, 6], e3: [10, 10] };
    const half = rankWithJury(rows, ['animals'], 3, jury(0.5), scores)[0]!;
    // 0.35, 0.3, 0.35: #1 and #3 tie for first, flagged; #4 is not a finalist and comes last.
    expect(half.standings.map((s) => [s.number, s.place])).toEqual([
      [1, 1],
      [3, 1],
      [2, 3],
      [4, 4],
    ]);
    expect(half.ties).toEqual([{ place: 1, numbers: [1, 3] }]);
    expect(half.standings[0]!.jury).toBe(4);

    const juryLed = rankWithJury(rows, ['animals'], 3, jury(0.2), scores)[0]!;
    expect(juryLed.standings.map((s) => s.number)).toEqual([3, 2, 1, 4]);
    expect(juryLed.ties).toEqual([]);
    const publicOnly = rankWithJury(rows, ['animals'], 3, jury(1), scores)[0]!;
    expect(publicOnly.standings.map((s) => s.number)).toEqual([1, 2, 3, 4]);
  });

  it('ranks by the public share alone while the jury has not scored, and keeps categories apart', () => {
    const rows = [row(1, 10), row(2, 30), row(3, 7, 'elderly')];
    const [animals, elderly] = rankWithJury(rows, ['animals', 'elderly'], 3, jury(0.5), {});
    expect(animals!.standings.map((s) => [s.number, s.place])).toEqual([
      [2, 1],
      [1, 2],
    ]);
    expect(elderly!.standings.map((s) => s.number)).toEqual([3]);
  });

  it('flags equal sums past the prize places only among the prize places', () => {
    const rows = [row(1, 40), row(2, 30), row(3, 30), row(4, 10), row(5, 10)];
    const [result] = rankWithJury(rows, ['animals'], 1, jury(1, 3), {});
    // #2 and #3 share second place, outside the one prize place: not flagged.
    expect(result!.standings.map((s) => s.place)).toEqual([1, 2, 2, 4, 4]);
    expect(result!.ties).toEqual([]);
  });
});
