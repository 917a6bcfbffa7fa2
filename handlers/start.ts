import { button, command } from './actions.js';
import { phaseAt } from './campaign-clock.js';
import { part, payload } from './payload.js';
import { LANGS, type Keyboard, type Lang, type Text } from './protocol.js';
import { t, type Deps, type Turn } from './turn.js';

/** Telegram's language_code (or a VK profile's language) to one of ours; anything else: default. */
export function languageFromHint(hint: string | undefined, fallback: Lang): Lang {
  const base = hint?.toLowerCase().split(/[-_]/)[0];
  return LANGS.find((l) => l === base) ?? fallback;
}

/** What a person can do now: entries while they are taken, the list once it is public. */
export function mainMenu(turn: Turn): Keyboard {
  const phase = phaseAt(turn.deps.campaign, turn.now);
  const now: Keyboard =
    phase === 'submissions'
      ? [
          [{ label: t('menu-submit'), data: payload('menu', 'submit') }],
          [{ label: t('menu-nominate'), data: payload('menu', 'nominate') }],
        ]
      : phase === 'voting' || phase === 'closed'
        ? [[{ label: t('menu-vote'), data: payload('menu', 'vote') }]]
        : [];
  return [
    ...now,
    [
      { label: t('menu-language'), data: payload('menu', 'language') },
      { label: t('menu-mydata'), data: payload('menu', 'mydata') },
    ],
  ];
}

/** One sentence about where the campaign stands today, with its dates. */
export function phaseText(deps: Deps, now: Date): Text {
  const d = deps.campaign.dates;
  const date = (s: string) => ({ date: s });
  switch (phaseAt(deps.campaign, now)) {
    case 'before':
      return t('phase-before', { open: date(d.submissionsOpen), close: date(d.submissionsClose) });
    case 'submissions':
      return t('phase-submissions', {
        close: date(d.submissionsClose),
        publication: date(d.publication),
      });
    case 'review':
      return t('phase-review', {
        close: date(d.submissionsClose),
        publication: date(d.publication),
      });
    case 'voting':
      return t('phase-voting', { close: date(d.votingClose) });
    case 'closed':
      return t('phase-closed', { gala: date(d.gala), broadcast: date(d.broadcast) });
  }
}

export function greet(turn: Turn): void {
  turn.say(
    t('start-greeting', {
      campaign: { names: turn.deps.campaign.name },
      phase: phaseText(turn.deps, turn.now),
    }),
    mainMenu(turn),
  );
}

export function showHelp(turn: Turn): void {
  turn.say(t('help', { phase: phaseText(turn.deps, turn.now) }), mainMenu(turn));
}

export function askLanguage(turn: Turn): void {
  turn.say(t('language-choose'), [
    LANGS.map((l) => ({ label: t(`language-name-${l}`), data: payload('lang', l) })),
  ]);
}

export async function chooseLanguage(turn: Turn, lang: Lang): Promise<void> {
  await turn.deps.stores.users.setLang(turn.event.actor, lang);
  turn.user = { ...turn.user, lang };
  turn.notice(t('language-set'));
  turn.say(t('language-set'), mainMenu(turn));
}

export const languageButtons = [button('lang', [part.lang], chooseLanguage)];

export const startCommands = [
  command('language', askLanguage, { menu: 8 }),
  command('help', showHelp, { menu: 12 }),
];
