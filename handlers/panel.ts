import { command } from './actions.js';
import { t } from './turn.js';

// /panel: a moderator's one-time link into the organisers' panel on the website (valid ten
// minutes, used once). The wiring makes the link (Deps.panelLink); without a site there is none.

export const panelCommands = [
  command(
    'panel',
    async (turn) => {
      const link = await turn.deps.panelLink?.(turn.event.actor);
      turn.say(link ? t('panel-link', { url: link }) : t('panel-unavailable'));
    },
    { who: 'moderators' },
  ),
];
