import { findCategory } from './campaign.js';
import { phaseAt } from './campaign-clock.js';
import { publishedEntry, showEntry } from './entry-card.js';
import { stepFrom, voterOrder } from './exposure.js';
import { pagedChoices } from './pages.js';
import { button, command } from './actions.js';
import { part, payload } from './payload.js';
import { askPhone, needsPhone } from './phone.js';
import type { Entry } from './ports.js';
import { shareText } from './publish.js';
import { mainMenu } from './start.js';
import { sameUser, t, type Turn } from './turn.js';

// Browsing the published entries and voting. The rules that carry correctness (one vote per
// person per category, moving it) are held by the vote store's unique index; this file holds
// every rule a voter can see.

/** The categories with their entries; `page` (a More press) rewrites the list in place. */
export async function showCategories(turn: Turn, page?: number): Promise<void> {
  const { campaign, stores } = turn.deps;
  const phase = phaseAt(campaign, turn.now);
  if (phase !== 'voting' && phase !== 'closed') {
    return turn.say(
      t('voting-not-yet', { publication: { date: campaign.dates.publication } }),
      mainMenu(turn),
    );
  }
  const counts = await stores.entries.countPublished();
  const choices = campaign.categories.map((c) => ({
    label: t('vote-category', { name: { names: c.name }, count: counts[c.id] ?? 0 }),
    data: payload('v', 'cat', c.id),
  }));
  const rows = pagedChoices(turn, choices, [], page ?? 0, (n) => payload('v', 'cats', n));
  const text = t(phase === 'voting' ? 'vote-choose-category' : 'results-browse');
  if (page === undefined) turn.say(text, rows);
  else turn.replace(text, rows);
}

/** A category's published entries in this voter's own order (see exposure.ts). */
async function orderOf(turn: Turn, category: string): Promise<number[]> {
  const numbers = await turn.deps.stores.entries.publishedNumbers(category);
  return voterOrder(turn.event.actor, category, numbers);
}

/**
 * The first entry still published from place `index` on, going `direction`: the list is up to a
 * second old, so an entry hidden meanwhile is stepped over.
 */
async function publishedFrom(
  turn: Turn,
  order: number[],
  index: number,
  direction: 1 | -1,
): Promise<{ entry: Entry; index: number } | null> {
  for (let step = 0; step < order.length; step += 1) {
    const at = (((index + step * direction) % order.length) + order.length) % order.length;
    const entry = await turn.deps.stores.entries.getByNumber(order[at]!);
    if (entry?.status === 'published') return { entry, index: at };
  }
  return null;
}

/** Remembers that the voter has seen their order up to place `index`, when that is further. */
async function markSeen(turn: Turn, category: string, index: number): Promise<void> {
  if (index + 1 <= (turn.user.seen?.[category] ?? 0)) return;
  await turn.deps.stores.users.markSeen(turn.event.actor, category, index + 1);
}

/** Opens a category where the voter stopped last time: entries they have not seen come first. */
export async function openCategory(turn: Turn, categoryId: string): Promise<void> {
  if (!findCategory(turn.deps.campaign, categoryId)) return turn.notice(t('button-stale'), true);
  const order = await orderOf(turn, categoryId);
  const seen = turn.user.seen?.[categoryId] ?? 0;
  const first = await publishedFrom(turn, order, seen < order.length ? seen : 0, 1);
  if (!first) return turn.notice(t('vote-category-empty'), true);
  await markSeen(turn, categoryId, first.index);
  turn.notice(t('button-ok'));
  await showEntry(turn, first.entry, false, undefined, { index: first.index, of: order.length });
}

export async function turnPage(turn: Turn, number: number, direction: 1 | -1): Promise<void> {
  // Paging may start from an entry hidden meanwhile: its category still says where to go.
  const current = await turn.deps.stores.entries.getByNumber(number);
  const category = current?.category;
  const order = category ? await orderOf(turn, category) : [];
  const next =
    category && order.length
      ? await publishedFrom(
          turn,
          order,
          stepFrom(turn.event.actor, category, order, number, direction),
          direction,
        )
      : null;
  if (!category || !next) return turn.notice(t('vote-entry-unavailable'), true);
  if (direction === 1) await markSeen(turn, category, next.index);
  turn.notice(t('button-ok'));
  await showEntry(turn, next.entry, true, undefined, { index: next.index, of: order.length });
}

/** Says why voting is not possible now, or returns true when it is. */
function votingOpen(turn: Turn): boolean {
  const { dates } = turn.deps.campaign;
  const phase = phaseAt(turn.deps.campaign, turn.now);
  if (phase === 'voting') return true;
  const text =
    phase === 'closed'
      ? t('vote-closed', { close: { date: dates.votingClose } })
      : t('vote-not-open', {
          publication: { date: dates.publication },
          close: { date: dates.votingClose },
        });
  turn.notice(text, true);
  return false;
}

export async function castVote(turn: Turn, number: number): Promise<void> {
  if (!votingOpen(turn)) return;
  const entry = await publishedEntry(turn, number);
  if (!entry) return;
  const { campaign, stores } = turn.deps;
  const me = turn.event.actor;
  const membership = turn.deps.membership?.[me.platform];
  if (!campaign.rules.allowSelfVote && sameUser(entry.author, me))
    return turn.notice(t('vote-own-entry'), true);
  if (needsPhone(turn)) return askPhone(turn);
  if (membership && !(await membership.isMember(me))) {
    return turn.notice(t('vote-join-channel', { channel: membership.channel }), true);
  }
  const result = await stores.votes.cast(
    { platform: me.platform, id: me.id, lang: turn.lang },
    entry,
    turn.now,
    turn.user.createdAt,
    turn.event.id,
    turn.user.phoneKey,
  );
  const n = String(entry.number);
  if (result.outcome === 'new') turn.notice(t('vote-counted', { number: n }));
  if (result.outcome === 'same') turn.notice(t('vote-already', { number: n }));
  if (result.outcome === 'moved') {
    const moved = t('vote-moved', { from: String(result.fromNumber), to: n });
    turn.notice(moved);
    turn.say(moved);
  }
  await showEntry(turn, entry, true, true);
}

export async function shareEntry(turn: Turn, number: number): Promise<void> {
  const entry = await publishedEntry(turn, number);
  if (!entry) return;
  turn.notice(t('button-ok'));
  turn.say(
    shareText(turn.deps, entry, turn.deps.links.entry(turn.event.actor.platform, entry.number)),
  );
}

/** Someone arrived from a shared link (`/start e17`): show that entry with its Vote button. */
export async function openFromLink(turn: Turn, number: number): Promise<void> {
  const entry = await turn.deps.stores.entries.getByNumber(number);
  if (entry?.status !== 'published') return turn.say(t('link-entry-unavailable'), mainMenu(turn));
  turn.say(t('link-welcome', { campaign: { names: turn.deps.campaign.name } }));
  await showEntry(turn, entry, false);
}

/** Browsing and voting: repeated, each press looks the same as once (see ButtonAction). */
const safe = { repeatSafe: true };

export const voteButtons = [
  button(
    'v:cats',
    [],
    (turn) => {
      turn.notice(t('button-ok'));
      return showCategories(turn);
    },
    safe,
  ),
  button(
    'v:cats',
    [part.page],
    (turn, page) => {
      turn.notice(t('button-ok'));
      return showCategories(turn, page);
    },
    safe,
  ),
  button('v:cat', [part.categoryId], openCategory, safe),
  button('v:nx', [part.entryNumber], (turn, n) => turnPage(turn, n, 1), safe),
  button('v:pv', [part.entryNumber], (turn, n) => turnPage(turn, n, -1), safe),
  button('v:v', [part.entryNumber], castVote, safe),
  // The Vote button of a card signed for its viewer (see PressTokens): read by the router.
  button('v:v', [part.entryNumber, part.pressToken], (turn, n) => castVote(turn, n), safe),
  button('v:sh', [part.entryNumber], shareEntry),
];

export const voteCommands = [command('vote', (turn) => showCategories(turn), { menu: 4 })];
