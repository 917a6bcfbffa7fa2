import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import type { Campaign } from './campaign.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Where the campaign stands: 'closed' is from the close of voting on (the results are frozen,
 * and public from the gala's hour: resultsPublic).
 */
export type Phase = 'before' | 'submissions' | 'review' | 'voting' | 'closed';

/** The first instant of a calendar day in the campaign's time zone. */
function startOfDay(date: string, tz: string): number {
  return dayjs.tz(`${date} 00:00:00`, tz).valueOf();
}

/** The instant after the last moment (23:59:59.999) of a day in the campaign's time zone. */
function afterDay(date: string, tz: string): number {
  return dayjs.tz(`${date} 00:00:00`, tz).add(1, 'day').valueOf();
}

interface Bounds {
  open: number;
  afterClose: number;
  publication: number;
  afterVoting: number;
}

/** Phase boundaries by dates and zone: every button press asks for the phase, dates rarely change. */
const boundsCache = new Map<string, Bounds>();

function boundsOf(campaign: Campaign): Bounds {
  const { dates: d, timeZone: tz } = campaign;
  const key = [tz, d.submissionsOpen, d.submissionsClose, d.publication, d.votingClose].join('|');
  let bounds = boundsCache.get(key);
  if (!bounds) {
    bounds = {
      open: startOfDay(d.submissionsOpen, tz),
      afterClose: afterDay(d.submissionsClose, tz),
      publication: startOfDay(d.publication, tz),
      afterVoting: afterDay(d.votingClose, tz),
    };
    boundsCache.set(key, bounds);
  }
  return bounds;
}

/** Which phase the campaign is in at a moment. Days end at 23:59:59 in the campaign's zone. */
export function phaseAt(campaign: Campaign, now: Date): Phase {
  const b = boundsOf(campaign);
  const t = now.getTime();
  if (t < b.open) return 'before';
  if (t < b.afterClose) return 'submissions';
  if (t < b.publication) return 'review';
  if (t < b.afterVoting) return 'voting';
  return 'closed';
}

/**
 * Moments of the calendar already worked out: dayjs's time zones cost a formatter's work each
 * (it was a thirtieth of a bot's CPU on the busy night, asked on every card for the results' hour).
 */
const instants = new Map<string, number>();

/** A moment of the campaign's calendar: a date at a local time, plus some days. */
export function instant(campaign: Campaign, date: string, time = '00:00', plusDays = 0): Date {
  const key = `${campaign.timeZone}|${date}|${time}|${plusDays}`;
  let at = instants.get(key);
  if (at === undefined) {
    if (instants.size > 1_000) instants.clear();
    at = dayjs.tz(`${date} ${time}`, campaign.timeZone).add(plusDays, 'day').valueOf();
    instants.set(key, at);
  }
  return new Date(at);
}

/** The results are public from the start of the gala (the awards ceremony) on. */
export function resultsPublicAt(campaign: Campaign): Date {
  return instant(campaign, campaign.dates.gala, campaign.schedule.galaTime);
}

export function resultsPublic(campaign: Campaign, now: Date): boolean {
  return now >= resultsPublicAt(campaign);
}

/**
 * What vote counts anyone but the organisers may see at a moment: the live count while voting
 * when the campaign shows it, the final (frozen) figures once they may be known, or none. With
 * hidden counts nothing shows a count before the results are public; with live counts the final
 * figures are the last live ones, shown from the close of voting.
 */
export type CountsShown = 'live' | 'final' | 'none';

export function countsShown(campaign: Campaign, now: Date): CountsShown {
  if (resultsPublic(campaign, now)) return 'final';
  if (!campaign.rules.showLiveCounts) return 'none';
  const phase = phaseAt(campaign, now);
  if (phase === 'voting') return 'live';
  return phase === 'closed' ? 'final' : 'none';
}

/** The calendar date (YYYY-MM-DD) of a moment in the campaign's time zone. */
export function localDate(campaign: Campaign, at: Date): string {
  return dayjs(at).tz(campaign.timeZone).format('YYYY-MM-DD');
}

/** The local time (HH:MM) of a moment in the campaign's time zone. */
export function localTime(campaign: Campaign, at: Date): string {
  return dayjs(at).tz(campaign.timeZone).format('HH:mm');
}
