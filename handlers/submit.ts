import { findCategory } from './campaign.js';
import { phaseAt } from './campaign-clock.js';
import {
  EDITABLE,
  categoryKeyboard,
  STEPS,
  firstMissing,
  mediaKeyboard,
  promptStep,
  showEditMenu,
  stepAfter,
} from './draft-steps.js';
import { sendToModerators } from './moderate.js';
import { z } from 'zod';
import { button, command, type Part } from './actions.js';
import { part } from './payload.js';
import type { Album, Media, UnsupportedKind } from './protocol.js';
import type { Draft, DraftPatch, DraftStep, Entry, EntryKind } from './ports.js';
import { mainMenu } from './start.js';
import { t, type Turn } from './turn.js';

// Telling about a deed (own) and nominating someone else: one conversation with two question
// orders. The draft lives in the database, so a restart continues where the user was.

/** Says why entries are not accepted today, or returns true when they are. */
function submissionsOpen(turn: Turn): boolean {
  const phase = phaseAt(turn.deps.campaign, turn.now);
  const { submissionsOpen: open, submissionsClose: close } = turn.deps.campaign.dates;
  if (phase === 'submissions') return true;
  if (phase === 'before')
    turn.say(t('submissions-not-yet', { open: { date: open } }), mainMenu(turn));
  else turn.say(t('submissions-closed', { close: { date: close } }), mainMenu(turn));
  return false;
}

/**
 * True when this very event changed the draft last: it is a redelivery of an update whose work
 * was done (the database took the write, then went away before the answer). The handler then
 * answers from where the draft is, rather than take the same message as the next step's answer.
 */
function redelivered(turn: Turn, draft: Draft): boolean {
  return turn.event.id !== undefined && draft.lastEvent === turn.event.id;
}

/** Says why no more entries are taken from this person now, or returns true when they are. */
async function roomForEntry(turn: Turn): Promise<boolean> {
  const { rules } = turn.deps.campaign;
  const entries = turn.deps.stores.entries;
  const mine = await entries.countPending(turn.event.actor);
  if (mine >= rules.maxPendingPerAccount) {
    turn.say(t('entries-pending-limit', { count: mine }), mainMenu(turn));
    return false;
  }
  if ((await entries.countPending()) >= rules.maxPendingTotal) {
    turn.say(t('entries-pending-full'), mainMenu(turn));
    return false;
  }
  return true;
}

export async function startDraft(turn: Turn, kind: EntryKind): Promise<void> {
  if (!submissionsOpen(turn)) return;
  const existing = await turn.deps.stores.drafts.get(turn.event.actor);
  if (!existing && !(await roomForEntry(turn))) return;
  if (existing && !redelivered(turn, existing)) {
    turn.say(t('draft-in-progress'));
    return promptStep(turn, existing);
  }
  const draft =
    existing ??
    (await turn.deps.stores.drafts.start(turn.event.actor, kind, STEPS[kind][0]!, turn.event.id));
  turn.say(t(draft.kind === 'own' ? 'submit-intro' : 'nominate-intro'));
  promptStep(turn, draft);
}

async function advance(turn: Turn, draft: Draft, patch: DraftPatch): Promise<void> {
  const next = stepAfter(draft);
  const updated = await turn.deps.stores.drafts.update(
    turn.event.actor,
    { ...patch, step: next, editing: next === 'summary' ? false : draft.editing },
    turn.event.id,
  );
  if (updated) promptStep(turn, updated);
}

function checkLength(text: string, min: number, max: number): 'short' | 'long' | null {
  const length = [...text].length;
  if (length < min) return 'short';
  if (length > max) return 'long';
  return null;
}

export async function onDraftText(turn: Turn, draft: Draft, raw: string): Promise<void> {
  if (redelivered(turn, draft)) return promptStep(turn, draft);
  const text = raw.trim();
  const rules = turn.deps.campaign.rules;
  const length = [...text].length;
  switch (draft.step) {
    case 'nominee': {
      const bad = checkLength(text, 2, rules.nomineeMaxLength);
      if (bad) return turn.say(t('nominee-length', { max: rules.nomineeMaxLength }));
      return advance(turn, draft, { nominee: text });
    }
    case 'story': {
      const bad = checkLength(text, rules.storyMinLength, rules.storyMaxLength);
      if (bad === 'short')
        return turn.say(t('story-too-short', { min: rules.storyMinLength, length }));
      if (bad === 'long')
        return turn.say(t('story-too-long', { max: rules.storyMaxLength, length }));
      return advance(turn, draft, { story: text });
    }
    case 'city': {
      if (checkLength(text, 2, rules.cityMaxLength)) {
        return turn.say(t('city-length', { max: rules.cityMaxLength }));
      }
      return advance(turn, draft, { city: text });
    }
    case 'media':
      return turn.say(
        t('expect-media', { max: rules.maxPhotos, mb: rules.maxVideoMb }),
        mediaKeyboard(draft),
      );
    default:
      turn.say(t('use-buttons'));
      return promptStep(turn, draft);
  }
}

/**
 * A photo added to the draft. An album is answered once, with all its photos counted: at its
 * last photo when the edge says how big it is, else by its first photo after a moment (the rest
 * arrive meanwhile, each in a request of its own).
 */
export async function onDraftPhoto(
  turn: Turn,
  draft: Draft,
  media: Media,
  album?: Album,
): Promise<void> {
  if (draft.step !== 'media') {
    // One answer for the whole album: its first photo says so, the rest are quiet.
    if (album?.index !== undefined && album.index > 0) return;
    turn.say(t('media-not-expected'));
    return promptStep(turn, draft);
  }
  const { drafts } = turn.deps.stores;
  const max = turn.deps.campaign.rules.maxPhotos;
  const me = turn.event.actor;
  const result = await drafts.addPhoto(me, media, album?.id, max, turn.event.id);
  if (!result) return;
  let now = result.draft;
  if (album?.size !== undefined) {
    if (album.index !== album.size - 1) return;
  } else if (album) {
    if (!result.firstOfAlbum) return;
    await turn.deps.albumSettle();
    now = (await drafts.get(me)) ?? now;
  } else if (result.full) {
    return turn.say(t('media-full', { max }), mediaKeyboard(now));
  }
  const count = now.media.length;
  turn.say(
    count >= max && (result.full || album)
      ? t('media-full', { max })
      : t('media-photo-added', { count, max }),
    mediaKeyboard(now),
  );
}

export async function onDraftVideo(turn: Turn, draft: Draft, media: Media): Promise<void> {
  if (redelivered(turn, draft)) {
    turn.say(t('media-video-added'));
    return promptStep(turn, draft);
  }
  if (draft.step !== 'media') {
    turn.say(t('media-not-expected'));
    return promptStep(turn, draft);
  }
  const mb = turn.deps.campaign.rules.maxVideoMb;
  if (media.sizeBytes === undefined || media.sizeBytes > mb * 1024 * 1024) {
    return turn.say(t('video-too-large', { mb }), mediaKeyboard(draft));
  }
  const updated = await turn.deps.stores.drafts.setVideo(turn.event.actor, media, turn.event.id);
  if (!updated) return;
  turn.say(t('media-video-added'));
  // One video is a complete answer: no "Done" needed.
  await advance(turn, updated, {});
}

export function onDraftUnsupported(turn: Turn, draft: Draft, what: UnsupportedKind): void {
  const rules = turn.deps.campaign.rules;
  if (draft.step === 'media') {
    const key = what === 'document' ? 'document-not-accepted' : 'unsupported-at-media';
    return turn.say(
      t(key, { what: t(`kind-${what}`), max: rules.maxPhotos, mb: rules.maxVideoMb }),
    );
  }
  turn.say(t('unsupported-here', { what: t(`kind-${what}`) }));
  promptStep(turn, draft);
}

/**
 * What every draft button does first: find the draft (a Send whose entry was made and whose
 * answer never went out is recognised), answer a redelivered press as the step it left, and
 * refuse a button of another step as stale. `step` is the step the button belongs to.
 */
async function onDraftButton(
  turn: Turn,
  word: string,
  step: DraftStep | 'any',
  go: (draft: Draft) => Promise<void> | void,
): Promise<void> {
  const drafts = turn.deps.stores.drafts;
  const draft = await drafts.get(turn.event.actor);
  if (!draft) {
    // Send was pressed, the entry made and the draft gone, but the answer never went out.
    const sent = word === 'send' && turn.event.id ? await sentBy(turn, turn.event.id) : false;
    if (sent) return;
    turn.notice(t('button-stale'));
    return turn.say(t('no-draft'), mainMenu(turn));
  }
  if (redelivered(turn, draft)) {
    turn.notice(t('button-ok'));
    return promptStep(turn, draft);
  }
  if (step !== 'any' && step !== draft.step) {
    turn.notice(t('button-stale'));
    return promptStep(turn, draft);
  }
  turn.notice(t('button-ok'));
  await go(draft);
}

/** A button of the draft's conversation: "d:<word>", pressed at `step`. */
function draftButton<const P extends readonly Part<unknown>[]>(
  word: string,
  step: DraftStep | 'any',
  parts: P,
  go: (turn: Turn, draft: Draft, ...values: { [K in keyof P]: z.output<P[K]> }) => unknown,
) {
  return button(`d:${word}`, parts, (turn, ...values) =>
    onDraftButton(turn, word, step, async (draft) => {
      await go(turn, draft, ...values);
    }),
  );
}

const editable = z.enum(['nominee', 'story', 'media', 'city', 'category']);

export const draftButtons = [
  draftButton('cancel', 'any', [], async (turn) => {
    await turn.deps.stores.drafts.delete(turn.event.actor);
    turn.say(t('draft-cancelled'), mainMenu(turn));
  }),
  draftButton('done', 'media', [], (turn, draft) =>
    draft.media.length ? advance(turn, draft, {}) : turn.say(t('media-needed')),
  ),
  draftButton('cat', 'category', [part.categoryId], (turn, draft, category) =>
    findCategory(turn.deps.campaign, category)
      ? advance(turn, draft, { category })
      : promptStep(turn, draft),
  ),
  draftButton('catp', 'category', [part.page], (turn, _draft, page) =>
    turn.replace(t('ask-category'), categoryKeyboard(turn, page)),
  ),
  draftButton('ok', 'consent', [], (turn, draft) => advance(turn, draft, { consent: true })),
  draftButton('edit', 'summary', [], (turn, draft) => showEditMenu(turn, draft)),
  draftButton('summary', 'summary', [], (turn, draft) => promptStep(turn, draft)),
  draftButton('ef', 'summary', [editable], (turn, draft, field) => editField(turn, draft, field)),
  draftButton('send', 'summary', [], (turn, draft) => send(turn, draft)),
];

export const draftCommands = [
  command('submit', (turn) => startDraft(turn, 'own'), { menu: 2 }),
  command('nominate', (turn) => startDraft(turn, 'nomination'), { menu: 3 }),
  command(
    'cancel',
    async (turn) => {
      await turn.deps.stores.drafts.delete(turn.event.actor);
      await turn.deps.stores.users.setAwaiting(turn.event.actor, null);
      turn.say(t('draft-cancelled'), mainMenu(turn));
    },
    { menu: 11 },
  ),
];

async function editField(turn: Turn, draft: Draft, field: DraftStep): Promise<void> {
  if (!EDITABLE[draft.kind].includes(field)) return promptStep(turn, draft);
  // New photos replace the old ones rather than being added to them.
  const patch: DraftPatch = {
    step: field,
    editing: true,
    ...(field === 'media' ? { media: [] } : {}),
  };
  const updated = await turn.deps.stores.drafts.update(turn.event.actor, patch, turn.event.id);
  if (updated) promptStep(turn, updated);
}

async function send(turn: Turn, draft: Draft): Promise<void> {
  if (!submissionsOpen(turn)) return;
  // Not for this very press delivered again: its entry is among the pending ones already.
  if (!(await turn.deps.stores.entries.madeBy(turn.event.id ?? '')) && !(await roomForEntry(turn)))
    return;
  const missing = firstMissing(draft);
  if (missing) {
    const updated = await turn.deps.stores.drafts.update(
      turn.event.actor,
      { step: missing },
      turn.event.id,
    );
    if (updated) promptStep(turn, updated);
    return;
  }
  // The name the platform gave now, or the one kept from an earlier message (VK gives none on
  // a button press).
  const displayName = turn.event.actor.displayName ?? turn.user.displayName;
  const author = displayName ? { ...turn.event.actor, displayName } : turn.event.actor;
  const { entry, created } = await turn.deps.stores.entries.submitDraft(
    draft,
    author,
    turn.now,
    turn.event.id,
  );
  await turn.deps.stores.drafts.delete(turn.event.actor);
  if (created) await thankAndNotify(turn, entry);
}

/** The answer to Send: thanks to the author, the entry to the moderators. */
async function thankAndNotify(turn: Turn, entry: Entry): Promise<void> {
  turn.say(
    t('submit-thanks', {
      number: String(entry.number),
      publication: { date: turn.deps.campaign.dates.publication },
    }),
    mainMenu(turn),
  );
  await sendToModerators(turn, entry);
}

/** The entry this event made, answered again (its outbox keys make the moderators' cards once). */
async function sentBy(turn: Turn, eventId: string): Promise<boolean> {
  const entry = await turn.deps.stores.entries.madeBy(eventId);
  if (!entry) return false;
  turn.notice(t('button-ok'));
  await thankAndNotify(turn, entry);
  return true;
}
