import { findCategory } from '../../handlers/campaign.js';
import { platformName } from '../../handlers/turn.js';
import {
  localDate,
  localTime,
  phaseAt,
  resultsPublic,
  resultsPublicAt,
} from '../../handlers/campaign-clock.js';
import type { Figures, Stats } from '../../handlers/ports.js';
import { campaignEvents } from '../../handlers/schedule.js';
import { panelPage, type Panel } from './panel-page.js';
import type { Site } from './site.js';

// The contest drawn: the database's figures as bars, drawn on the server as SVG (no script, no
// chart library: the page prints, works without JavaScript, and a test can read each bar's figure
// from the page). The campaign's timeline: its events, planned and done, in its time zone.

/** Read at most this often per process, however many organisers keep the page open. */
const FIGURES_MS = 10_000;
/** While voting, the dashboard reloads itself this often. */
const REFRESH_S = 60;
const BAR_WIDTH = 270;
/** A row: its label above, its bar below (a label of any length never runs into a bar). */
const ROW = 36;
const COLOURS = 6;

interface Segment {
  key: string;
  value: number;
}
interface Row {
  key: string;
  label: string;
  segments: Segment[];
}

/** A chart's rows as bars scaled to the largest row, segments stacked in legend order. */
function chart(
  id: string,
  title: string,
  rows: Row[],
  legend: { key: string; label: string }[] = [],
) {
  const total = (r: Row) => r.segments.reduce((n, s) => n + s.value, 0);
  const most = Math.max(1, ...rows.map(total));
  const colour = new Map(legend.map((l, i) => [l.key, i % COLOURS]));
  return {
    id,
    title,
    height: Math.max(ROW, rows.length * ROW),
    row: ROW,
    legend: legend.map((l, i) => ({ ...l, colour: i % COLOURS })),
    bars: rows.map((r) => {
      let x = 0;
      const parts = r.segments
        .filter((s) => s.value > 0)
        .map((s) => {
          const width = Math.max(1, Math.round((BAR_WIDTH * s.value) / most));
          const part = { ...s, x, width, colour: colour.get(s.key) ?? 0 };
          x += width;
          return part;
        });
      return { key: r.key, label: r.label, value: total(r), parts, end: x };
    }),
  };
}

/** One bar per key of a record, in key order (or in the record's own, where it has one). */
function simpleRows(
  figures: Record<string, number>,
  label: (key: string) => string,
  ordered = false,
): Row[] {
  return Object.entries(figures)
    .sort(([a], [b]) => (ordered ? 0 : a < b ? -1 : 1))
    .map(([key, value]) => ({ key, label: label(key), segments: [{ key, value }] }));
}

/** Rows of stacked segments from (row, segment, n) triples. */
function stackedRows(
  triples: { row: string; part: string; n: number }[],
  label: (row: string) => string,
): Row[] {
  const rows = new Map<string, Map<string, number>>();
  for (const { row, part, n } of triples) {
    const parts = rows.get(row) ?? new Map<string, number>();
    parts.set(part, (parts.get(part) ?? 0) + n);
    rows.set(row, parts);
  }
  return [...rows.keys()].sort().map((row) => ({
    key: row,
    label: label(row),
    segments: [...rows.get(row)!]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, value]) => ({ key, value })),
  }));
}

/** Stacked bars from (row, part, n) triples, with a legend of the parts in key order. */
function stacked(
  id: string,
  title: string,
  triples: { row: string; part: string; n: number }[],
  rowLabel: (row: string) => string,
  partLabel: (part: string) => string,
) {
  const parts = [...new Set(triples.map((t) => t.part))].sort();
  return chart(
    id,
    title,
    stackedRows(triples, rowLabel),
    parts.map((key) => ({ key, label: partLabel(key) })),
  );
}

const hourStart = (hour: string) => new Date(`${hour}:00:00.000Z`);

interface Reading {
  at: number;
  stats: Stats;
  figures: Figures;
  sentPerSecond: number | null;
}
/** The last reading per site (a process serves one; the tests start several). */
const readings = new WeakMap<Site, Reading>();

/** The figures, read at most every ten seconds per process; sends a second since the last read. */
async function read(p: Panel): Promise<Reading> {
  const now = Date.now();
  const before = readings.get(p.site);
  if (before && now - before.at < FIGURES_MS) return before;
  const { admin } = p.site.deps.stores;
  const [stats, figures] = await Promise.all([admin.stats(), admin.figures()]);
  const sent = (s: Stats) => s.outbox.sent ?? 0;
  const sentPerSecond = before
    ? ((sent(stats) - sent(before.stats)) * 1000) / (now - before.at)
    : null;
  const reading = { at: now, stats, figures, sentPerSecond };
  readings.set(p.site, reading);
  return reading;
}

/** The best-placed entries per category, where this person may see them now (the embargo). */
async function topEntries(p: Panel): Promise<Row[] | null> {
  const { deps } = p.site;
  const now = deps.clock.now();
  const open = resultsPublic(deps.campaign, now);
  if (!p.organiser && !open) return null;
  // The frozen results once voting closed; before, the live counts the cards show.
  const frozen = await deps.stores.results.frozen();
  const rows =
    frozen?.rows ??
    (await Promise.all(
      (await deps.stores.entries.listPublished()).map(async (e) => ({
        number: e.number,
        category: e.category,
        votes: await deps.stores.votes.countFor(e.id),
      })),
    ));
  const byCategory = new Map<string, { number: number; votes: number }[]>();
  for (const r of rows) byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), r]);
  return deps.campaign.categories.flatMap((c) =>
    (byCategory.get(c.id) ?? [])
      .sort((a, b) => b.votes - a.votes || a.number - b.number)
      .slice(0, 3)
      .map((r) => ({
        key: String(r.number),
        label: `${c.name[p.lang]} · #${r.number}`,
        segments: [{ key: 'votes', value: r.votes }],
      })),
  );
}

export async function dashboard(p: Panel, outcomes: string[]): Promise<void> {
  const { deps } = p.site;
  const { campaign } = deps;
  const { stats: s, figures: f, sentPerSecond } = await read(p);
  const category = (k: string) => findCategory(campaign, k)?.name[p.lang] ?? k;
  const platform = (k: string) => p.tr(platformName(k).key);
  const language = (k: string) => (k === '?' ? '?' : p.tr(`language-name-${k}`));
  const day = (hour: string) => localDate(campaign, hourStart(hour));
  // A copy: the reading is kept for the next requests.
  const hours = [...f.votesPerHour].sort((a, b) => (a.hour < b.hour ? -1 : 1)).slice(-48);
  const top = await topEntries(p);
  const voting = phaseAt(campaign, deps.clock.now()) === 'voting';
  panelPage(
    p,
    'dashboard',
    {
      title: p.tr('panel-dashboard'),
      nothing: p.tr('panel-chart-empty'),
      totals: p.tr('panel-totals', { users: s.users, voters: s.voters, votes: s.votes }),
      embargo: top
        ? ''
        : p.tr('panel-top-embargo', {
            date: { date: localDate(campaign, resultsPublicAt(campaign)) },
            time: campaign.schedule.galaTime,
          }),
      sending:
        sentPerSecond === null
          ? ''
          : p.tr('panel-sent-per-second', { rate: Math.max(0, Math.round(sentPerSecond)) }),
      refreshing: voting ? p.tr('panel-refreshing', { seconds: REFRESH_S }) : '',
      charts: [
        chart(
          'status',
          p.tr('panel-chart-status'),
          simpleRows(s.entriesByStatus, (k) => p.tr(`entry-status-${k}`)),
        ),
        chart('category', p.tr('panel-chart-category'), simpleRows(s.entriesByCategory, category)),
        chart('platform', p.tr('panel-chart-platform'), simpleRows(s.entriesByPlatform, platform)),
        stacked(
          'day-platform',
          p.tr('panel-chart-day-platform'),
          f.entries.map((e) => ({ row: day(e.hour), part: e.platform, n: e.n })),
          (d) => d,
          platform,
        ),
        stacked(
          'day-category',
          p.tr('panel-chart-day-category'),
          f.entries.map((e) => ({ row: day(e.hour), part: e.category, n: e.n })),
          (d) => d,
          category,
        ),
        chart(
          'votes-hour',
          p.tr('panel-chart-votes-hour', { zone: campaign.timeZone }),
          hours.map((h) => ({
            key: h.hour,
            label: `${day(h.hour)} ${localTime(campaign, hourStart(h.hour))}`,
            segments: [{ key: 'votes', value: h.n }],
          })),
        ),
        stacked(
          'voters',
          p.tr('panel-chart-voters'),
          f.voters.map((v) => ({ row: v.platform, part: v.lang, n: v.n })),
          platform,
          language,
        ),
        ...(top ? [chart('top', p.tr('panel-chart-top'), top)] : []),
        chart(
          'outbox',
          p.tr('panel-chart-outbox'),
          simpleRows(s.outbox, (k) => p.tr(`panel-outbox-${k}`), true),
        ),
        chart(
          'opt-outs',
          p.tr('panel-chart-opt-outs'),
          simpleRows(
            { optedOut: f.optedOut, unreachable: f.unreachable },
            (k) => p.tr(`panel-opt-${k}`),
            true,
          ),
        ),
      ],
    },
    outcomes,
    voting ? REFRESH_S : undefined,
  );
}

/** The campaign's events in its time zone: when each is planned, and whether it went out. */
export async function timeline(p: Panel, outcomes: string[]): Promise<void> {
  const { deps } = p.site;
  const { campaign } = deps;
  const now = deps.clock.now();
  const happened = new Map((await deps.stores.events.list()).map((e) => [e.key, e]));
  const when = (at: Date) => `${localDate(campaign, at)} ${localTime(campaign, at)}`;
  const d = campaign.dates;
  panelPage(
    p,
    'panel-timeline',
    {
      title: p.tr('panel-nav-timeline'),
      zone: p.tr('panel-time-zone', { zone: campaign.timeZone }),
      phase: p.tr('panel-phase-now', { phase: { key: `phase-name-${phaseAt(campaign, now)}` } }),
      phases: [
        ['submissions', d.submissionsOpen, d.submissionsClose],
        ['voting', d.publication, d.votingClose],
        ['gala', d.gala, d.gala],
        ['broadcast', d.broadcast, d.broadcast],
      ].map(([key, from, to]) => ({
        key,
        label: p.tr(`panel-phase-${key}`),
        dates: from === to ? from : `${from} – ${to}`,
      })),
      events: campaignEvents(campaign).map((e) => {
        const done = happened.get(e.key);
        const state = done?.status ?? (e.at <= now ? 'due' : 'upcoming');
        return {
          key: e.key,
          label: p.tr(`panel-event-${e.key}`),
          planned: when(e.at),
          state,
          status: p.tr(`panel-event-state-${state}`, {
            at: done?.finishedAt ? when(done.finishedAt) : '',
          }),
        };
      }),
    },
    outcomes,
  );
}
