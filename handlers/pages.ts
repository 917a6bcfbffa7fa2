import type { Button, Keyboard } from './protocol.js';
import { t, type Turn } from './turn.js';

// A list of choices that may not fit one message: VK's inline keyboards hold ten buttons, and a
// campaign may have more categories. Each edge declares how many buttons a message may carry
// (Deps.platformLimits); where the choices and the buttons that are always there (Cancel, Back) do
// not fit, the choices are shown a page at a time with a "More" button that goes round the pages.
// Nothing is ever cut: the edges refuse a keyboard over their limit loudly.

/** How many buttons one message may carry for the person in this turn. */
export function buttonRoom(turn: Turn): number {
  return turn.deps.platformLimits?.[turn.event.actor.platform]?.buttonsPerMessage ?? Infinity;
}

/**
 * Page `page` of `choices` (laid `perRow` to a row), then the `fixed` rows. `more(n)` is the
 * payload that shows page n.
 */
export function pagedChoices(
  turn: Turn,
  choices: Button[],
  fixed: Keyboard,
  page: number,
  more: (page: number) => string,
  perRow = 1,
): Keyboard {
  const room = buttonRoom(turn);
  const fixedCount = fixed.flat().length;
  const rows = (buttons: Button[]): Keyboard => {
    const laid: Keyboard = [];
    for (let i = 0; i < buttons.length; i += perRow) laid.push(buttons.slice(i, i + perRow));
    return laid;
  };
  if (choices.length + fixedCount <= room) return [...rows(choices), ...fixed];
  const perPage = room - fixedCount - 1;
  if (perPage < 1) throw new Error(`no room for choices beside ${fixedCount} fixed buttons`);
  const pages = Math.ceil(choices.length / perPage);
  const shown = ((page % pages) + pages) % pages;
  const next = (shown + 1) % pages;
  return [
    ...rows(choices.slice(shown * perPage, (shown + 1) * perPage)),
    [{ label: t('button-more-choices', { page: next + 1, pages }), data: more(next) }],
    ...fixed,
  ];
}
