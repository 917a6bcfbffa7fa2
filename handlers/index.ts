import { ButtonCodec, type CommandAction, type PressedButton } from './actions.js';
import { announcementButtons, organiserCommands } from './admin.js';
import { broadcastButtons, broadcastCommands, onBroadcastText } from './broadcast.js';
import { complaintButtons, visibilityCommands } from './complaints.js';
import { integrityCommands } from './integrity.js';
import { isJuror, juryButtons, juryCommands } from './jury.js';
import { entryOfLinkArg } from './links.js';
import { menuButtons, startCommand } from './menu.js';
import { moderationButtons, moderationCommands, onReasonText } from './moderate.js';
import { privacyButtons, privacyCommands } from './my-data.js';
import { payload } from './payload.js';
import { onContact } from './phone.js';
import { panelCommands } from './panel.js';
import type { Event, Input, Lang, Reply } from './protocol.js';
import type { UserRecord } from './ports.js';
import { resultCommands } from './results.js';
import { languageButtons, languageFromHint, mainMenu, startCommands } from './start.js';
import {
  draftButtons,
  draftCommands,
  onDraftPhoto,
  onDraftText,
  onDraftUnsupported,
  onDraftVideo,
} from './submit.js';
import { cleanText } from './text.js';
import { Turn, isModerator, t, type Deps } from './turn.js';
import { voteButtons, voteCommands } from './vote.js';

export type { Deps } from './turn.js';

/** Every button, declared by its feature (see actions.ts): the one reader of button data. */
export const buttons = new ButtonCodec([
  ...languageButtons,
  ...menuButtons,
  ...draftButtons,
  ...moderationButtons,
  ...privacyButtons,
  ...voteButtons,
  ...complaintButtons,
  ...announcementButtons,
  ...broadcastButtons,
  ...juryButtons,
]);

/** Every command, declared by its feature. */
const COMMANDS: CommandAction[] = [
  startCommand,
  ...startCommands,
  ...draftCommands,
  ...voteCommands,
  ...resultCommands,
  ...integrityCommands,
  ...privacyCommands,
  ...organiserCommands,
  ...moderationCommands,
  ...visibilityCommands,
  ...broadcastCommands,
  ...juryCommands,
  ...panelCommands,
];
const commands = new Map<string, CommandAction>();
for (const c of COMMANDS) {
  if (commands.has(c.name)) throw new Error(`two commands declare /${c.name}`);
  commands.set(c.name, c);
}

/** The commands for a platform's menu (Telegram's), in their declared order. */
export function menuCommands(): string[] {
  return COMMANDS.filter((c) => c.menu !== undefined)
    .sort((a, b) => a.menu! - b.menu!)
    .map((c) => c.name);
}

/** True for an event whose repetition changes nothing a user could see (see ButtonAction). */
export function isRepeatSafeEvent(event: Event): boolean {
  return (
    event.input.kind === 'button' && Boolean(buttons.parse(event.input.data)?.action.repeatSafe)
  );
}

/** The whole core in one call: an event in, the replies out. Platform adapters call only this. */
export async function handleEvent(raw: Event, deps: Deps): Promise<Reply[]> {
  const event = cleaned(raw);
  const lang = languageFromHint(event.actor.langHint, deps.campaign.defaultLanguage);
  // Before anything touches the database: someone acting faster than a person can is slowed.
  // Not the moderators: deciding fifty entries in the panel's bulk action is their work.
  const limiter = event.input.kind === 'button' ? deps.limits.presses : deps.limits.messages;
  const verdict = isModerator(deps, event.actor) ? 'allow' : await limiter.check(event.actor);
  if (verdict !== 'allow') return slowedDown(event, lang, verdict);
  const viaEntry = linkedEntry(event.input);
  const user =
    signedVoter(event, deps) ??
    (await erasing(event, deps, lang)) ??
    (await deps.stores.users.ensure(event.actor, lang, {
      at: deps.clock.now(),
      ...(viaEntry ? { viaEntry } : {}),
      ...(isStart(event.input) ? { starting: true } : {}),
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
  const pressed = buttons.parse(event.input.data);
  if (pressed?.action.code !== 'v:v' || pressed.values.length !== 2) return null;
  const signed = deps.pressTokens.read(event.actor, pressed.values[1] as string);
  if (!signed) return null;
  const { platform, id } = event.actor;
  return { platform, id, ...signed, awaiting: null, announcements: true };
}

const isStart = (input: Input): input is Extract<Input, { kind: 'command' }> =>
  input.kind === 'command' && input.name === 'start';

/** A link someone shared (see links.ts): `/start e17` opens entry 17. */
function linkedEntry(input: Input): number | null {
  return isStart(input) ? entryOfLinkArg(input.arg) : null;
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

/** A command, for whom it is declared; anyone else hears it is unknown, with what they can do. */
async function onCommand(turn: Turn, name: string, arg: string): Promise<void> {
  const found = commands.get(name);
  const allowed =
    found?.who === 'everyone' ||
    (found?.who === 'moderators' && turn.isAdmin) ||
    (found?.who === 'organisers' && turn.isOrganiser) ||
    (found?.who === 'jurors' && isJuror(turn.deps.campaign, turn.event.actor));
  if (!found || !allowed)
    return turn.say(t('unknown-command', { command: `/${name}` }), mainMenu(turn));
  await found.run(turn, arg);
}

async function onButton(turn: Turn, data: string): Promise<void> {
  const pressed: PressedButton | null = buttons.parse(data);
  if (!pressed) return turn.notice(t('button-stale'), true);
  await pressed.action.run(turn, pressed.values);
}

async function onText(turn: Turn, text: string): Promise<void> {
  const awaiting = turn.user.awaiting;
  if (awaiting?.what === 'reject-reason' && turn.isAdmin)
    return onReasonText(turn, awaiting.entryId, text);
  if (awaiting?.what === 'broadcast-text' && turn.isOrganiser) return onBroadcastText(turn, text);
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
