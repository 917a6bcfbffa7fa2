import { instant, resultsPublicAt } from './campaign-clock.js';
import type { Campaign } from './campaign.js';
import { payload } from './payload.js';
import type { Lane, OutboxItem, Text } from './protocol.js';
import type { RecipientFilter, UserRecord } from './ports.js';
import { announceResultsToAuthors, freezeAndReport, resultsSummary } from './results.js';
import { givingWay, t, type Deps } from './turn.js';
import { postTransparency } from './integrity.js';

// The campaign clock's events: each happens once, at a time computed from the campaign file in
// its time zone, and is recorded under its own key, so two processes or a restart never
// announce it twice. Tests move an injected clock instead of sleeping.

export type CampaignEventKey =
  | 'submissions-opened'
  | 'submissions-closing'
  | 'voting-opened'
  | 'voting-closed'
  | 'results-announced'
  | 'gala-day'
  | 'broadcast-day';

export interface CampaignEvent {
  key: CampaignEventKey;
  at: Date;
}

/** An event more than this late (the bot was down, or first started late) is skipped, not sent. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

const at = instant;

export function campaignEvents(c: Campaign): CampaignEvent[] {
  const { dates: d, schedule: s } = c;
  return [
    { key: 'submissions-opened', at: at(c, d.submissionsOpen, s.announceAt) },
    {
      key: 'submissions-closing',
      at: at(c, d.submissionsClose, s.announceAt, -s.closingReminderDays),
    },
    { key: 'voting-opened', at: at(c, d.publication, s.announceAt) },
    { key: 'voting-closed', at: at(c, d.votingClose, '00:00', 1) },
    { key: 'gala-day', at: at(c, d.gala, s.announceAt) },
    { key: 'results-announced', at: resultsPublicAt(c) },
    { key: 'broadcast-day', at: at(c, d.broadcast, s.announceAt) },
  ];
}

/** Results go before announcements, and announcements before reminders. */
const LANE_OF: Record<CampaignEventKey, Lane> = {
  'submissions-opened': 'announcement',
  'submissions-closing': 'reminder',
  'voting-opened': 'announcement',
  'voting-closed': 'results',
  'results-announced': 'results',
  'gala-day': 'reminder',
  'broadcast-day': 'reminder',
};

/**
 * The same message to everyone who wants announcements, each in their language. Renews the run's
 * lease with each page; false when another process took the run over (it goes on from there).
 */
async function announce(deps: Deps, run: Run, text: Text, buttons = true): Promise<boolean> {
  const event = run.key;
  const filter: RecipientFilter = { wantsAnnouncements: true };
  const keyboard = buttons
    ? [[{ label: t('menu-vote'), data: payload('menu', 'vote') }]]
    : undefined;
  let ours = true;
  let pageStart = '';
  const queuePage = givingWay(deps, async (users: UserRecord[], cursor: string) => {
    if (!ours) return;
    // Each page is queued once, by its place: a run taken over after a crash skips it.
    const page = `${event}:${pageStart}`;
    pageStart = cursor;
    const items: OutboxItem[] = users.map((u) => ({
      key: `${event}:${u.platform}:${u.id}`,
      lane: LANE_OF[event],
      batch: `${event}:${u.lang}`,
      reply: {
        to: { platform: u.platform, id: u.id },
        lang: u.lang,
        view: { kind: 'text', text, ...(keyboard ? { buttons: keyboard } : {}) },
      },
    }));
    await deps.outbox.enqueue(items, page);
    ours = await deps.stores.events.renew(event, run.owner, deps.clock.now());
  });
  await deps.stores.users.eachRecipientChunk(filter, queuePage);
  return ours;
}

/** An event this process is running. */
interface Run {
  key: CampaignEventKey;
  owner: string;
}

/** Runs an event's work; false when another process took the run over before it was done. */
async function fire(deps: Deps, run: Run): Promise<boolean> {
  const { dates: d, schedule: s } = deps.campaign;
  switch (run.key) {
    case 'submissions-opened':
      return announce(
        deps,
        run,
        t('announce-submissions-open', { close: { date: d.submissionsClose } }),
        false,
      );
    case 'submissions-closing':
      return announce(
        deps,
        run,
        t('announce-submissions-closing', { close: { date: d.submissionsClose } }),
        false,
      );
    case 'voting-opened':
      return announce(deps, run, t('announce-voting-open', { close: { date: d.votingClose } }));
    case 'voting-closed':
      await freezeAndReport(deps);
      return true;
    case 'gala-day':
      return announce(deps, run, t('announce-gala', { time: s.galaTime }), false);
    case 'results-announced': {
      const summary = t('announce-results', { results: await resultsSummary(deps) });
      if (!(await announce(deps, run, summary, false))) return false;
      await announceResultsToAuthors(deps);
      await postTransparency(deps);
      return true;
    }
    case 'broadcast-day':
      return announce(deps, run, t('announce-broadcast', { date: { date: d.broadcast } }), false);
  }
}

/** Runs every event that is due and has not run; returns the keys it ran. */
export async function runDueEvents(deps: Deps, owner: string): Promise<CampaignEventKey[]> {
  const now = deps.clock.now();
  const ran: CampaignEventKey[] = [];
  for (const event of campaignEvents(deps.campaign)) {
    if (event.at > now) continue;
    const claim = await deps.stores.events.claim(event.key, owner, now);
    if (!claim) continue;
    if (now.getTime() - event.at.getTime() > STALE_AFTER_MS) {
      await deps.stores.events.finish(event.key, 'skipped', now);
      continue;
    }
    // Taken over on the way (this run outlasted its lease): the other process finishes it.
    if (!(await fire(deps, { key: event.key, owner }))) continue;
    await deps.stores.events.finish(event.key, 'done', deps.clock.now());
    ran.push(event.key);
  }
  return ran;
}
