import {
  onDraftButton,
  onDraftPhoto,
  onDraftText,
  onDraftUnsupported,
  onDraftVideo,
  startDraft,
} from './submit.js';
import { onModerationButton, onReasonText } from './moderate.js';
import { askDeleteMe, onDeleteButton, showMyData } from './my-data.js';
import { parsePayload } from './payload.js';
import { promptStep } from './draft-steps.js';
import type { Event, Input, Reply } from './ports.js';
import {
  askLanguage,
  chooseLanguage,
  greet,
  languageFromHint,
  mainMenu,
  showHelp,
} from './start.js';
import { Turn, t, type Deps } from './turn.js';

export type { Deps } from './turn.js';

/** The whole core in one call: an event in, the replies out. Platform adapters call only this. */
export async function handleEvent(event: Event, deps: Deps): Promise<Reply[]> {
  const lang = languageFromHint(event.actor.langHint, deps.campaign.defaultLanguage);
  const user = await deps.stores.users.ensure(event.actor, lang);
  const turn = new Turn(event, user, deps);
  await route(turn, event.input);
  return turn.replies;
}

async function route(turn: Turn, input: Input): Promise<void> {
  switch (input.kind) {
    case 'command':
      return onCommand(turn, input.name);
    case 'button':
      return onButton(turn, input.data);
    case 'text':
      return onText(turn, input.text);
    case 'photo':
    case 'video':
      return onMedia(turn, input);
    case 'unsupported':
      return onUnsupported(turn, input);
  }
}

async function onCommand(turn: Turn, name: string): Promise<void> {
  switch (name) {
    case 'start': {
      greet(turn);
      const draft = await turn.deps.stores.drafts.get(turn.event.actor);
      if (draft) {
        turn.say(t('draft-resume'));
        promptStep(turn, draft);
      }
      return;
    }
    case 'help':
      return showHelp(turn);
    case 'language':
      return askLanguage(turn);
    case 'submit':
      return startDraft(turn, 'own');
    case 'nominate':
      return startDraft(turn, 'nomination');
    case 'cancel': {
      await turn.deps.stores.drafts.delete(turn.event.actor);
      await turn.deps.stores.users.setAwaiting(turn.event.actor, null);
      return turn.say(t('draft-cancelled'), mainMenu());
    }
    case 'mydata':
      return showMyData(turn);
    case 'deleteme':
      return askDeleteMe(turn);
    default:
      return turn.say(t('unknown-command', { command: `/${name}` }), mainMenu());
  }
}

async function onButton(turn: Turn, data: string): Promise<void> {
  const p = parsePayload(data);
  if (!p) return turn.notice(t('button-stale'), true);
  switch (p[0]) {
    case 'lang':
      return chooseLanguage(turn, p[1]);
    case 'menu':
      turn.notice(t('button-ok'));
      if (p[1] === 'submit') return startDraft(turn, 'own');
      if (p[1] === 'nominate') return startDraft(turn, 'nomination');
      if (p[1] === 'language') return askLanguage(turn);
      if (p[1] === 'mydata') return showMyData(turn);
      return showHelp(turn);
    case 'd':
      return onDraftButton(turn, p);
    case 'mod':
      return onModerationButton(turn, p);
    case 'del':
      return onDeleteButton(turn, p[1]);
  }
}

async function onText(turn: Turn, text: string): Promise<void> {
  const awaiting = turn.user.awaiting;
  if (awaiting?.what === 'reject-reason' && turn.isAdmin)
    return onReasonText(turn, awaiting.entryId, text);
  const draft = await turn.deps.stores.drafts.get(turn.event.actor);
  if (draft) return onDraftText(turn, draft, text);
  turn.say(t('text-no-draft'), mainMenu());
}

async function onMedia(
  turn: Turn,
  input: Extract<Input, { kind: 'photo' | 'video' }>,
): Promise<void> {
  const draft = await turn.deps.stores.drafts.get(turn.event.actor);
  if (!draft) return turn.say(t('media-no-draft'), mainMenu());
  if (input.kind === 'video') return onDraftVideo(turn, draft, input.media);
  return onDraftPhoto(turn, draft, input.media, input.albumId);
}

async function onUnsupported(
  turn: Turn,
  input: Extract<Input, { kind: 'unsupported' }>,
): Promise<void> {
  const draft = await turn.deps.stores.drafts.get(turn.event.actor);
  if (!draft)
    return turn.say(t('unsupported-no-draft', { what: t(`kind-${input.what}`) }), mainMenu());
  onDraftUnsupported(turn, draft, input.what);
}
