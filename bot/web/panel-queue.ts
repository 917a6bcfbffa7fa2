import { findCategory } from '../../handlers/campaign.js';
import { platformName } from '../../handlers/turn.js';
import { REJECT_REASONS } from '../../handlers/moderate.js';
import { REPORT_REASONS } from '../../handlers/complaints.js';
import { payload } from '../../handlers/payload.js';
import type { Entry } from '../../handlers/ports.js';
import type { Reply } from '../../handlers/protocol.js';
import { asInChat, panelPage, said, type Panel } from './panel-page.js';

// The moderation queue and the complaints: each decision is the chat's press of the same button
// (or, for a reason in the moderator's own words, the chat's "write my own reason" and the text
// typed after it), through the core.

const QUEUE_PAGE = 50;
const isId = (id: string) => /^[0-9a-f]{24}$/.test(id);

function categoryName(p: Panel, id: string): string {
  return findCategory(p.site.deps.campaign, id)?.name[p.lang] ?? id;
}

/** An entry as the panel lists it: its title, who sent it from where, its story and media. */
function shown(p: Panel, e: Entry) {
  return {
    id: e.id,
    number: e.number,
    category: e.category,
    status: e.status,
    title: p.tr('web-tile', { number: String(e.number), category: categoryName(p, e.category) }),
    meta: p.tr('panel-entry-meta', {
      city: e.city,
      who: e.author.name ?? e.author.id,
      platform: platformName(e.author.platform),
    }),
    nominee: e.nominee ? p.tr('panel-nominee', { nominee: e.nominee }) : '',
    story: e.story,
    media: e.media.map((m, i) => ({
      photo: m.type === 'photo',
      thumb: `/panel/thumb/${e.number}/${i}`,
      full: `/panel/media/${e.number}/${i}`,
    })),
  };
}

export async function queue(p: Panel, outcomes: string[]): Promise<void> {
  const { deps } = p.site;
  const [count, entries] = await Promise.all([
    deps.stores.entries.countPending(),
    deps.stores.entries.listPending(0, QUEUE_PAGE),
  ]);
  panelPage(
    p,
    'panel',
    {
      title: p.tr('panel-title'),
      queueTitle: p.tr('panel-queue', { count }),
      shortcuts: p.tr('panel-shortcuts'),
      ownReason: p.tr('panel-own-reason'),
      moveTo: p.tr('panel-move-to'),
      moveSelected: p.tr('panel-move-selected'),
      approveOne: p.tr('mod-approve'),
      rejectOne: p.tr('mod-reject'),
      reasons: Array.from({ length: REJECT_REASONS }, (_, i) => ({
        index: i + 1,
        label: p.tr(`reject-reason-${i + 1}`),
      })),
      categories: deps.campaign.categories.map((c) => ({ id: c.id, name: c.name[p.lang] })),
      entries: entries.map((e) => shown(p, e)),
    },
    outcomes,
  );
}

/** The key of the first text among the answers, to tell what happened. */
const keyOf = (replies: Reply[]) =>
  replies.map((r) => ('text' in r.view ? r.view.text?.key : undefined)).find(Boolean);

/** Presses a moderator's button as in the chat; what its short answer said. */
async function press(p: Panel, data: string, tag: string): Promise<string> {
  const answer = await asInChat(p, { kind: 'button', data }, tag);
  return said(
    p,
    answer.find((r) => r.view.kind === 'notice'),
  );
}

/** A rejection in the moderator's own words: "write my own reason", then the words. */
async function rejectInOwnWords(p: Panel, id: string, words: string): Promise<string> {
  const asked = await asInChat(p, { kind: 'button', data: payload('mod', 'rw', id) }, `${id}:rw`);
  // Decided already, or gone: the question was not asked, so the words are not sent.
  if (keyOf(asked) !== 'button-ok') return said(p, asked[0]);
  const answer = await asInChat(p, { kind: 'text', text: words }, `${id}:text`);
  const key = keyOf(answer);
  if (key === 'mod-reason-length' || key === 'mod-already-decided' || key === 'mod-entry-gone')
    return said(p, answer[0]);
  return p.tr('mod-done-rejected');
}

/**
 * Decides the selected entries (or the one whose own button was pressed): approve, reject with a
 * preset reason or the moderator's words, or move to another category.
 */
export async function decide(p: Panel, form: URLSearchParams) {
  const { deps } = p.site;
  const [action = '', one] = (form.get('action') ?? '').split(':');
  const ids = (one ? [one] : form.getAll('id')).filter(isId);
  const field = (name: string) => (one ? form.get(`${name}-${one}`) : form.get(name)) ?? '';
  const reason = Math.min(Math.max(Number(field('reason')) || 1, 1), REJECT_REASONS);
  const words = field('text').trim();
  const category = field('category');
  const lines: string[] = [];
  for (const id of ids) {
    let outcome: string;
    if (action === 'approve') outcome = await press(p, payload('mod', 'ok', id), id);
    else if (action === 'reject' && words) outcome = await rejectInOwnWords(p, id, words);
    else if (action === 'reject') outcome = await press(p, payload('mod', 'rr', id, reason), id);
    else if (action === 'category' && findCategory(deps.campaign, category))
      outcome = await press(p, payload('mod', 'sc', id, category), id);
    else continue;
    const entry = await deps.stores.entries.get(id);
    if (action === 'category' && entry?.category === category)
      outcome = p.tr('panel-category-changed', { category: categoryName(p, category) });
    lines.push(
      p.tr('panel-outcome', { number: String(entry?.number ?? '?'), said: outcome || '…' }),
    );
  }
  return { to: '/panel', lines };
}

export async function complaints(p: Panel, outcomes: string[]): Promise<void> {
  const { deps } = p.site;
  const summary = await deps.stores.reports.summary();
  const entries = await Promise.all(summary.map((s) => deps.stores.entries.get(s.entryId)));
  panelPage(
    p,
    'panel-complaints',
    {
      title: p.tr('panel-nav-complaints'),
      none: p.tr('panel-complaints-none'),
      hide: p.tr('mod-hide'),
      show: p.tr('mod-show'),
      rows: summary.flatMap((s, i) => {
        const e = entries[i];
        if (!e) return [];
        return [
          {
            ...shown(p, e),
            statusLabel: p.tr(`entry-status-${e.status}`),
            count: p.tr('panel-complaints-count', { count: s.count }),
            reasons: Array.from({ length: REPORT_REASONS }, (_, r) => r + 1)
              .filter((r) => s.reasons[r])
              .map((r) => `${p.tr(`report-reason-${r}`)}: ${s.reasons[r]}`),
          },
        ];
      }),
    },
    outcomes,
  );
}

/** Hides or restores an entry, as the chat's button on a complaint does. */
export async function setVisibility(p: Panel, form: URLSearchParams) {
  const id = form.get('id') ?? '';
  const hide = form.get('action') === 'hide';
  if (!isId(id)) return { to: '/panel/complaints', lines: [] };
  const data = payload('mod', hide ? 'hide' : 'show', id);
  return { to: '/panel/complaints', lines: [await press(p, data, id)] };
}
