import { findCategory } from './campaign.js';
import { countsShown } from './campaign-clock.js';
import { voterOrder } from './exposure.js';
import { payload } from './payload.js';
import type { Keyboard, Text } from './protocol.js';
import type { Entry } from './ports.js';
import { t, type Deps, type Turn } from './turn.js';

// How a published entry looks to a voter: its picture, its text (the story last, so a caption
// cut to the platform's limit loses only the end of the story) and the voting buttons.

/** The published entry a press names, or null having told the presser it is not available. */
export async function publishedEntry(turn: Turn, number: number): Promise<Entry | null> {
  const entry = await turn.deps.stores.entries.getByNumber(number);
  if (entry?.status === 'published') return entry;
  turn.notice(t('vote-entry-unavailable'), true);
  return null;
}

/** Where a card stands in the voter's order of its category: the 3rd of 48. */
export interface Place {
  index: number;
  of: number;
}

export function entryText(
  deps: Deps,
  entry: Entry,
  votes: number | null,
  place?: Place | null,
): Text {
  const category = findCategory(deps.campaign, entry.category);
  return t('entry-card', {
    number: String(entry.number),
    category: category ? { names: category.name } : entry.category,
    place: place ? t('entry-card-place', { index: place.index + 1, of: place.of }) : t('empty'),
    city: entry.city,
    nominee: entry.nominee ? t('entry-card-nominee', { name: entry.nominee }) : t('empty'),
    votes: votes === null ? t('empty') : t('entry-card-votes', { count: votes }),
    story: entry.story,
  });
}

function entryButtons(
  entry: Entry,
  votedHere: boolean,
  token: string | undefined,
  app: string | null,
): Keyboard {
  const n = entry.number;
  const vote = token ? payload('v', 'v', n, token) : payload('v', 'v', n);
  const gallery: Keyboard = app ? [[{ label: t('button-open-app'), url: app, app: true }]] : [];
  return [
    [{ label: t(votedHere ? 'vote-button-mine' : 'vote-button'), data: vote }],
    [
      { label: t('button-prev'), data: payload('v', 'pv', n) },
      { label: t('button-next'), data: payload('v', 'nx', n) },
    ],
    [
      { label: t('button-share'), data: payload('v', 'sh', n) },
      { label: t('button-report'), data: payload('v', 'rp', n) },
    ],
    [{ label: t('button-categories'), data: payload('v', 'cats') }],
    ...gallery,
  ];
}

/**
 * The count on the card, as the campaign clock allows (countsShown): the live count, or the
 * entry's figure in the frozen results, so the card and the results always agree; or none.
 */
async function shownVotes(turn: Turn, entry: Entry): Promise<number | null> {
  const { campaign, stores } = turn.deps;
  const shown = countsShown(campaign, turn.now);
  if (shown === 'none') return null;
  if (shown === 'final') {
    const row = (await stores.results.frozen())?.rows.find((r) => r.entryId === entry.id);
    if (row) return row.votes;
  }
  return stores.votes.countFor(entry.id);
}

/** Where the entry stands in this voter's order of its category (see exposure.ts). */
async function placeOf(turn: Turn, entry: Entry): Promise<Place | null> {
  const numbers = await turn.deps.stores.entries.publishedNumbers(entry.category);
  const order = voterOrder(turn.event.actor, entry.category, numbers);
  const index = order.indexOf(entry.number);
  return index < 0 ? null : { index, of: order.length };
}

/**
 * Shows an entry to the person in this turn; `replace` rewrites the card they pressed on.
 * `votedHere` is passed when the caller already knows (it just cast the vote), saving a query;
 * `place` likewise, when the caller just found the entry in the voter's order.
 */
export async function showEntry(
  turn: Turn,
  entry: Entry,
  replace: boolean,
  votedHere?: boolean,
  place?: Place,
): Promise<void> {
  const { stores } = turn.deps;
  const [votes, choice, where] = await Promise.all([
    shownVotes(turn, entry),
    votedHere === undefined && !turn.user.fresh
      ? stores.votes.choiceOf(turn.event.actor, entry.category)
      : null,
    place ?? placeOf(turn, entry),
  ]);
  turn.card(
    entry.media[0],
    entryText(turn.deps, entry, votes, where),
    entryButtons(
      entry,
      votedHere ?? choice === entry.id,
      turn.deps.pressTokens?.sign(turn.user),
      turn.deps.links.app?.(turn.event.actor.platform, entry.number) ?? null,
    ),
    replace,
  );
}
