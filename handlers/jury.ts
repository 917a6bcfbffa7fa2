import type { Campaign } from './campaign.js';
import { phaseAt, resultsPublic } from './campaign-clock.js';
import { entryText } from './entry-card.js';
import { button, command } from './actions.js';
import { part, payload } from './payload.js';
import type { Keyboard, OutboxItem, UserRef } from './protocol.js';
import type { Entry, TallyRow } from './ports.js';
import { tiesOf, type CategoryResult, type Standing } from './ranking.js';
import { langOf, sameUser, t, type Deps, type Turn } from './turn.js';

// A jury, when the campaign file names one. From the close of voting until the results are
// announced, each juror scores the finalists of every category (the top N by public vote, ties at
// the edge included) from 1 to 10, through the bot, without seeing anyone else's scores. The
// finalists are then ranked by a weighted sum of two shares, each adding up to 1 over a
// category's finalists: their share of the finalists' public votes and their share of the
// finalists' mean jury scores. Equal sums share a place and are flagged, never broken.

export type JuryRules = Campaign['jury'];

export function hasJury(campaign: Campaign): boolean {
  return campaign.jury.members.length > 0;
}

export function isJuror(campaign: Campaign, who: UserRef): boolean {
  return campaign.jury.members.some((m) => sameUser(m, who));
}

/** Places by a value, best first: equal values share a place (1, 2, 2, 4). */
function placed<T>(sorted: T[], value: (x: T) => number, first: number): (T & { place: number })[] {
  return sorted.map((x, i) => {
    const same = sorted.findIndex((y) => Math.abs(value(y) - value(x)) < 1e-9);
    return { ...x, place: first + (same < 0 ? i : same) };
  });
}

/** The entries of a category that go to the jury: the top `finalists` by votes, with ties. */
export function finalistsOf(rows: TallyRow[], finalists: number): TallyRow[] {
  const sorted = [...rows].sort((a, b) => b.votes - a.votes || a.number - b.number);
  const edge = sorted[Math.min(finalists, sorted.length) - 1]?.votes ?? 0;
  return sorted.filter((r, i) => i < finalists || r.votes === edge);
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * Results with the jury: per category, the finalists ranked by the weighted shares, then everyone
 * else by votes. `scores` holds each entry's jury scores.
 */
export function rankWithJury(
  rows: TallyRow[],
  categoryIds: string[],
  prizePlaces: number,
  jury: JuryRules,
  scores: Record<string, number[]>,
): CategoryResult[] {
  return categoryIds.map((category) => {
    const inCategory = rows.filter((r) => r.category === category);
    const finalists = finalistsOf(inCategory, jury.finalists);
    const votes = finalists.reduce((n, r) => n + r.votes, 0);
    const means = new Map(finalists.map((r) => [r.entryId, mean(scores[r.entryId] ?? [])]));
    const juryTotal = [...means.values()].reduce((a, b) => a + b, 0);
    const scored = finalists
      .map((r) => {
        const juryMean = means.get(r.entryId)!;
        const combined =
          jury.publicWeight * (votes ? r.votes / votes : 0) +
          (1 - jury.publicWeight) * (juryTotal ? juryMean / juryTotal : 0);
        return { ...r, jury: juryMean, combined };
      })
      .sort((a, b) => b.combined - a.combined || a.number - b.number);
    const inFinal = new Set(finalists.map((r) => r.entryId));
    const rest = inCategory
      .filter((r) => !inFinal.has(r.entryId))
      .sort((a, b) => b.votes - a.votes || a.number - b.number);
    const standings: Standing[] = [
      ...placed(scored, (s) => s.combined, 1),
      ...placed(rest, (r) => r.votes, scored.length + 1),
    ];
    return { category, standings, ties: tiesOf(standings, prizePlaces) };
  });
}

/** Jury scoring is open from the close of voting until the results are announced. */
function scoringOpen(deps: Deps, now: Date): boolean {
  return phaseAt(deps.campaign, now) === 'closed' && !resultsPublic(deps.campaign, now);
}

function scoreButtons(entry: Entry, mine: number | undefined): Keyboard {
  const button = (score: number) => ({
    label: t(score === mine ? 'jury-score-button-mine' : 'jury-score-button', { score }),
    data: payload('j', 's', entry.number, score),
  });
  return [[1, 2, 3, 4, 5].map(button), [6, 7, 8, 9, 10].map(button)];
}

function scoreCard(turn: Turn, entry: Entry, mine: number | undefined, replace: boolean): void {
  const text = t('jury-card', {
    card: entryText(turn.deps, entry, null),
    score: mine ? t('jury-your-score', { score: mine }) : t('jury-not-scored'),
  });
  turn.card(entry.media[0], text, scoreButtons(entry, mine), replace);
}

/** /jury: every finalist, with the juror's own score on its card. */
export async function showJury(turn: Turn): Promise<void> {
  const { deps } = turn;
  if (!scoringOpen(deps, turn.now))
    return turn.say(t('jury-closed', { gala: { date: deps.campaign.dates.gala } }));
  const frozen = await deps.stores.results.frozen();
  const rows = frozen?.rows ?? (await deps.stores.results.tally());
  const mine = await deps.stores.jury.of(turn.event.actor);
  turn.say(
    t('jury-intro', {
      gala: { date: deps.campaign.dates.gala },
      time: deps.campaign.schedule.galaTime,
    }),
  );
  for (const category of deps.campaign.categories) {
    const finalists = finalistsOf(
      rows.filter((r) => r.category === category.id),
      deps.campaign.jury.finalists,
    );
    if (!finalists.length) continue;
    turn.say(t('jury-category', { category: { names: category.name }, count: finalists.length }));
    for (const row of finalists) {
      const entry = await deps.stores.entries.get(row.entryId);
      if (entry) scoreCard(turn, entry, mine[entry.id], false);
    }
  }
}

/** A juror's press of a score: kept (a second press changes it), the card shows it. */
export async function scoreEntry(turn: Turn, number: number, score: number): Promise<void> {
  const { deps } = turn;
  if (!isJuror(deps.campaign, turn.event.actor)) return turn.notice(t('jury-not-member'), true);
  if (!Number.isInteger(score) || score < 1 || score > 10)
    return turn.notice(t('jury-score-range'), true);
  if (!scoringOpen(deps, turn.now))
    return turn.notice(t('jury-closed', { gala: { date: deps.campaign.dates.gala } }), true);
  const entry = await deps.stores.entries.getByNumber(number);
  const frozen = await deps.stores.results.frozen();
  const rows = frozen?.rows ?? (await deps.stores.results.tally());
  const finalist =
    entry &&
    finalistsOf(
      rows.filter((r) => r.category === entry.category),
      deps.campaign.jury.finalists,
    ).some((r) => r.entryId === entry.id);
  if (!entry || !finalist) return turn.notice(t('jury-not-finalist'), true);
  await deps.stores.jury.set(turn.event.actor, entry, score, turn.now);
  turn.notice(t('jury-scored', { number: String(number), score }));
  scoreCard(turn, entry, score, true);
}

/** At the close of voting: each juror is asked to score the finalists. */
export async function inviteJury(deps: Deps): Promise<void> {
  if (!hasJury(deps.campaign)) return;
  const items: OutboxItem[] = [];
  for (const member of deps.campaign.jury.members) {
    const juror = { platform: member.platform, id: member.id };
    items.push({
      key: `jury-invite:${juror.platform}:${juror.id}`,
      lane: 'results',
      reply: {
        to: juror,
        lang: await langOf(deps, juror),
        view: {
          kind: 'text',
          text: t('jury-invite', {
            gala: { date: deps.campaign.dates.gala },
            time: deps.campaign.schedule.galaTime,
          }),
        },
      },
    });
  }
  await deps.outbox.enqueue(items);
}

/** How a ranking with a jury was formed, for the results. */
export function juryNote(deps: Deps): ReturnType<typeof t> {
  const { jury } = deps.campaign;
  return t('results-how-jury', {
    finalists: jury.finalists,
    public: Math.round(jury.publicWeight * 100),
    jury: Math.round((1 - jury.publicWeight) * 100),
    jurors: jury.members.length,
  });
}

export const juryButtons = [button('j:s', [part.entryNumber, part.score], scoreEntry)];

export const juryCommands = [command('jury', showJury, { who: 'jurors' })];
