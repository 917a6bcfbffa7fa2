import { findCategory } from './campaign.js';
import { pagedChoices } from './pages.js';
import { payload } from './payload.js';
import type { Keyboard } from './protocol.js';
import type { Draft, DraftStep, EntryKind } from './ports.js';
import { t, type Turn } from './turn.js';

// The order of questions for each kind of entry, and how each question is asked.

export const STEPS: Record<EntryKind, DraftStep[]> = {
  own: ['media', 'story', 'city', 'category', 'consent', 'summary'],
  nomination: ['nominee', 'story', 'media', 'city', 'category', 'consent', 'summary'],
};

/** The fields a user may go back to from the summary. */
export const EDITABLE: Record<EntryKind, DraftStep[]> = {
  own: ['media', 'story', 'city', 'category'],
  nomination: ['nominee', 'story', 'media', 'city', 'category'],
};

export function stepAfter(draft: Draft): DraftStep {
  if (draft.editing) return 'summary';
  const steps = STEPS[draft.kind];
  return steps[steps.indexOf(draft.step) + 1] ?? 'summary';
}

const cancelRow = () => [{ label: t('button-cancel'), data: payload('d', 'cancel') }];

/** The categories to choose from, two to a row, a page at a time where they do not all fit. */
export function categoryKeyboard(turn: Turn, page = 0): Keyboard {
  const buttons = turn.deps.campaign.categories.map((c) => ({
    label: t('plain', { value: { names: c.name } }),
    data: payload('d', 'cat', c.id),
  }));
  return pagedChoices(turn, buttons, [cancelRow()], page, (n) => payload('d', 'catp', n), 2);
}

export function mediaKeyboard(draft: Draft): Keyboard {
  const done = [{ label: t('button-media-done'), data: payload('d', 'done') }];
  return draft.media.length ? [done, cancelRow()] : [cancelRow()];
}

/** Asks the question of the draft's current step (again, if the answer was not usable). */
export function promptStep(turn: Turn, draft: Draft): void {
  const rules = turn.deps.campaign.rules;
  switch (draft.step) {
    case 'nominee':
      return turn.say(t('ask-nominee'), [cancelRow()]);
    case 'story':
      return turn.say(
        t(draft.kind === 'own' ? 'ask-story-own' : 'ask-story-nomination', {
          min: rules.storyMinLength,
          max: rules.storyMaxLength,
        }),
        [cancelRow()],
      );
    case 'media':
      return turn.say(
        t('ask-media', { max: rules.maxPhotos, mb: rules.maxVideoMb }),
        mediaKeyboard(draft),
      );
    case 'city':
      return turn.say(t('ask-city'), [cancelRow()]);
    case 'category':
      return turn.say(t('ask-category'), categoryKeyboard(turn));
    case 'consent':
      return draft.kind === 'own'
        ? turn.say(t('ask-consent-own'), [
            [{ label: t('button-consent-own'), data: payload('d', 'ok') }],
            cancelRow(),
          ])
        : turn.say(t('ask-consent-nomination', { nominee: draft.nominee ?? '' }), [
            [{ label: t('button-consent-nomination'), data: payload('d', 'ok') }],
            cancelRow(),
          ]);
    case 'summary':
      return showSummary(turn, draft);
  }
}

export function mediaCount(draft: Pick<Draft, 'media'>) {
  const video = draft.media.some((m) => m.type === 'video');
  return video ? t('media-count-video') : t('media-count-photos', { count: draft.media.length });
}

function showSummary(turn: Turn, draft: Draft): void {
  const category = findCategory(turn.deps.campaign, draft.category);
  turn.show(draft.media);
  turn.say(
    t(draft.kind === 'own' ? 'summary-own' : 'summary-nomination', {
      nominee: draft.nominee ?? '',
      story: draft.story ?? '',
      city: draft.city ?? '',
      category: category ? { names: category.name } : '',
      media: mediaCount(draft),
    }),
    [
      [{ label: t('button-send'), data: payload('d', 'send') }],
      [
        { label: t('button-edit'), data: payload('d', 'edit') },
        { label: t('button-cancel'), data: payload('d', 'cancel') },
      ],
    ],
  );
}

export function showEditMenu(turn: Turn, draft: Draft): void {
  const fields = EDITABLE[draft.kind].map((field) => [
    { label: t(`edit-field-${field}`), data: payload('d', 'ef', field) },
  ]);
  turn.say(t('edit-choose'), [
    ...fields,
    [{ label: t('button-back'), data: payload('d', 'summary') }],
  ]);
}

/** The first step whose answer is missing, or null when the draft can be sent. */
export function firstMissing(draft: Draft): DraftStep | null {
  if (draft.kind === 'nomination' && !draft.nominee) return 'nominee';
  if (!draft.story) return 'story';
  if (!draft.media.length) return 'media';
  if (!draft.city) return 'city';
  if (!draft.category) return 'category';
  if (!draft.consent) return 'consent';
  return null;
}
