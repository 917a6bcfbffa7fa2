import { z } from 'zod';
import { button, command } from './actions.js';
import { promptStep } from './draft-steps.js';
import { entryOfLinkArg } from './links.js';
import { showMyData } from './my-data.js';
import { askLanguage, greet, showHelp } from './start.js';
import { startDraft } from './submit.js';
import { t } from './turn.js';
import { openFromLink, showCategories } from './vote.js';

// The way in: /start (a greeting, a draft to resume, or an entry opened from a shared link) and
// the main menu's buttons.

const item = z.enum(['submit', 'nominate', 'vote', 'language', 'mydata', 'help']);

export const menuButtons = [
  button('menu', [item], (turn, chosen) => {
    turn.notice(t('button-ok'));
    switch (chosen) {
      case 'submit':
        return startDraft(turn, 'own');
      case 'nominate':
        return startDraft(turn, 'nomination');
      case 'vote':
        return showCategories(turn);
      case 'language':
        return askLanguage(turn);
      case 'mydata':
        return showMyData(turn);
      case 'help':
        return showHelp(turn);
    }
  }),
];

export const startCommand = command(
  'start',
  async (turn, arg) => {
    const linked = entryOfLinkArg(arg);
    if (linked) return openFromLink(turn, linked);
    greet(turn);
    const draft = await turn.deps.stores.drafts.get(turn.event.actor);
    if (draft) {
      turn.say(t('draft-resume'));
      promptStep(turn, draft);
    }
  },
  { menu: 1 },
);
