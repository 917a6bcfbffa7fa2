import { findCategory } from './campaign.js';
import { publishedEntry } from './entry-card.js';
import { button, command } from './actions.js';
import { part, payload } from './payload.js';
import type { Keyboard } from './protocol.js';
import type { Entry } from './ports.js';
import { langOf, t, type Turn } from './turn.js';

// After publication: anyone can report an entry; moderators hide it (its votes stop counting at
// once, since tallies count published entries only) or restore it, and see how its votes came in.

export const REPORT_REASONS = 4;

export async function askReportReason(turn: Turn, number: number): Promise<void> {
  const entry = await publishedEntry(turn, number);
  if (!entry) return;
  turn.notice(t('button-ok'));
  const reasons: Keyboard = Array.from({ length: REPORT_REASONS }, (_, i) => [
    { label: t(`report-reason-${i + 1}`), data: payload('v', 'rr', entry.number, i + 1) },
  ]);
  turn.say(t('report-choose', { number: String(entry.number) }), reasons);
}

function visibilityButtons(entry: Entry): Keyboard {
  if (entry.status === 'published')
    return [[{ label: t('mod-hide'), data: payload('mod', 'hide', entry.id) }]];
  if (entry.status === 'hidden')
    return [[{ label: t('mod-show'), data: payload('mod', 'show', entry.id) }]];
  return [];
}

export async function reportEntry(turn: Turn, number: number, reason: number): Promise<void> {
  if (reason > REPORT_REASONS) return turn.notice(t('button-stale'), true);
  const entry = await publishedEntry(turn, number);
  if (!entry) return;
  const first = await turn.deps.stores.reports.add(
    entry.id,
    turn.event.actor,
    reason,
    turn.now,
    turn.event.id,
  );
  if (!first) return turn.notice(t('report-already'), true);
  turn.notice(t('report-thanks'));
  turn.say(t('report-thanks'));
  const category = findCategory(turn.deps.campaign, entry.category);
  for (const admin of turn.deps.admins) {
    const lang = await langOf(turn.deps, admin);
    const caption = t('entry-ref', { number: String(entry.number) });
    turn.sendTo(
      admin,
      lang,
      { kind: 'media', media: entry.media, caption },
      'report-media',
      entry.author,
    );
    turn.sendTo(
      admin,
      lang,
      {
        kind: 'text',
        text: t('mod-report-card', {
          number: String(entry.number),
          reason: t(`report-reason-${reason}`),
          category: category ? { names: category.name } : entry.category,
          story: entry.story,
        }),
        buttons: visibilityButtons(entry),
      },
      'report',
      entry.author,
    );
  }
}

/** Hides or restores a published entry; `viaButton` rewrites the pressed card. */
export async function setVisibility(
  turn: Turn,
  entry: Entry,
  hidden: boolean,
  viaButton: boolean,
): Promise<void> {
  const updated = await turn.deps.stores.entries.setHidden(
    entry.id,
    hidden,
    turn.asModerator,
    turn.now,
    turn.event.id,
  );
  const n = String(entry.number);
  if (!updated) {
    const text = t('mod-visibility-unchanged', {
      number: n,
      status: t(`entry-status-${entry.status}`),
    });
    return viaButton ? turn.notice(text, true) : turn.say(text);
  }
  const by = turn.event.actor.displayName ?? turn.event.actor.id;
  const status = t('mod-visibility-status', {
    number: n,
    status: t(`entry-status-${updated.status}`),
    by,
  });
  if (viaButton) {
    turn.notice(t(hidden ? 'mod-hidden' : 'mod-restored', { number: n }));
    turn.replace(status, visibilityButtons(updated));
  } else {
    turn.say(status, visibilityButtons(updated));
  }
  const author = await turn.deps.stores.users.find(entry.author);
  if (author)
    turn.sendTo(
      author,
      author.lang,
      { kind: 'text', text: t(hidden ? 'entry-hidden' : 'entry-restored', { number: n }) },
      'visibility',
    );
}

/** /hide N, /restore N and /signals N, for moderators. */
export async function onModeratorCommand(
  turn: Turn,
  name: 'hide' | 'restore' | 'signals',
  arg: string,
): Promise<void> {
  const number = /^\d{1,7}$/.test(arg) ? Number(arg) : NaN;
  const entry = Number.isNaN(number) ? null : await turn.deps.stores.entries.getByNumber(number);
  if (!entry) return turn.say(t('mod-command-usage', { command: `/${name}` }));
  if (name === 'signals') {
    const s = await turn.deps.stores.votes.signals(entry.id);
    return turn.say(
      t('mod-signals', {
        number: String(entry.number),
        total: s.total,
        newAccounts: s.newAccounts,
        inBursts: s.inBursts,
      }),
    );
  }
  await setVisibility(turn, entry, name === 'hide', false);
}

export const complaintButtons = [
  button('v:rp', [part.entryNumber], askReportReason),
  button('v:rr', [part.entryNumber, part.reasonIndex], reportEntry),
];

export const visibilityCommands = (['hide', 'restore', 'signals'] as const).map((name) =>
  command(name, (turn, arg) => onModeratorCommand(turn, name, arg), { who: 'moderators' }),
);
