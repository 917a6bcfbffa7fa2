import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import type { Campaign } from './campaign.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export type Phase = 'before' | 'submissions' | 'review' | 'voting' | 'results';

/** The first instant of a calendar day in the campaign's time zone. */
function startOfDay(date: string, tz: string): number {
  return dayjs.tz(`${date} 00:00:00`, tz).valueOf();
}

/** The instant after the last moment (23:59:59.999) of a day in the campaign's time zone. */
function afterDay(date: string, tz: string): number {
  return dayjs.tz(`${date} 00:00:00`, tz).add(1, 'day').valueOf();
}

/** Which phase the campaign is in at a moment. Days end at 23:59:59 in the campaign's zone. */
export function phaseAt(campaign: Campaign, now: Date): Phase {
  const { dates, timeZone: tz } = campaign;
  const t = now.getTime();
  if (t < startOfDay(dates.submissionsOpen, tz)) return 'before';
  if (t < afterDay(dates.submissionsClose, tz)) return 'submissions';
  if (t < startOfDay(dates.publication, tz)) return 'review';
  if (t < afterDay(dates.votingClose, tz)) return 'voting';
  return 'results';
}

/** The calendar date (YYYY-MM-DD) of a moment in the campaign's time zone. */
export function localDate(campaign: Campaign, at: Date): string {
  return dayjs(at).tz(campaign.timeZone).format('YYYY-MM-DD');
}
