import { findCategory } from '../../handlers/campaign.js';
import { localDate, localTime, resultsPublic } from '../../handlers/campaign-clock.js';
import type { VoidSelection } from '../../handlers/fraud.js';
import { ranked } from '../../handlers/results.js';
import { csvBytes } from '../replies.js';
import { send } from './site.js';
import { asInChat, panelPage, said, type Panel } from './panel-page.js';

// What the result rests on: the vote analysis with its clusters, voids with a reason and their
// undoing, the audit log; the exports as downloads (the chat's /export, /audit and /fraud csv
// files, the same neutralised CSV); the final results as a page to print for the gala.

function when(p: Panel, at: Date): string {
  const { campaign } = p.site.deps;
  return `${localDate(campaign, at)} ${localTime(campaign, at)}`;
}

function selectionText(p: Panel, s: VoidSelection): string {
  switch (s.kind) {
    case 'cluster':
      return p.tr('void-what-cluster', { code: s.code });
    case 'voter':
      return p.tr('void-what-voter', { account: `${s.voter.platform}:${s.voter.id}` });
    case 'left':
      return p.tr('void-what-left');
    case 'entry':
      return p.tr('void-what-entry', {
        number: String(s.number),
        from: when(p, new Date(s.from)),
        to: when(p, new Date(s.to)),
      });
  }
}

export async function fraud(p: Panel, outcomes: string[]): Promise<void> {
  const { deps } = p.site;
  const [latest, audit] = await Promise.all([
    deps.stores.fraud.latest(),
    deps.stores.voids.audit(),
  ]);
  const category = (id: string) => findCategory(deps.campaign, id)?.name[p.lang] ?? id;
  const undone = new Set(audit.filter((r) => r.action === 'undo').map((r) => r.void));
  panelPage(
    p,
    'panel-fraud',
    {
      title: p.tr('panel-nav-fraud'),
      run: latest
        ? p.tr('panel-fraud-run', { run: latest.run, at: when(p, latest.at), votes: latest.votes })
        : p.tr('panel-fraud-none'),
      analyse: p.tr('panel-fraud-analyse'),
      reasonLabel: p.tr('panel-void-reason'),
      voidLabel: p.tr('panel-void'),
      undoLabel: p.tr('panel-undo'),
      auditTitle: p.tr('panel-audit'),
      auditEmpty: p.tr('audit-empty'),
      head: {
        cluster: p.tr('panel-fraud-cluster'),
        entry: p.tr('panel-fraud-entry'),
        votes: p.tr('panel-fraud-votes'),
        signals: p.tr('panel-fraud-signals'),
        span: p.tr('panel-fraud-span'),
      },
      entries: (latest?.entries ?? []).map((e) =>
        p.tr('fraud-entry', {
          number: String(e.entryNumber),
          category: category(e.category),
          index: e.index,
          suspicious: e.suspicious,
          votes: e.votes,
        }),
      ),
      clusters: (latest?.clusters ?? []).map((c) => ({
        code: c.code,
        entry: `#${c.entryNumber} · ${category(c.category)}`,
        votes: c.voteIds.length,
        signals: c.signals.map((s) => p.tr(`fraud-signal-${s}`)).join(', '),
        ids: c.idFrom ? `${c.platform} ${c.idFrom}–${c.idTo}` : '',
        span: `${when(p, c.from)} – ${localTime(deps.campaign, c.to)}`,
      })),
      audit: [...audit].reverse().map((r) => ({
        seq: r.seq,
        void: r.void,
        line: p.tr(`panel-audit-${r.action}`, {
          id: r.void,
          at: when(p, r.at),
          by: r.by.name ?? `${r.by.platform}:${r.by.id}`,
          what: selectionText(p, r.selection),
          votes: r.votes,
          reason: r.reason,
        }),
        undoable: r.action === 'void' && !undone.has(r.void),
      })),
    },
    outcomes,
  );
}

/** Runs a chat command as the organiser signed in; its answer is what the page shows next. */
async function command(p: Panel, text: string, tag: string): Promise<string[]> {
  const answer = await asInChat(p, { kind: 'command', ...parse(text) }, tag);
  return answer.map((r) => said(p, r)).filter(Boolean);
}

function parse(text: string): { name: string; arg: string } {
  const [name = '', ...rest] = text.split(' ');
  return { name, arg: rest.join(' ') };
}

// The reason's rules (its length, what it is cut to) are the command's, in the core.
export async function voidVotes(p: Panel, form: URLSearchParams) {
  const code = form.get('code') ?? '';
  const reason = form.get('reason') ?? '';
  if (!/^\d{1,9}-\d{1,6}$/.test(code)) return { to: '/panel/fraud', lines: [] };
  return { to: '/panel/fraud', lines: await command(p, `void cluster ${code} ${reason}`, code) };
}

export async function undoVoid(p: Panel, form: URLSearchParams) {
  const id = form.get('void') ?? '';
  const reason = form.get('reason') ?? '';
  if (!/^\d{1,9}$/.test(id)) return { to: '/panel/fraud', lines: [] };
  return { to: '/panel/fraud', lines: await command(p, `unvoid ${id} ${reason}`, `u${id}`) };
}

export async function analyse(p: Panel) {
  await command(p, 'fraud now', 'analyse');
  return { to: '/panel/fraud', lines: [p.tr('panel-fraud-analysed')] };
}

/** The files, by name: the chat command that makes each. */
const FILES: Record<string, string> = {
  entries: 'export entries',
  votes: 'export votes',
  results: 'export results',
  audit: 'audit',
  clusters: 'fraud csv',
  'cluster-voters': 'fraud csv',
};

export async function exportsPage(p: Panel, outcomes: string[]): Promise<void> {
  panelPage(
    p,
    'panel-exports',
    {
      title: p.tr('panel-nav-exports'),
      intro: p.tr('panel-exports-intro'),
      files: Object.keys(FILES).map((name) => ({
        href: `/panel/export/${name}.csv`,
        label: p.tr(`panel-export-${name}`),
      })),
    },
    outcomes,
  );
}

/** A file, as the chat's command makes it, sent as a download. */
export async function download(p: Panel, name: string): Promise<void> {
  const command = FILES[name];
  const answer = command
    ? await asInChat(p, { kind: 'command', ...parse(command) }, `file:${name}`)
    : [];
  const file = answer
    .map((r) => r.view)
    .find(
      (v) => v.kind === 'document' && v.filename.replace(/-\d+\.csv$/, '.csv') === `${name}.csv`,
    );
  if (!file || file.kind !== 'document') {
    // Nothing to export (no void yet, no analysis): what the chat would say, as text.
    const text =
      answer
        .map((r) => said(p, r))
        .filter(Boolean)
        .join('\n') || p.tr('web-not-found');
    return send(p.res, 404, 'text/plain; charset=utf-8', text);
  }
  // The bytes the chat sends (with the byte-order mark).
  send(p.res, 200, 'text/csv; charset=utf-8', csvBytes(file.content), {
    'content-disposition': `attachment; filename="${file.filename}"`,
    'cache-control': 'no-store',
  });
}

/** The results as a page to print for the gala: organisers any time, moderators once public. */
export async function printableResults(p: Panel, outcomes: string[]): Promise<void> {
  const { deps } = p.site;
  const { campaign } = deps;
  const now = deps.clock.now();
  const allowed = p.organiser || resultsPublic(campaign, now);
  const frozen = allowed ? await deps.stores.results.frozen() : null;
  const rows = frozen?.rows ?? (allowed ? await deps.stores.results.tally() : []);
  const results = await ranked(deps, rows);
  const places = campaign.schedule.prizePlaces;
  // Who each entry is about, for the presenter: the nominee, or the author; and the city.
  const entries = new Map(
    (await deps.stores.entries.listPublished()).map((e) => [e.number, e] as const),
  );
  const about = async (number: number) => {
    const e = entries.get(number) ?? (await deps.stores.entries.getByNumber(number));
    return e ? [e.nominee ?? e.author.name ?? '', e.city].filter(Boolean).join(', ') : '';
  };
  panelPage(
    p,
    'panel-results',
    {
      title: p.tr('panel-results-title', { campaign: campaign.name[p.lang] }),
      status: !allowed
        ? p.tr('results-not-yet', {
            gala: { date: campaign.dates.gala },
            time: campaign.schedule.galaTime,
          })
        : frozen
          ? p.tr('panel-results-final', { at: when(p, frozen.at) })
          : p.tr('panel-results-live', { at: when(p, now) }),
      print: p.tr('panel-print'),
      head: {
        place: p.tr('panel-results-place'),
        entry: p.tr('panel-fraud-entry'),
        about: p.tr('panel-results-about'),
        votes: p.tr('panel-fraud-votes'),
        jury: p.tr('panel-results-jury'),
      },
      jury: results.some((r) => r.standings.some((s) => s.jury !== undefined)),
      categories: await Promise.all(
        (allowed ? results : [])
          .filter((r) => r.standings.length)
          .map(async (r) => ({
            name: findCategory(campaign, r.category)?.name[p.lang] ?? r.category,
            rows: await Promise.all(
              r.standings.map(async (s) => ({
                place: s.place,
                number: s.number,
                about: await about(s.number),
                votes: s.votes,
                jury: s.jury === undefined ? '' : s.jury.toFixed(2),
                prize: s.place <= places,
                tie: r.ties.some((tie) => tie.numbers.includes(s.number)),
              })),
            ),
          })),
      ),
      tie: p.tr('panel-results-tie'),
    },
    outcomes,
  );
}
