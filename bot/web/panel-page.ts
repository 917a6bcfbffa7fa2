import type { ServerResponse } from 'node:http';
import { handleEvent } from '../../handlers/index.js';
import type { Event, Lang, Reply, Text, UserRef } from '../../handlers/protocol.js';
import { translate } from '../../locales/index.js';
import { splitReplies } from '../replies.js';
import { page, type Site } from './site.js';

// What every page of the organisers' panel shares (the router is panel.ts): who is signed in,
// the page with its menu, the redirect after an action, and an action run as in the chat.

/** What the panel keeps: one-time tokens and sessions (models/panel.ts, given by the wiring). */
export interface PanelAccess {
  issue(who: UserRef, now: Date): Promise<string>;
  use(token: string, now: Date): Promise<{ sid: string; session: PanelSession } | null>;
  session(sid: string, now: Date): Promise<PanelSession | null>;
  end(sid: string): Promise<void>;
  /** Keeps what an action did for the next page; `takeFlash` reads it once. */
  flash(sid: string, lines: string[]): Promise<void>;
  takeFlash(sid: string): Promise<string[]>;
}

export interface PanelSession {
  who: UserRef;
  csrf: string;
}

/** One request into the panel by someone signed in. */
export interface Panel {
  site: Site;
  res: ServerResponse;
  url: URL;
  session: PanelSession;
  /** Their name in the bot, if it knows one (moderators' decisions and the audit log carry it). */
  name?: string;
  lang: Lang;
  /** Organisers also see the fraud view, the exports and the results before they are public. */
  organiser: boolean;
  tr(key: string, args?: Text['args']): string;
}

/** The pages of the panel, in the order of its menu; `organisers` ones are theirs alone. */
export const PAGES = [
  { path: '/panel', key: 'panel-nav-queue' },
  { path: '/panel/complaints', key: 'panel-nav-complaints' },
  { path: '/panel/fraud', key: 'panel-nav-fraud', organisers: true },
  { path: '/panel/dashboard', key: 'panel-nav-dashboard' },
  { path: '/panel/timeline', key: 'panel-nav-timeline' },
  { path: '/panel/results', key: 'panel-nav-results' },
  { path: '/panel/exports', key: 'panel-nav-exports', organisers: true },
  { path: '/panel/broadcast', key: 'panel-nav-broadcast', organisers: true },
] as const;

/** A page of the panel, with its menu, who is signed in, and what the last action did. */
export function panelPage(
  p: Panel,
  view: string,
  data: Record<string, unknown> & { title: string },
  outcomes: string[] = [],
  refreshSeconds?: number,
): void {
  const nav = PAGES.filter((x) => p.organiser || !('organisers' in x)).map((x) => ({
    href: x.path,
    label: p.tr(x.key),
    current: x.path === p.url.pathname,
  }));
  page(p.site, p.res, p.lang, p.url.searchParams.has('lang'), view, {
    ...data,
    panel: {
      nav,
      csrf: p.session.csrf,
      signedIn: p.tr('panel-signed-in', {
        who: p.name ?? `${p.session.who.platform}:${p.session.who.id}`,
        role: { key: p.organiser ? 'panel-role-organiser' : 'panel-role-moderator' },
      }),
      signOut: p.tr('panel-sign-out'),
      outcomesTitle: p.tr('panel-outcomes'),
      outcomes,
      menu: p.tr('panel-menu'),
    },
    ...(refreshSeconds ? { refresh: refreshSeconds } : {}),
  });
}

/** The answer to an action: what it did is shown once by the page it leads back to. */
export async function redirectWith(
  p: Panel,
  access: PanelAccess,
  sid: string,
  to: string,
  lines: string[],
): Promise<void> {
  await access.flash(sid, lines);
  p.res.writeHead(303, { location: to, 'cache-control': 'no-store' }).end();
}

/**
 * Runs one input through the core as the person signed in, as if they had pressed or typed it in
 * the chat: what the core sends others goes to the outbox; what it answers them comes back.
 */
export async function asInChat(p: Panel, input: Event['input'], tag: string): Promise<Reply[]> {
  const { deps } = p.site;
  // With the name they have in the bot: "decided by …" and the audit log name them.
  const actor = { ...p.session.who, ...(p.name ? { displayName: p.name } : {}) };
  const id = `panel:${Date.now().toString(36)}:${tag}`;
  const replies = await handleEvent({ actor, input, id }, deps);
  const { own, outbox } = splitReplies(actor, replies, id);
  await deps.outbox.enqueue(outbox);
  return own;
}

/** What an answer says, as one line in the panel's language. */
export function said(p: Panel, reply: Reply | undefined): string {
  const view = reply?.view;
  if (!view || !('text' in view) || !view.text) return '';
  return translate(p.lang, view.text);
}
