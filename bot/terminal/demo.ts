import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { Campaign } from '../../handlers/campaign.js';
import { instant, localDate, phaseAt, type Phase } from '../../handlers/campaign-clock.js';
import type { Deps } from '../../handlers/index.js';
import type { Clock, Draft } from '../../handlers/ports.js';

// The demo for the terminal chat: a campaign whose dates are around today, a few entries by other
// people with small bundled pictures, and a clock an organiser can move to the next phase, so
// every phase of the contest can be seen in a few minutes.

/** The campaign with its dates moved around `anchor`: entries open, publication in three days. */
export function demoCampaign(base: Campaign, anchor: string): Campaign {
  const day = (n: number) => localDate(base, instant(base, anchor, '12:00', n));
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
  /** `at`: where the clock stood when the demo was last used (a second run goes on from there). */
  constructor(at?: Date) {
    if (at) this.offsetMs = at.getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  moveTo(at: Date): void {
    this.offsetMs = Math.max(this.offsetMs, at.getTime() - Date.now());
  }
}

/** Moves the clock to the start of the next phase (the results: the gala's evening); null at the end. */
export function nextPhase(campaign: Campaign, clock: DemoClock): Phase | null {
  const { dates, schedule } = campaign;
  const at = (date: string, time = '00:00', plus = 0) => instant(campaign, date, time, plus);
  const starts: [Phase, Date][] = [
    ['submissions', at(dates.submissionsOpen, schedule.announceAt)],
    ['review', at(dates.submissionsClose, '00:00', 1)],
    ['voting', at(dates.publication, schedule.announceAt)],
    ['closed', at(dates.gala, schedule.galaTime)],
  ];
  const now = clock.now();
  const next = starts.find(([, start]) => start > now);
  if (!next) return null;
  clock.moveTo(new Date(next[1].getTime() + 60_000));
  return phaseAt(campaign, clock.now());
}

/** Three entries in each category, one in each language, so a vote can be moved and a category
 * ranked. The pictures are three small bundled ones, shared. */
const SEED: { category: string; city: string; story: string }[] = [
  {
    category: 'elderly',
    city: 'Karaganda',
    story:
      'Every Sunday our class visits the care home and reads the newspaper aloud to those who can no longer see well.',
  },
  {
    category: 'elderly',
    city: 'Шымкент',
    story:
      'Көршіміз Ерлан қыс бойы жалғыз тұратын Гүлнар апайдың ауласындағы қарды күреп, дәріханадан дәрісін әкеліп береді.',
  },
  {
    category: 'elderly',
    city: 'Павлодар',
    story:
      'Студенты-волонтёры каждую неделю привозят продукты одиноким пенсионерам нашего района и помогают им оплачивать счета по телефону.',
  },
  {
    category: 'disaster',
    city: 'Petropavl',
    story:
      'When the river flooded the village, a driver made twelve trips in one night to carry families and their animals to dry ground.',
  },
  {
    category: 'disaster',
    city: 'Атырау',
    story:
      'Су тасқыны кезінде ауыл жастары түні бойы қап-қап құм тасып, бөгет тұрғызды. Таңертең бірде-бір үйді су баспады.',
  },
  {
    category: 'disaster',
    city: 'Талдыкорган',
    story:
      'Когда в горах сошёл сель, местный фермер открыл свой дом для двенадцати туристов и три дня кормил их, пока не восстановили дорогу.',
  },
  {
    category: 'children',
    city: 'Kostanay',
    story:
      'A retired teacher runs free maths lessons for the village children in her kitchen every evening after school.',
  },
  {
    category: 'children',
    city: 'Қызылорда',
    story:
      'Ауламыздағы балалар алаңы бұзылып қалған еді. Әкелер демалыс күндері жиналып, әткеншек пен сырғанақты жаңадан жасап берді.',
  },
  {
    category: 'children',
    city: 'Усть-Каменогорск',
    story:
      'Молодая мама устроила в подъезде полку обмена детскими книгами. За полгода через неё прошло больше трёхсот книг.',
  },
  {
    category: 'animals',
    city: 'Astana',
    story:
      'A neighbour built warm shelters for the stray dogs of our block before the first frost, from old boxes and blankets.',
  },
  {
    category: 'animals',
    city: 'Көкшетау',
    story:
      'Мектеп оқушылары қыста құстар аштан өлмесін деп саябаққа жиырма жемсауыт іліп, күн сайын жем салып тұрады.',
  },
  {
    category: 'animals',
    city: 'Семей',
    story:
      'Ветеринар из нашего города бесплатно лечит и стерилизует бездомных кошек, а потом помогает найти им хозяев.',
  },
  {
    category: 'city_nature',
    city: 'Oral',
    story:
      'Volunteers cleared three tonnes of rubbish from the banks of the Ural river in one weekend and planted willows there.',
  },
  {
    category: 'city_nature',
    city: 'Түркістан',
    story:
      'Жастар бірігіп, ауылдың шетіндегі бос жерге екі жүз терек көшетін отырғызды және жаз бойы суарып шықты.',
  },
  {
    category: 'city_nature',
    city: 'Актау',
    story:
      'Жители двора сами отремонтировали скамейки, покрасили забор и разбили клумбу на месте старой свалки.',
  },
  {
    category: 'everyday',
    city: 'Taraz',
    story:
      'A bus driver waits every morning for a boy in a wheelchair and helps him on board, so he is never late for school.',
  },
  {
    category: 'everyday',
    city: 'Ақтөбе',
    story:
      'Наубайханадағы апай кешке қалған нанды күн сайын жақын маңдағы жалғызбасты аналарға тегін таратады.',
  },
  {
    category: 'everyday',
    city: 'Экибастуз',
    story:
      'Продавщица в нашем магазине тайком доплачивает за покупки пожилых людей, когда им не хватает денег на кассе.',
  },
  {
    category: 'volunteer',
    city: 'Almaty',
    story:
      'For ten years she has coordinated the blood donors of our region, and she answers the phone at any hour when a hospital calls.',
  },
  {
    category: 'volunteer',
    city: 'Жезқазған',
    story:
      'Айдос бес жыл бойы мүгедектігі бар балаларға арналған жазғы лагерь ұйымдастырып, оған ақысыз еріктілер жинайды.',
  },
  {
    category: 'volunteer',
    city: 'Темиртау',
    story:
      'Волонтёр Марина каждую зиму собирает тёплые вещи и на своей машине развозит их по дальним аулам области.',
  },
];

/** How many entries the demo starts with. */
export const DEMO_ENTRIES = SEED.length;

/** Entries by other people, approved, so the list has something to show on the publication day,
 * and a few votes by other people (two for one entry of each category, one for another), so the
 * results rank them and one vote can change a winner. Only categories the campaign has are seeded. */
export async function seedDemo(deps: Deps, now: Date): Promise<void> {
  const { entries } = deps.stores;
  if (await entries.getByNumber(1)) return;
  const known = new Set(deps.campaign.categories.map((c) => c.id));
  for (const [i, seed] of SEED.entries()) {
    if (!known.has(seed.category)) continue;
    const author = {
      platform: 'terminal' as const,
      id: `demo-${i + 1}`,
      displayName: `Demo author ${i + 1}`,
    };
    const picture = resolve(`bot/terminal/demo/deed-${(i % 3) + 1}.png`);
    const draft: Draft = {
      id: `demo-draft-${i + 1}`,
      owner: author,
      kind: 'own',
      step: 'summary',
      editing: false,
      media: [
        {
          type: 'photo',
          platform: 'terminal',
          fileId: picture,
          uniqueId: `demo-${i + 1}`,
          sizeBytes: statSync(picture).size,
        },
      ],
      story: seed.story,
      city: seed.city,
      category: seed.category,
      consent: true,
    };
    const { entry } = await entries.submitDraft(draft, author, now);
    const decided = await entries.decide(entry.id, {
      status: 'approved',
      by: { platform: 'terminal', id: 'demo', name: 'Demo moderator' },
      at: now,
    });
    if (!decided.ok) continue;
    // Within its category: the first entry gets no votes, the second two, the third one.
    const votes = [0, 2, 1][i % 3]!;
    for (let v = 1; v <= votes; v += 1) {
      const voter = { platform: 'terminal' as const, id: `demo-voter-${i + 1}-${v}` };
      await deps.stores.votes.cast(voter, decided.entry, now, now);
    }
  }
}

/**
 * The demo keeps its data in a database of its own (the contest's name with "_demo"), so trying
 * the demo never leaves entries in a real contest's database, and starting it over erases only
 * the demo's.
 */
export function demoDatabaseUri(uri: string): string {
  const parts = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/([^?]*))?(\?.*)?$/.exec(uri);
  if (!parts) return uri;
  return `${parts[1]}/${parts[2] || 'test'}_demo${parts[3] ?? ''}`;
}
