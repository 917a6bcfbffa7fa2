import { findCategory } from './campaign.js';
import { phaseAt } from './campaign-clock.js';
import type { OutboxItem, Text } from './protocol.js';
import type { Entry } from './ports.js';
import { t, type Deps } from './turn.js';

// Publication: on the publication day every approved entry becomes public; during voting an
// entry approved later appears at once. The author gets a link to share, and each configured
// channel gets a post with the hashtag.

export function shareText(deps: Deps, entry: Entry, link: string): Text {
  const category = findCategory(deps.campaign, entry.category);
  return t('share-post', {
    number: String(entry.number),
    category: category ? { names: category.name } : entry.category,
    link,
  });
}

/** The messages that announce one published entry, keyed so each is sent once. */
export async function announcePublished(deps: Deps, entry: Entry): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  const key = `published:${entry.id}`;
  const author = await deps.stores.users.find(entry.author);
  if (author) {
    const link = deps.links.entry(author.platform, entry.number);
    const to = { platform: author.platform, id: author.id };
    const published = t('entry-published', { number: String(entry.number), link });
    items.push({
      key: `${key}:author`,
      reply: { to, lang: author.lang, view: { kind: 'text', text: published } },
    });
    // A message of its own, so it can be forwarded or copied as it is.
    const share = shareText(deps, entry, link);
    items.push({
      key: `${key}:share`,
      reply: { to, lang: author.lang, view: { kind: 'text', text: share } },
    });
  }
  const category = findCategory(deps.campaign, entry.category);
  for (const channel of deps.channels) {
    const text = t('channel-post', {
      number: String(entry.number),
      category: category ? { names: category.name } : entry.category,
      city: entry.city,
      nominee: entry.nominee ? t('entry-card-nominee', { name: entry.nominee }) : t('empty'),
      story: entry.story,
    });
    const buttons = [
      [{ label: t('button-vote-in-bot'), url: deps.links.entry(channel.platform, entry.number) }],
    ];
    const view = {
      kind: 'card' as const,
      text,
      buttons,
      ...(entry.media[0] ? { media: entry.media[0] } : {}),
    };
    items.push({
      key: `${key}:channel:${channel.platform}:${channel.id}`,
      reply: {
        to: channel,
        lang: deps.campaign.defaultLanguage,
        view,
        about: [{ platform: entry.author.platform, id: entry.author.id }],
        // So the post can come down if the author withdraws (/deleteme).
        keepRef: true,
      },
    });
  }
  return items;
}

/** Publishes every approved entry when the list is public (the voting phase); idempotent. */
export async function publishDue(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  if (phaseAt(deps.campaign, now) !== 'voting') return 0;
  let published = 0;
  for (;;) {
    const entry = await deps.stores.entries.publishApproved(now);
    if (!entry) return published;
    await deps.outbox.enqueue(await announcePublished(deps, entry));
    published += 1;
  }
}
