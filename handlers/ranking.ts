import type { TallyRow } from './ports.js';

// Per category, entries ranked by votes. Equal votes share a place (1, 2, 2, 4); a tie for a
// prize place is reported to the organisers, never broken silently. (With a jury, jury.ts ranks
// the finalists.)

export interface Standing extends TallyRow {
  place: number;
  /** With a jury (see jury.ts), a finalist's mean jury score. */
  jury?: number;
  /** With a jury, a finalist's weighted share of the public vote and of the jury's scores. */
  combined?: number;
}

export interface CategoryResult {
  category: string;
  standings: Standing[];
  /** Places up to the prize places held by more than one entry. */
  ties: { place: number; numbers: number[] }[];
}

/** Places up to the prize places that more than one entry holds. */
export function tiesOf(standings: Standing[], prizePlaces: number): CategoryResult['ties'] {
  return [...new Set(standings.map((s) => s.place))]
    .filter((place) => place <= prizePlaces)
    .map((place) => ({
      place,
      numbers: standings.filter((s) => s.place === place).map((s) => s.number),
    }))
    .filter((tie) => tie.numbers.length > 1);
}

export function rank(
  rows: TallyRow[],
  categoryIds: string[],
  prizePlaces: number,
): CategoryResult[] {
  return categoryIds.map((category) => {
    const sorted = rows
      .filter((r) => r.category === category)
      .sort((a, b) => b.votes - a.votes || a.number - b.number);
    const standings: Standing[] = sorted.map((row, i) => ({
      ...row,
      place: sorted.findIndex((other) => other.votes === row.votes) + 1 || i + 1,
    }));
    return { category, standings, ties: tiesOf(standings, prizePlaces) };
  });
}
