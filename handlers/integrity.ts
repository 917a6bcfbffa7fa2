import { toCsv } from './admin.js';
import { findCategory } from './campaign.js';
import { instant, localDate, localTime, resultsPublic } from './campaign-clock.js';
import {
  analyse,
  type Cluster,
  type EntryRisk,
  type SavedAnalysis,
  type VoidSelection,
} from './fraud.js';
import type { OutboxItem, Text, UserRef } from './protocol.js';
import { command } from './actions.js';
import { PLATFORM_NAME } from './protocol.js';
import { lines } from './results.js';
import { langOf, platformName, t, type Deps, type Turn } from './turn.js';

// A result that can be defended: the vote analysis for moderators (/fraud), voids with a reason
// and their undo (/void, /unvoid), the append-only audit log (/audit), and the transparency
// report for everyone once the results are out (/transparency).

/** Entries and clusters a /fraud message lists; the CSV has them all. */
const SHOWN_ENTRIES = 10;
const SHOWN_CLUSTERS = 3;

function categoryArg(deps: Deps, id: string): Text | string {
  const category = findCategory(deps.campaign, id);
  return category ? t('plain', { value: { names: category.name } }) : id;
}

function when(deps: Deps, at: Date): Text {
  return t('date-time', {
    date: { date: localDate(deps.campaign, at) },
    time: localTime(deps.campaign, at),
  });
}

function clusterText(deps: Deps, c: Cluster): Text {
  return t('fraud-cluster', {
    code: c.code,
    size: c.voteIds.length,
    signals: c.signals
      .map((s) => t(`fraud-signal-${s}`))
      .reduce((a, b) => t('list', { first: a, second: b })),
    ids:
      c.idFrom && c.platform
        ? t('fraud-cluster-ids', {
            platform: platformName(c.platform),
            from: c.idFrom,
            to: c.idTo ?? c.idFrom,
          })
        : t('empty'),
    from: when(deps, c.from),
    to: localTime(deps.campaign, c.to),
  });
}

function entryText(deps: Deps, risk: EntryRisk, clusters: Cluster[]): Text {
  const mine = clusters.filter((c) => c.entryId === risk.entryId);
  return lines([
    t('fraud-entry', {
      number: String(risk.entryNumber),
      category: categoryArg(deps, risk.category),
      index: risk.index,
      suspicious: risk.suspicious,
      votes: risk.votes,
    }),
    ...mine.slice(0, SHOWN_CLUSTERS).map((c) => clusterText(deps, c)),
  ]);
}

function reportText(deps: Deps, analysis: SavedAnalysis): Text {
  if (!analysis.entries.length) return t('fraud-none', { votes: analysis.votes });
  return t('fraud-report', {
    votes: analysis.votes,
    at: when(deps, analysis.at),
    entries: lines(
      analysis.entries
        .slice(0, SHOWN_ENTRIES)
        .map((risk) => entryText(deps, risk, analysis.clusters)),
    ),
  });
}

/** Runs the analysis over every counted vote and keeps it. */
export async function runAnalysis(deps: Deps, trigger: string): Promise<SavedAnalysis> {
  const facts = await deps.stores.fraud.facts();
  const analysis = analyse(facts, deps.campaign.fraud, deps.clock.now());
  return deps.stores.fraud.save(analysis, trigger);
}

function clusterRows(analysis: SavedAnalysis): (string | number)[][] {
  return [
    ['cluster', 'entry_number', 'category', 'votes', 'signals', 'platform', 'id_from', 'id_to'],
    ...analysis.clusters.map((c) => [
      c.code,
      c.entryNumber,
      c.category,
      c.voteIds.length,
      c.signals.join(' '),
      c.platform ?? '',
      c.idFrom ?? '',
      c.idTo ?? '',
    ]),
  ];
}

/**
 * The analysis to show: the scheduled one while it is fresh (reading every vote takes seconds on
 * a big contest, longer than a platform waits for an answer), otherwise one run now.
 */
async function currentAnalysis(deps: Deps, now: Date, fresh: boolean): Promise<SavedAnalysis> {
  const latest = fresh ? await deps.stores.fraud.latest() : null;
  const maxAge = deps.campaign.fraud.everyMinutes * 60_000;
  if (latest && now.getTime() - latest.at.getTime() <= maxAge) return latest;
  return runAnalysis(deps, 'moderator');
}

/** /fraud: the latest analysis (or one run now); /fraud now runs one; /fraud csv exports it. */
export async function onFraudCommand(turn: Turn, arg: string): Promise<void> {
  if (arg && arg !== 'csv' && arg !== 'now') return turn.say(t('fraud-usage'));
  const analysis = await currentAnalysis(turn.deps, turn.now, arg !== 'now');
  if (arg !== 'csv') return turn.say(reportText(turn.deps, analysis));
  turn.document(`clusters-${analysis.run}.csv`, toCsv(clusterRows(analysis)));
  const voters = [
    ['cluster', 'platform', 'voter_id', 'first_vote', 'last_vote'],
    ...analysis.clusters.flatMap((c) =>
      c.voters.map((v) => [c.code, v.platform, v.id, c.from.toISOString(), c.to.toISOString()]),
    ),
  ];
  turn.document(`cluster-voters-${analysis.run}.csv`, toCsv(voters));
}

const CODE = /^\d{1,9}-\d{1,6}$/;
const ACCOUNT = /^([a-z]{2,16}):(\d{1,19})$/;
const WINDOW = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;
const MIN_REASON = 3;

/** What `/void …` names, and its reason; an error message key when it cannot be read. */
function parseVoid(
  deps: Deps,
  arg: string,
): { selection: VoidSelection; reason: string } | { error: string } {
  const [kind = '', ...rest] = arg.split(/\s+/);
  let selection: VoidSelection | null = null;
  let words = rest;
  if (kind === 'left') {
    selection = { kind: 'left' };
  } else if (kind === 'cluster' && CODE.test(rest[0] ?? '')) {
    selection = { kind: 'cluster', code: rest[0]! };
    words = rest.slice(1);
  } else if (kind === 'voter') {
    const account = ACCOUNT.exec(rest[0] ?? '');
    if (account && PLATFORM_NAME.test(account[1]!)) {
      const voter: UserRef = { platform: account[1]!, id: account[2]! };
      selection = { kind: 'voter', voter };
      words = rest.slice(1);
    }
  } else if (kind === 'entry' && /^\d{1,7}$/.test(rest[0] ?? '')) {
    const window = WINDOW.exec(`${rest[1] ?? ''} ${rest[2] ?? ''}`);
    if (window && !Number.isNaN(Date.parse(`${window[1]}T00:00:00Z`))) {
      const [, date, fromH, fromM, toH, toM] = window;
      const from = instant(deps.campaign, date!, `${fromH}:${fromM}`);
      // To the end of the last minute named.
      const to = new Date(instant(deps.campaign, date!, `${toH}:${toM}`).getTime() + 59_999);
      if (from <= to) {
        selection = { kind: 'entry', number: Number(rest[0]), from, to };
        words = rest.slice(3);
      }
    }
  }
  if (!selection) return { error: 'void-usage' };
  const reason = words.join(' ').trim();
  if (reason.length < MIN_REASON) return { error: 'void-reason-needed' };
  return { selection, reason: reason.slice(0, 500) };
}

/** Voids and their undo change the results only until they are announced; frozen ones follow. */
async function afterCountChanged(deps: Deps): Promise<void> {
  if (await deps.stores.results.frozen()) {
    await deps.stores.results.refreeze(await deps.stores.results.tally(), deps.clock.now());
  }
}

function selectionText(deps: Deps, selection: VoidSelection): Text {
  if (selection.kind === 'cluster') return t('void-what-cluster', { code: selection.code });
  if (selection.kind === 'voter')
    return t('void-what-voter', { account: `${selection.voter.platform}:${selection.voter.id}` });
  if (selection.kind === 'left') return t('void-what-left');
  return t('void-what-entry', {
    number: String(selection.number),
    from: when(deps, selection.from),
    to: localTime(deps.campaign, selection.to),
  });
}

/** /void cluster 12-3 reason · /void voter telegram:123 reason · /void entry 17 DATE HH:MM-HH:MM reason */
export async function onVoidCommand(turn: Turn, arg: string): Promise<void> {
  const { deps } = turn;
  if (resultsPublic(deps.campaign, turn.now)) return turn.say(t('void-too-late'));
  const parsed = parseVoid(deps, arg);
  if ('error' in parsed) return turn.say(t(parsed.error));
  const done = await deps.stores.voids.void(
    parsed.selection,
    parsed.reason,
    turn.asModerator,
    turn.now,
  );
  if (!done) return turn.say(t('void-nothing', { what: selectionText(deps, parsed.selection) }));
  await afterCountChanged(deps);
  turn.say(
    t('void-done', {
      id: done.id,
      votes: done.votes,
      what: selectionText(deps, parsed.selection),
      reason: parsed.reason,
    }),
  );
}

/** /unvoid 4 reason: the void's votes count again. */
export async function onUnvoidCommand(turn: Turn, arg: string): Promise<void> {
  const { deps } = turn;
  if (resultsPublic(deps.campaign, turn.now)) return turn.say(t('void-too-late'));
  const match = /^(\d{1,9})(?:\s+(.*))?$/s.exec(arg);
  if (!match) return turn.say(t('unvoid-usage'));
  const reason = (match[2] ?? '').trim();
  if (reason.length < MIN_REASON) return turn.say(t('void-reason-needed'));
  const id = Number(match[1]);
  const undone = await deps.stores.voids.undo(id, reason.slice(0, 500), turn.asModerator, turn.now);
  if (undone === 'unknown') return turn.say(t('unvoid-unknown', { id }));
  if (undone === 'undone') return turn.say(t('unvoid-already', { id }));
  await afterCountChanged(deps);
  turn.say(t('unvoid-done', { id, votes: undone.votes }));
}

/** /audit: every void and undo, as CSV; nothing in it can be changed through the bot. */
export async function exportAudit(turn: Turn): Promise<void> {
  const records = await turn.deps.stores.voids.audit();
  if (!records.length) return turn.say(t('audit-empty'));
  const rows = [
    ['seq', 'at', 'action', 'void', 'selection', 'votes', 'reason', 'by_platform', 'by_id', 'by'],
    ...records.map((r) => {
      const s = r.selection;
      const selection =
        s.kind === 'cluster'
          ? `cluster ${s.code}`
          : s.kind === 'voter'
            ? `voter ${s.voter.platform}:${s.voter.id}`
            : s.kind === 'left'
              ? 'left the channel'
              : `entry ${s.number} ${new Date(s.from).toISOString()}..${new Date(s.to).toISOString()}`;
      return [
        r.seq,
        r.at.toISOString(),
        r.action,
        r.void,
        selection,
        r.votes,
        r.reason,
        r.by.platform,
        r.by.id,
        r.by.name ?? '',
      ];
    }),
  ];
  turn.document('audit.csv', toCsv(rows));
}

/** How the votes were counted: per category, and what was voided for which reasons. */
export async function transparencyText(deps: Deps): Promise<Text> {
  const [accounts, reasons] = await Promise.all([
    deps.stores.voids.accounts(),
    deps.stores.voids.voidedByReason(),
  ]);
  const byCategory = new Map(accounts.map((a) => [a.category, a]));
  const categories = deps.campaign.categories.map((c) => {
    const a = byCategory.get(c.id) ?? { counted: 0, voided: 0, voters: 0 };
    return t('transparency-category', {
      category: { names: c.name },
      counted: a.counted,
      voters: a.voters,
      voided: a.voided,
    });
  });
  return t('transparency-report', {
    categories: lines(categories),
    voided: reasons.length
      ? t('transparency-reasons', {
          reasons: lines(
            reasons.map((r) =>
              t('transparency-reason', {
                reason: typeof r.reason === 'string' ? r.reason : t(r.reason.key),
                votes: r.votes,
              }),
            ),
          ),
        })
      : t('transparency-no-voids'),
  });
}

/** /transparency: everyone once the results are announced; moderators any time. */
export async function showTransparency(turn: Turn): Promise<void> {
  const { campaign } = turn.deps;
  if (!turn.isOrganiser && !resultsPublic(campaign, turn.now)) {
    const gala = { date: campaign.dates.gala };
    return turn.say(t('results-not-yet', { gala, time: campaign.schedule.galaTime }));
  }
  turn.say(await transparencyText(turn.deps));
}

/** With the results: the transparency report goes to every configured channel. */
export async function postTransparency(deps: Deps): Promise<void> {
  if (!deps.channels.length) return;
  const text = await transparencyText(deps);
  await deps.outbox.enqueue(
    deps.channels.map((channel): OutboxItem => ({
      key: `transparency:channel:${channel.platform}:${channel.id}`,
      lane: 'results',
      reply: { to: channel, lang: deps.campaign.defaultLanguage, view: { kind: 'text', text } },
    })),
  );
}

/**
 * While voting is open the analysis also runs by itself, once every `fraud.everyMinutes` of the
 * campaign clock across all processes (the wiring takes the interval's slot); moderators hear of
 * it when it finds more clustered votes than the run before.
 */
export async function analyseAndAlert(deps: Deps): Promise<void> {
  const before = await deps.stores.fraud.latest();
  const analysis = await runAnalysis(deps, 'schedule');
  const clustered = (a: SavedAnalysis | null) =>
    a?.clusters.reduce((n, c) => n + c.voteIds.length, 0) ?? 0;
  if (clustered(analysis) <= clustered(before)) return;
  const items: OutboxItem[] = [];
  for (const admin of deps.admins) {
    const lang = await langOf(deps, admin);
    items.push({
      key: `fraud-alert:${analysis.run}:${admin.platform}:${admin.id}`,
      reply: {
        to: admin,
        lang,
        view: {
          kind: 'text',
          text: t('fraud-alert', {
            clusters: analysis.clusters.length,
            votes: clustered(analysis),
            top: String(analysis.entries[0]?.entryNumber ?? ''),
          }),
        },
      },
    });
  }
  await deps.outbox.enqueue(items);
}

export const integrityCommands = [
  command('transparency', showTransparency, { menu: 6 }),
  command('fraud', onFraudCommand, { who: 'organisers' }),
  command('void', onVoidCommand, { who: 'organisers' }),
  command('unvoid', onUnvoidCommand, { who: 'organisers' }),
  command('audit', exportAudit, { who: 'organisers' }),
];
