import {
  onDraftButton,
  onDraftPhoto,
  onDraftText,
  onDraftUnsupported,
  onDraftVideo,
  startDraft,
} from './submit.js';
import { onModerationButton, onReasonText, showPending } from './moderate.js';
import { askDeleteMe, onDeleteButton, showMyData } from './my-data.js';
import { askReportReason, onModeratorCommand, reportEntry } from './complaints.js';
import {
  castVote,
  openCategory,
  openFromLink,
  shareEntry,
  showCategories,
  turnPage,
} from './vote.js';
import { isRepeatSafe, parsePayload, payload, type Payload } from './payload.js';
import { exportCsv, setAnnouncements, showAnnouncements, showStats } from './admin.js';
import { onBroadcastButton, onBroadcastText, startBroadcast } from './broadcast.js';
import { showResults } from './results.js';
import { isJuror, scoreEntry, showJury } from './jury.js';
import { onContact } from './phone.js';
import { entryOfLinkArg } from './links.js';
import {
  exportAudit,
  onFraudCommand,
  onUnvoidCommand,
  onVoidCommand,
  showTransparency,
} from './integrity.js';
import { promptStep } from './draft-steps.js';
import type { Event, Input, Lang, Reply, UserRecord } from './ports.js';
import {
  askLanguage,
  chooseLanguage,
  greet,
  languageFromHint,
  mainMenu,
  showHelp,
} from './start.js';
import { cleanText } from './text.js';
import { Turn, t, type Deps } from './turn.js';

export type { Deps } from './turn.js';

/** True for an event whose repetition changes nothing a user could see (see isRepeatSafe). */
export function isRepeatSafeEvent(event: Event): boolean {
  return event.input.kind === 'button' && isRepeatSafe(event.input.data);
}

/** The whole core in one call: an event in, the replies out. Platform adapters call only this. */
export async function handleEvent(raw: Event, deps: Deps): Promise<Reply[]> {
  const event = cleaned(raw);
  const lang = languageFromHint(event.actor.langHint, deps.campaign.defaultLanguage);
  // Before anything touches the database: someone acting faster than a person can is slowed.
  const limiter = event.input.kind === 'button' ? deps.limits.presses : deps.limits.messages;
  const verdict = await limiter.check(event.actor);
  if (verdict !== 'allow') return slowedDown(event, lang, verdict);
  const viaEntry = linkedEntry(event.input);
  const user =
    signedVoter(event, deps) ??
    (await erasing(event, deps, lang)) ??
    (await deps.stores.users.ensure(event.actor, lang, {
      at: deps.clock.now(),
      ...(viaEntry ? { viaEntry } : {}),
    }));
  const turn = new Turn(event, user, deps);
  await route(turn, event.input);
  return turn.replies;
}

/** The event with invisible format characters taken out of everything a person typed. */
function cleaned(event: Event): Event {
  const { actor, input } = event;
  const named = actor.displayName ? { ...actor, displayName: cleanText(actor.displayName) } : actor;
  if (input.kind === 'text')
    return { ...event, actor: named, input: { ...input, text: cleanText(input.text) } };
  if (input.kind === 'command')
    return { ...event, actor: named, input: { ...input, arg: cleanText(input.arg) } };
  return { ...event, actor: named };
}

/** A press past the limit is answered (its spinner stops); a message past it, once a window. */
function slowedDown(event: Event, lang: Lang, verdict: 'refuse' | 'refuse-quietly'): Reply[] {
  const to = { platform: event.actor.platform, id: event.actor.id };
  if (event.input.kind === 'button')
    return [{ to, lang, view: { kind: 'notice', text: t('slow-down'), alert: false } }];
  if (verdict === 'refuse-quietly') return [];
  return [{ to, lang, view: { kind: 'text', text: t('slow-down-messages') } }];
}

/**
 * The person confirming /deleteme is looked up, never created: a redelivery of the confirmation
 * after their data went must not bring their profile back.
 */
async function erasing(event: Event, deps: Deps, lang: Lang): Promise<UserRecord | null> {
  if (event.input.kind !== 'button' || event.input.data !== payload('del', 'yes')) return null;
  const known = await deps.stores.users.find(event.actor);
  const { platform, id } = event.actor;
  return (
    known ?? {
      platform,
      id,
      lang,
      createdAt: deps.clock.now(),
      awaiting: null,
      announcements: false,
    }
  );
}

/** The person behind a Vote press on a card signed for them: no lookup needed (see PressTokens). */
function signedVoter(event: Event, deps: Deps): UserRecord | null {
  // A phone-keyed vote needs the person's record (their phone's key): looked up as always.
  if (event.input.kind !== 'button' || !deps.pressTokens || deps.campaign.rules.requirePhone)
    return null;
  const p = parsePayload(event.input.data);
  if (p?.[0] !== 'v' || p[1] !== 'v' || p.length !== 4) return null;
  const signed = deps.pressTokens.read(event.actor, p[3]);
  if (!signed) return null;
  const { platform, id } = event.actor;
  return { platform, id, ...signed, awaiting: null, announcements: true };
}

/** A link someone shared (see links.ts): `/start e17` opens entry 17. */
function linkedEntry(input: Input): number | null {
  return input.kind === 'command' && input.name === 'start' ? entryOfLinkArg(input.arg) : null;
}

async function route(turn: Turn, input: Input): Promise<void> {
  switch (input.kind) {
    case 'command':
      return onCommand(turn, input.name, input.arg);
    case 'button':
      return onButton(turn, input.data);
    case 'text':
      return onText(turn, input.text);
    case 'photo':
    case 'video':
      return onMedia(turn, input);
    case 'unsupported':
      return onUnsupported(turn, input);
    case 'contact':
      return onContact(turn, input);
  }
}

async function onCommand(turn: Turn, name: string, arg: string): Promise<void> {
  switch (name) {
    case 'start': {
      const linked = linkedEntry(turn.event.input);
      if (linked) return openFromLink(turn, linked);
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
      return turn.say(t('draft-cancelled'), mainMenu(turn));
    }
    case 'vote':
      return showCategories(turn);
    case 'mydata':
      return showMyData(turn);
    case 'deleteme':
      return askDeleteMe(turn);
    case 'notifications':
      return showAnnouncements(turn);
    case 'results':
      return showResults(turn);
    case 'transparency':
      return showTransparency(turn);
    case 'jury':
      if (isJuror(turn.deps.campaign, turn.event.actor)) return showJury(turn);
      return turn.say(t('unknown-command', { command: `/${name}` }), mainMenu(turn));
    case 'pending':
      if (turn.isAdmin) return showPending(turn);
      return turn.say(t('unknown-command', { command: `/${name}` }), mainMenu(turn));
    case 'hide':
    case 'restore':
    case 'signals':
      if (turn.isAdmin) return onModeratorCommand(turn, name, arg);
      return turn.say(t('unknown-command', { command: `/${name}` }), mainMenu(turn));
    case 'stats':
    case 'export':
    case 'broadcast':
      if (turn.isAdmin) return onOrganiserCommand(turn, name);
      return turn.say(t('unknown-command', { command: `/${name}` }), mainMenu(turn));
    case 'fraud':
    case 'void':
    case 'unvoid':
    case 'audit':
      if (turn.isAdmin) return onIntegrityCommand(turn, name, arg);
      return turn.say(t('unknown-command', { command: `/${name}` }), mainMenu(turn));
    default:
      return turn.say(t('unknown-command', { command: `/${name}` }), mainMenu(turn));
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
      if (p[1] === 'vote') return showCategories(turn);
      if (p[1] === 'language') return askLanguage(turn);
      if (p[1] === 'mydata') return showMyData(turn);
      return showHelp(turn);
    case 'd':
      return onDraftButton(turn, p);
    case 'mod':
      return onModerationButton(turn, p);
    case 'del':
      return onDeleteButton(turn, p[1]);
    case 'v':
      return onVoteButton(turn, p);
    case 'nt':
      return setAnnouncements(turn, p[1] === 'on');
    case 'j':
      return scoreEntry(turn, p[2], p[3]);
    case 'bc':
      if (p[1] === 'no') return onBroadcastButton(turn, 'no', p[2]);
      if (p[1] === 'to') return onBroadcastButton(turn, 'to', p[2], p[3]);
      return onBroadcastButton(turn, 'go', p[2], p[3], p[4]);
  }
}

function onIntegrityCommand(
  turn: Turn,
  name: 'fraud' | 'void' | 'unvoid' | 'audit',
  arg: string,
): Promise<void> {
  if (name === 'fraud') return onFraudCommand(turn, arg);
  if (name === 'void') return onVoidCommand(turn, arg);
  if (name === 'unvoid') return onUnvoidCommand(turn, arg);
  return exportAudit(turn);
}

function onOrganiserCommand(turn: Turn, name: 'stats' | 'export' | 'broadcast'): Promise<void> {
  if (name === 'stats') return showStats(turn);
  if (name === 'export') return exportCsv(turn);
  return startBroadcast(turn);
}

async function onVoteButton(turn: Turn, p: Extract<Payload, ['v', ...unknown[]]>): Promise<void> {
  switch (p[1]) {
    case 'cats':
      turn.notice(t('button-ok'));
      return showCategories(turn, p.length === 3 ? p[2] : undefined);
    case 'cat':
      return openCategory(turn, p[2]);
    case 'nx':
      return turnPage(turn, p[2], 1);
    case 'pv':
      return turnPage(turn, p[2], -1);
    case 'v':
      return castVote(turn, p[2]);
    case 'sh':
      return shareEntry(turn, p[2]);
    case 'rp':
      return askReportReason(turn, p[2]);
    case 'rr':
      return reportEntry(turn, p[2], p[3]);
  }
}

async function onText(turn: Turn, text: string): Promise<void> {
  const awaiting = turn.user.awaiting;
  if (awaiting?.what === 'reject-reason' && turn.isAdmin)
    return onReasonText(turn, awaiting.entryId, text);
  if (awaiting?.what === 'broadcast-text' && turn.isAdmin) return onBroadcastText(turn, text);
  const draft = await turn.deps.stores.drafts.get(turn.event.actor);
  if (draft) return onDraftText(turn, draft, text);
  turn.say(t('text-no-draft'), mainMenu(turn));
}

async function onMedia(
  turn: Turn,
  input: Extract<Input, { kind: 'photo' | 'video' }>,
): Promise<void> {
  const draft = await turn.deps.stores.drafts.get(turn.event.actor);
  if (!draft) return turn.say(t('media-no-draft'), mainMenu(turn));
  if (input.kind === 'video') return onDraftVideo(turn, draft, input.media);
  return onDraftPhoto(turn, draft, input.media, input.album);
}

async function onUnsupported(
  turn: Turn,
  input: Extract<Input, { kind: 'unsupported' }>,
): Promise<void> {
  const draft = await turn.deps.stores.drafts.get(turn.event.actor);
  if (!draft)
    return turn.say(t('unsupported-no-draft', { what: t(`kind-${input.what}`) }), mainMenu(turn));
  onDraftUnsupported(turn, draft, input.what);
}
