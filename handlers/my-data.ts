import { findCategory } from './campaign.js';
import { localDate } from './campaign-clock.js';
import { z } from 'zod';
import { button, command } from './actions.js';
import { payload } from './payload.js';
import type { Text } from './protocol.js';
import { mainMenu } from './start.js';
import { platformName, t, type Turn } from './turn.js';

// Personal data: an author can see what the bot keeps about them and delete it.

export async function showMyData(turn: Turn): Promise<void> {
  const { stores, campaign } = turn.deps;
  const me = turn.event.actor;
  const [draft, entries, kept] = await Promise.all([
    stores.drafts.get(me),
    stores.entries.listByAuthor(me),
    stores.privacy.summary(me),
  ]);
  const lines: Text[] = entries.map((e) => {
    const category = findCategory(campaign, e.category);
    return t('mydata-entry', {
      number: String(e.number),
      status: t(`entry-status-${e.status}`),
      category: category ? { names: category.name } : e.category,
      kind: t(`kind-entry-${e.kind}`),
    });
  });
  turn.say(
    t('mydata', {
      platform: platformName(me.platform),
      id: me.id,
      name: turn.user.displayName ? t('mydata-name', { name: turn.user.displayName }) : t('empty'),
      language: t(`language-name-${turn.lang}`),
      announcements: t(`mydata-announcements-${turn.user.announcements ? 'on' : 'off'}`),
      since: { date: localDate(campaign, turn.user.createdAt) },
      draft: draft
        ? t('mydata-draft-yes', { kind: t(`kind-entry-${draft.kind}`) })
        : t('mydata-draft-no'),
      count: entries.length,
      entries: lines.length ? joinLines(lines) : t('mydata-no-entries'),
      media: kept.mediaFiles,
      votes: kept.votes,
      reports: kept.reports,
      queued: kept.queued,
      votesNote: t('mydata-votes-note'),
    }),
  );
}

/** Several Texts as one argument, one per line. */
function joinLines(lines: Text[]): Text {
  return lines.reduce((acc, line) => t('lines', { first: acc, second: line }));
}

export function askDeleteMe(turn: Turn): void {
  turn.say(t('deleteme-confirm'), [
    [
      { label: t('deleteme-yes'), data: payload('del', 'yes') },
      { label: t('deleteme-no'), data: payload('del', 'no') },
    ],
  ]);
}

export async function onDeleteButton(turn: Turn, answer: 'yes' | 'no'): Promise<void> {
  turn.notice(t('button-ok'));
  if (answer === 'no') return turn.say(t('deleteme-kept'), mainMenu(turn));
  const erased = await turn.deps.stores.privacy.erase(turn.event.actor);
  // Posts of their entries in the channels come down too.
  for (const post of erased.channelPosts)
    turn.sendTo(
      post.to,
      turn.deps.campaign.defaultLanguage,
      { kind: 'retract', ref: post.ref },
      `retract:${post.ref}`,
    );
  turn.say(t('deleteme-done', { deleted: erased.deleted, withdrawn: erased.withdrawn }));
}

export const privacyButtons = [button('del', [z.enum(['yes', 'no'])], onDeleteButton)];

export const privacyCommands = [
  command('mydata', showMyData, { menu: 9 }),
  command('deleteme', askDeleteMe, { menu: 10 }),
];
