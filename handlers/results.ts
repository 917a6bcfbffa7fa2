import { findCategory } from './campaign.js';
import { localDate, phaseAt, resultsPublic } from './campaign-clock.js';
import type { OutboxItem, Text } from './protocol.js';
import type { TallyRow } from './ports.js';
import { rank, type CategoryResult } from './ranking.js';
import { command } from './actions.js';
import { settleLeavers } from './recheck.js';
import { hasJury, inviteJury, juryNote, rankWithJury } from './jury.js';
import { langOf, t, type Deps, type Turn } from './turn.js';

// Results: the ranking (ranking.ts, or jury.ts with a jury) frozen at the close, shown with
// /results, reported to the organisers and announced to the authors.

/** Entry numbers as each language writes them: "№3, №5" or "#3, #5". */
function list(numbers: number[]): Text {
  return numbers
    .map((n) => t('entry-ref', { number: String(n) }))
    .reduce((acc, ref) => t('list', { first: acc, second: ref }));
}

export function lines(texts: Text[]): Text {
  return texts.length
    ? texts.reduce((acc, line) => t('lines', { first: acc, second: line }))
    : t('empty');
}

/** Results as text: each category's prize places (or every entry, for the organisers). */
export function resultsText(deps: Deps, results: CategoryResult[], everyone: boolean): Text {
  const prize = deps.campaign.schedule.prizePlaces;
  const how = hasJury(deps.campaign) ? [juryNote(deps)] : [];
  return lines([
    ...results.map((r) => {
      const category = findCategory(deps.campaign, r.category);
      const shown = everyone ? r.standings : r.standings.filter((s) => s.place <= prize);
      const rows = shown.map((s) =>
        s.jury === undefined
          ? t('results-row', { place: s.place, number: String(s.number), votes: s.votes })
          : t('results-row-jury', {
              place: s.place,
              number: String(s.number),
              votes: s.votes,
              jury: s.jury.toFixed(1),
            }),
      );
      const ties = r.ties.map((tie) =>
        t('results-tie', { place: tie.place, numbers: list(tie.numbers) }),
      );
      return t('results-category', {
        category: category ? { names: category.name } : r.category,
        rows: rows.length ? lines(rows) : t('results-no-entries'),
        // On a line of its own, under the rows.
        ties: everyone && ties.length ? t('results-ties', { ties: lines(ties) }) : t('empty'),
      });
    }),
    ...how,
  ]);
}

async function currentResults(deps: Deps): Promise<{ rows: TallyRow[]; final: boolean }> {
  const frozen = await deps.stores.results.frozen();
  if (frozen) return { rows: frozen.rows, final: true };
  return { rows: await deps.stores.results.tally(), final: false };
}

/** The ranking: by votes, or with the jury's scores when the campaign has a jury. */
export async function ranked(deps: Deps, rows: TallyRow[]): Promise<CategoryResult[]> {
  const { campaign } = deps;
  const ids = campaign.categories.map((c) => c.id);
  if (!hasJury(campaign)) return rank(rows, ids, campaign.schedule.prizePlaces);
  const scores = await deps.stores.jury.all();
  return rankWithJury(rows, ids, campaign.schedule.prizePlaces, campaign.jury, scores);
}

export async function resultsSummary(deps: Deps): Promise<Text> {
  const { rows } = await currentResults(deps);
  return resultsText(deps, await ranked(deps, rows), false);
}

/** At the close of voting: freeze the counts, and give the organisers the results and any ties. */
export async function freezeAndReport(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  // Votes of voters who left the channel: voided first, or flagged for the moderators.
  const leavers = await settleLeavers(deps);
  await deps.stores.results.freeze(await deps.stores.results.tally(), now);
  const { rows } = await currentResults(deps);
  const results = await ranked(deps, rows);
  const tieCount = results.reduce((n, r) => n + r.ties.length, 0);
  const frozen = t('results-frozen', { results: resultsText(deps, results, true), ties: tieCount });
  const text = leavers ? t('lines', { first: frozen, second: leavers }) : frozen;
  const items: OutboxItem[] = [];
  for (const admin of deps.admins) {
    const lang = await langOf(deps, admin);
    items.push({
      key: `results-frozen:${admin.platform}:${admin.id}`,
      reply: { to: admin, lang, view: { kind: 'text', text } },
    });
  }
  await deps.outbox.enqueue(items);
  await inviteJury(deps);
}

/** Each author hears their entry's place and votes (decisions about one's own entry always arrive). */
export async function announceResultsToAuthors(deps: Deps): Promise<void> {
  const { rows } = await currentResults(deps);
  const items: OutboxItem[] = [];
  for (const result of await ranked(deps, rows)) {
    const category = findCategory(deps.campaign, result.category);
    for (const s of result.standings) {
      const author = await deps.stores.users.find(s.author);
      if (!author) continue;
      const text = t('result-for-author', {
        number: String(s.number),
        category: category ? { names: category.name } : s.category,
        place: s.place,
        of: result.standings.length,
        votes: s.votes,
      });
      items.push({
        key: `result:${s.entryId}`,
        lane: 'results',
        reply: { to: author, lang: author.lang, view: { kind: 'text', text } },
      });
    }
  }
  await deps.outbox.enqueue(items);
}

/** /results: organisers any time (live until frozen); everyone once they are announced. */
export async function showResults(turn: Turn): Promise<void> {
  const { campaign } = turn.deps;
  if (!turn.isOrganiser && !resultsPublic(campaign, turn.now)) {
    const gala = { date: campaign.dates.gala };
    return turn.say(t('results-not-yet', { gala, time: campaign.schedule.galaTime }));
  }
  const { rows, final } = await currentResults(turn.deps);
  const results = await ranked(turn.deps, rows);
  const header = final
    ? t('results-header-final', { close: { date: campaign.dates.votingClose } })
    : t('results-header-live', {
        date: { date: localDate(campaign, turn.now) },
        phase: t(`phase-name-${phaseAt(campaign, turn.now)}`),
      });
  turn.say(
    t('lines', { first: header, second: resultsText(turn.deps, results, turn.isOrganiser) }),
  );
}

export const resultCommands = [command('results', showResults, { menu: 5 })];
