import { findCategory } from './campaign.js';
import { localDate, phaseAt } from './campaign-clock.js';
import { setVisibility } from './complaints.js';
import { pagedChoices } from './pages.js';
import { announcePublished } from './publish.js';
import { button, command } from './actions.js';
import { part, payload } from './payload.js';
import type { Keyboard, Lang, Text, UserRef } from './protocol.js';
import type { Entry, RejectReason } from './ports.js';
import { langOf, platformName, t, type Turn } from './turn.js';

// The moderators' queue: every sent entry arrives as a card with Approve / Reject / Change
// category. The store decides a pending entry once; a second press sees who decided it.

/** How many ready-made rejection reasons locales/ holds (reject-reason-1 … -N). */
export const REJECT_REASONS = 4;
const REASON_MAX_LENGTH = 500;

function reasonText(reason: RejectReason | undefined): Text | string {
  if (!reason) return '';
  return 'key' in reason ? t(reason.key) : reason.text;
}

function statusLine(turn: Turn, entry: Entry): Text {
  const d = entry.decision;
  if (!d) return t('mod-status-pending');
  const by = d.by.name ?? `${d.by.platform} ${d.by.id}`;
  const date = { date: localDate(turn.deps.campaign, d.at) };
  return d.status === 'approved'
    ? t('mod-status-approved', { by, date })
    : t('mod-status-rejected', { by, date, reason: reasonText(d.reason) });
}

export function moderationCard(turn: Turn, entry: Entry): Text {
  const category = findCategory(turn.deps.campaign, entry.category);
  return t('mod-card', {
    number: String(entry.number),
    kind: t(`kind-entry-${entry.kind}`),
    nominee: entry.nominee ? t('mod-card-nominee', { name: entry.nominee }) : t('empty'),
    category: category ? { names: category.name } : entry.category,
    city: entry.city,
    story: entry.story,
    author: entry.author.name ?? '',
    authorRef: t('account', {
      platform: platformName(entry.author.platform),
      id: entry.author.id,
    }),
    status: statusLine(turn, entry),
  });
}

function cardButtons(entry: Entry): Keyboard {
  if (entry.status !== 'pending') return [];
  return [
    [
      { label: t('mod-approve'), data: payload('mod', 'ok', entry.id) },
      { label: t('mod-reject'), data: payload('mod', 'rj', entry.id) },
    ],
    [{ label: t('mod-change-category'), data: payload('mod', 'cc', entry.id) }],
  ];
}

function reasonButtons(entry: Entry): Keyboard {
  const reasons = Array.from({ length: REJECT_REASONS }, (_, i) => [
    { label: t(`reject-reason-${i + 1}`), data: payload('mod', 'rr', entry.id, i + 1) },
  ]);
  return [
    ...reasons,
    [{ label: t('mod-reason-own'), data: payload('mod', 'rw', entry.id) }],
    [{ label: t('button-back'), data: payload('mod', 'back', entry.id) }],
  ];
}

function categoryButtons(turn: Turn, entry: Entry, page = 0): Keyboard {
  const choices = turn.deps.campaign.categories.map((c) => ({
    label: t('plain', { value: { names: c.name } }),
    data: payload('mod', 'sc', entry.id, c.id),
  }));
  const back = [[{ label: t('button-back'), data: payload('mod', 'back', entry.id) }]];
  return pagedChoices(turn, choices, back, page, (n) => payload('mod', 'scp', entry.id, n));
}

export async function sendToModerators(turn: Turn, entry: Entry): Promise<void> {
  for (const admin of turn.deps.admins)
    sendCard(turn, admin, await langOf(turn.deps, admin), entry);
}

/** An entry for a moderator: its photos or video (captioned with its number), then its card. */
function sendCard(turn: Turn, to: UserRef, lang: Lang, entry: Entry): void {
  const caption = t('entry-ref', { number: String(entry.number) });
  turn.sendTo(to, lang, { kind: 'media', media: entry.media, caption }, 'card-media', entry.author);
  turn.sendTo(
    to,
    lang,
    { kind: 'text', text: moderationCard(turn, entry), buttons: cardButtons(entry) },
    'card',
    entry.author,
  );
}

const PENDING_PAGE = 5;

/** /pending: the entries waiting for a decision, oldest first; each opens its card again. */
export async function showPending(turn: Turn, page = 0): Promise<void> {
  const { entries } = turn.deps.stores;
  const [count, waiting] = await Promise.all([
    entries.countPending(),
    entries.listPending(page * PENDING_PAGE, PENDING_PAGE),
  ]);
  if (!count) return turn.say(t('pending-none'));
  const rows: Keyboard = waiting.map((entry) => {
    const category = findCategory(turn.deps.campaign, entry.category);
    const label = t('pending-item', {
      number: String(entry.number),
      category: category ? { names: category.name } : entry.category,
      city: entry.city,
    });
    return [{ label, data: payload('mod', 'open', entry.id) }];
  });
  if ((page + 1) * PENDING_PAGE < count)
    rows.push([{ label: t('button-more'), data: payload('mod', 'pend', page + 1) }]);
  const text = t('pending-list', { count });
  if (page > 0) return turn.replace(text, rows);
  turn.say(text, rows);
}

async function notifyAuthor(turn: Turn, entry: Entry, text: Text, purpose: string): Promise<void> {
  const author = await turn.deps.stores.users.find(entry.author);
  if (!author) return; // the author deleted their data
  turn.sendTo(author, author.lang, { kind: 'text', text }, purpose);
}

/** Tells a moderator that someone already decided this entry, and shows the card as it is. */
function alreadyDecided(turn: Turn, entry: Entry, viaButton: boolean): void {
  const text = t('mod-already-decided', { status: statusLine(turn, entry) });
  if (!viaButton) return turn.say(text);
  turn.notice(text, true);
  turn.replace(moderationCard(turn, entry), cardButtons(entry));
}

/** Decides the entry; `viaButton` rewrites the pressed card, otherwise a fresh card is sent. */
async function decide(
  turn: Turn,
  entry: Entry,
  status: 'approved' | 'rejected',
  viaButton: boolean,
  reason?: RejectReason,
): Promise<void> {
  const decision = {
    status,
    by: turn.asModerator,
    at: turn.now,
    ...(reason ? { reason } : {}),
    ...(turn.event.id ? { event: turn.event.id } : {}),
  };
  const result = await turn.deps.stores.entries.decide(entry.id, decision);
  // Decided already, unless by this very event (delivered again after its answer was lost).
  const decided = result.ok ? result.entry : mine(turn, result.entry);
  if (!decided) return alreadyDecided(turn, result.entry ?? entry, viaButton);
  const card = moderationCard(turn, decided);
  if (viaButton) {
    turn.notice(t(`mod-done-${status}`));
    turn.replace(card);
  } else {
    turn.say(card);
  }
  if (status === 'rejected')
    return notifyAuthor(
      turn,
      decided,
      t('entry-rejected', { number: String(entry.number), reason: reasonText(reason) }),
      'decision',
    );
  // During voting it is public at once: "published, share this link" says it was approved too.
  if (await publishIfVoting(turn, decided)) return;
  const publication = { date: turn.deps.campaign.dates.publication };
  await notifyAuthor(
    turn,
    decided,
    t('entry-approved', { number: String(entry.number), publication }),
    'decision',
  );
}

/** The entry, when this turn's own event is what decided it. */
function mine(turn: Turn, entry: Entry | null): Entry | null {
  const event = entry?.decision?.event;
  return event !== undefined && event === turn.event.id ? entry : null;
}

/** During voting an approved entry joins the public list at once; true when it did. */
async function publishIfVoting(turn: Turn, entry: Entry): Promise<boolean> {
  if (phaseAt(turn.deps.campaign, turn.now) !== 'voting') return false;
  // Published already when this is a redelivery of the approval: announced again, keyed the same.
  const published =
    (await turn.deps.stores.entries.publishApproved(turn.now, entry.id)) ??
    (entry.status === 'published' ? entry : null);
  // Through the turn, so the author hears "approved" before "published".
  if (!published) return false;
  turn.replies.push(
    ...(await announcePublished(turn.deps, published)).map((i) => ({ ...i.reply, purpose: i.key })),
  );
  return true;
}

/**
 * What every moderation button does first: only moderators, only an entry that exists, and for
 * the steps of a decision only a pending one (a second moderator sees who decided). `ok` says
 * whether the press is answered with the plain acknowledgement before `go`.
 */
async function withEntry(
  turn: Turn,
  id: string,
  pendingOnly: boolean,
  ok: boolean,
  go: (entry: Entry) => Promise<void> | void,
): Promise<void> {
  if (!turn.isAdmin) return turn.notice(t('mod-not-allowed'), true);
  const entry = await turn.deps.stores.entries.get(id);
  if (!entry) return turn.notice(t('mod-entry-gone'), true);
  if (pendingOnly && entry.status !== 'pending') return alreadyDecided(turn, entry, true);
  if (ok) turn.notice(t('button-ok'));
  await go(entry);
}

export const moderationButtons = [
  button('mod:pend', [part.listPage], (turn, page) => {
    if (!turn.isAdmin) return turn.notice(t('mod-not-allowed'), true);
    turn.notice(t('button-ok'));
    return showPending(turn, page);
  }),
  button('mod:open', [part.objectId], (turn, id) =>
    withEntry(turn, id, false, true, (entry) => sendCard(turn, turn.event.actor, turn.lang, entry)),
  ),
  button('mod:ok', [part.objectId], (turn, id) =>
    withEntry(turn, id, false, false, (entry) => decide(turn, entry, 'approved', true)),
  ),
  button('mod:hide', [part.objectId], (turn, id) =>
    withEntry(turn, id, false, false, (entry) => setVisibility(turn, entry, true, true)),
  ),
  button('mod:show', [part.objectId], (turn, id) =>
    withEntry(turn, id, false, false, (entry) => setVisibility(turn, entry, false, true)),
  ),
  button('mod:rr', [part.objectId, part.reasonIndex], (turn, id, reason) =>
    withEntry(turn, id, false, false, (entry) =>
      reason > REJECT_REASONS
        ? turn.notice(t('button-stale'))
        : decide(turn, entry, 'rejected', true, { key: `reject-reason-${reason}` }),
    ),
  ),
  button('mod:rj', [part.objectId], (turn, id) =>
    withEntry(turn, id, true, true, (entry) =>
      turn.replace(moderationCard(turn, entry), reasonButtons(entry)),
    ),
  ),
  button('mod:rw', [part.objectId], (turn, id) =>
    withEntry(turn, id, true, true, async (entry) => {
      await turn.deps.stores.users.setAwaiting(turn.event.actor, {
        what: 'reject-reason',
        entryId: entry.id,
      });
      turn.say(t('mod-type-reason', { number: String(entry.number), max: REASON_MAX_LENGTH }));
    }),
  ),
  button('mod:cc', [part.objectId], (turn, id) =>
    withEntry(turn, id, true, true, (entry) =>
      turn.replace(moderationCard(turn, entry), categoryButtons(turn, entry)),
    ),
  ),
  button('mod:scp', [part.objectId, part.page], (turn, id, page) =>
    withEntry(turn, id, true, true, (entry) =>
      turn.replace(moderationCard(turn, entry), categoryButtons(turn, entry, page)),
    ),
  ),
  button('mod:back', [part.objectId], (turn, id) =>
    withEntry(turn, id, false, true, (entry) =>
      turn.replace(moderationCard(turn, entry), cardButtons(entry)),
    ),
  ),
  button('mod:sc', [part.objectId, part.categoryId], (turn, id, category) =>
    withEntry(turn, id, false, true, (entry) => changeCategory(turn, entry, category)),
  ),
];

export const moderationCommands = [
  command('pending', (turn) => showPending(turn), { who: 'moderators' }),
];

async function changeCategory(turn: Turn, entry: Entry, categoryId: string): Promise<void> {
  const category = findCategory(turn.deps.campaign, categoryId);
  if (!category) return turn.replace(moderationCard(turn, entry), cardButtons(entry));
  const updated = await turn.deps.stores.entries.setCategory(
    entry.id,
    category.id,
    turn.asModerator,
    turn.now,
  );
  if (!updated) return;
  turn.replace(moderationCard(turn, updated), cardButtons(updated));
  await notifyAuthor(
    turn,
    updated,
    t('entry-category-changed', {
      number: String(updated.number),
      category: { names: category.name },
    }),
    `category:${category.id}`,
  );
}

/** A moderator's own rejection reason, typed after pressing "Write my own reason". */
export async function onReasonText(turn: Turn, entryId: string, raw: string): Promise<void> {
  const text = raw.trim();
  if (!text || [...text].length > REASON_MAX_LENGTH) {
    return turn.say(t('mod-reason-length', { max: REASON_MAX_LENGTH }));
  }
  const entry = await turn.deps.stores.entries.get(entryId);
  // The decision first, the question closed after: a failure in between keeps the question
  // open, and the redelivered reason finds its own decision.
  if (entry) await decide(turn, entry, 'rejected', false, { text });
  else turn.say(t('mod-entry-gone'));
  await turn.deps.stores.users.setAwaiting(turn.event.actor, null);
}
