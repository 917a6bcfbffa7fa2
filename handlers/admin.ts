import { findCategory } from './campaign.js';
import { z } from 'zod';
import { button, command } from './actions.js';
import { payload } from './payload.js';
import type { Text } from './protocol.js';
import { ranked } from './results.js';
import { platformName, t, type Turn } from './turn.js';

// Organisers' tools: live numbers, CSV exports, and an announcement to everyone.

function counts(record: Record<string, number>, name: (key: string) => Text | string): Text {
  const rows = Object.entries(record).map(([key, n]) =>
    t('stats-row', { name: name(key), count: n }),
  );
  return rows.length
    ? rows.reduce((a, b) => t('lines', { first: a, second: b }))
    : t('mydata-no-entries');
}

export async function showStats(turn: Turn): Promise<void> {
  const s = await turn.deps.stores.admin.stats();
  const campaign = turn.deps.campaign;
  turn.say(
    t('stats', {
      byStatus: counts(s.entriesByStatus, (k) => t(`entry-status-${k}`)),
      byCategory: counts(s.entriesByCategory, (k) => {
        const c = findCategory(campaign, k);
        return c ? t('plain', { value: { names: c.name } }) : k;
      }),
      byPlatform: counts(s.entriesByPlatform, (k) => platformName(k)),
      users: s.users,
      voters: s.voters,
      votes: s.votes,
      pending: s.outbox.pending ?? 0,
      sent: s.outbox.sent ?? 0,
      failed: s.outbox.failed ?? 0,
    }),
  );
}

/**
 * Rows as CSV for a spreadsheet. A cell that begins with =, +, -, @, a tab or a carriage return is
 * read by spreadsheet programs as a formula: a story written "=HYPERLINK(…)" would run in the
 * organisers' spreadsheet. Such a cell gets a leading apostrophe, which shows it as text.
 */
export function toCsv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const text = typeof v === 'number' ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** /export: entries, votes and results as three CSV documents. */
const EXPORTS = ['entries', 'votes', 'results'] as const;

/** /export: the entries, the votes and the results as CSV files; `/export votes` only that one. */
export async function exportCsv(turn: Turn, arg = ''): Promise<void> {
  const { stores } = turn.deps;
  const only = EXPORTS.find((e) => e === arg.trim().toLowerCase());
  if (only === 'entries' || only === 'votes')
    return turn.document(`${only}.csv`, toCsv(await stores.admin.exportRows(only)));
  const results = await ranked(
    turn.deps,
    (await stores.results.frozen())?.rows ?? (await stores.results.tally()),
  );
  const resultRows = [
    ['category', 'place', 'entry_number', 'votes', 'tie'],
    ...results.flatMap((r) =>
      r.standings.map((s) => [
        r.category,
        s.place,
        s.number,
        s.votes,
        r.ties.some((tie) => tie.numbers.includes(s.number)) ? 'yes' : '',
      ]),
    ),
  ];
  if (only === 'results') return turn.document('results.csv', toCsv(resultRows));
  for (const [filename, rows] of [
    ['entries.csv', await stores.admin.exportRows('entries')],
    ['votes.csv', await stores.admin.exportRows('votes')],
    ['results.csv', resultRows],
  ] as const) {
    turn.document(filename, toCsv(rows as (string | number)[][]));
  }
}

function announcementsView(on: boolean) {
  const toggle = payload('nt', on ? 'off' : 'on');
  return {
    text: t(on ? 'notifications-on' : 'notifications-off'),
    buttons: [
      [{ label: t(on ? 'notifications-turn-off' : 'notifications-turn-on'), data: toggle }],
    ],
  };
}

/** /notifications: whether contest announcements arrive (decisions about one's own entry always do). */
export function showAnnouncements(turn: Turn): void {
  const { text, buttons } = announcementsView(turn.user.announcements);
  turn.say(text, buttons);
}

export async function setAnnouncements(turn: Turn, on: boolean): Promise<void> {
  await turn.deps.stores.users.setAnnouncements(turn.event.actor, on);
  turn.notice(t('button-ok'));
  const { text, buttons } = announcementsView(on);
  turn.replace(text, buttons);
}

export const announcementButtons = [
  button('nt', [z.enum(['on', 'off'])], (turn, to) => setAnnouncements(turn, to === 'on')),
];

export const organiserCommands = [
  command('notifications', showAnnouncements, { menu: 7 }),
  command('stats', showStats, { who: 'moderators' }),
  command('export', exportCsv, { who: 'organisers' }),
];
