import dayjs from 'dayjs';
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { Campaign } from '../../handlers/campaign.js';
import { phaseAt, type Phase } from '../../handlers/campaign-clock.js';
import type { Deps } from '../../handlers/index.js';
import type { Clock } from '../../handlers/ports.js';

// The demo for the terminal chat: a campaign whose dates are around today, a few entries by other
// people with small bundled pictures, and a clock an organiser can move to the next phase, so
// every phase of the contest can be seen in a few minutes.

const DAY = 'YYYY-MM-DD';

export function demoCampaign(base: Campaign, today: Date): Campaign {
  const day = (n: number) => dayjs(today).tz(base.timeZone).add(n, 'day').format(DAY);
  return {
    ...base,
    dates: {
      submissionsOpen: day(-1),
      submissionsClose: day(1),
      publication: day(3),
      votingClose: day(5),
      gala: day(6),
      broadcast: day(7),
    },
  };
}

/** The real time, moved forward by the organiser's /nextphase. */
export class DemoClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  moveTo(at: Date): void {
    this.offsetMs = Math.max(this.offsetMs, at.getTime() - Date.now());
  }
}

/** Moves the clock to the start of the next phase (the results: the gala's evening); null at the end. */
export function nextPhase(campaign: Campaign, clock: DemoClock): Phase | null {
  const { dates, timeZone, schedule } = campaign;
  const at = (date: string, time = '00:00', plus = 0) =>
    dayjs.tz(`${date} ${time}`, timeZone).add(plus, 'day').toDate();
  const starts: [Phase, Date][] = [
    ['submissions', at(dates.submissionsOpen, schedule.announceAt)],
    ['review', at(dates.submissionsClose, '00:00', 1)],
    ['voting', at(dates.publication, schedule.announceAt)],
    ['results', at(dates.gala, schedule.galaTime)],
  ];
  const now = clock.now();
  const next = starts.find(([, start]) => start > now);
  if (!next) return null;
  clock.moveTo(new Date(next[1].getTime() + 60_000));
  return phaseAt(campaign, clock.now());
}

const SEED = [
  {
    category: 'elderly',
    city: 'Karaganda',
    story:
      'Every Sunday our class visits the care home and reads the newspaper aloud to those who can no longer see well.',
  },
  {
    category: 'animals',
    city: 'Astana',
    story:
      'A neighbour built warm shelters for the stray dogs of our block before the first frost, from old boxes and blankets.',
  },
  {
    category: 'disaster',
    city: 'Petropavl',
    story:
      'When the river flooded the village, a driver made twelve trips in one night to carry families and their animals to dry ground.',
  },
];

/** A few entries by other people, approved, so the list has something to show on the publication day. */
export async function seedDemo(deps: Deps, now: Date): Promise<void> {
  const { drafts, entries } = deps.stores;
  if (await entries.getByNumber(1)) return;
  for (const [i, seed] of SEED.entries()) {
    const author = {
      platform: 'terminal' as const,
      id: `demo-${i + 1}`,
      displayName: `Demo author ${i + 1}`,
    };
    const picture = resolve(`bot/terminal/demo/deed-${i + 1}.png`);
    await drafts.start(author, 'own', 'media');
    const media = {
      type: 'photo' as const,
      platform: 'terminal' as const,
      fileId: picture,
      uniqueId: `demo-${i + 1}`,
      sizeBytes: statSync(picture).size,
    };
    await drafts.addPhoto(author, media, undefined, 5);
    const draft = await drafts.update(author, {
      story: seed.story,
      city: seed.city,
      category: seed.category,
      consent: true,
      step: 'summary',
    });
    if (!draft) continue;
    const { entry } = await entries.submitDraft(draft, author, now);
    await drafts.delete(author);
    await entries.decide(entry.id, {
      status: 'approved',
      by: { platform: 'terminal', id: 'demo', name: 'Demo moderator' },
      at: now,
    });
  }
}
