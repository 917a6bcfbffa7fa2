import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleEvent } from '../../handlers/index.js';
import type { Event, Lang, Reply, Text, UserRef } from '../../handlers/protocol.js';
import { isModerator, isOrganiser } from '../../handlers/turn.js';
import { translate } from '../../locales/index.js';
import { BodyTooLarge, readBody } from '../http-body.js';
import { splitReplies } from '../replies.js';
import { chosenLanguage, languageOf, notFound, page, send, serveMedia, type Site } from './site.js';
import { complaints, decide, queue, setVisibility } from './panel-queue.js';
import { dashboard, timeline } from './panel-figures.js';
import { broadcastPage, confirmBroadcast, previewBroadcast } from './panel-broadcast.js';
import {
  analyse,
  download,
  exportsPage,
  fraud,
  printableResults,
  undoVoid,
  voidVotes,
} from './panel-integrity.js';

// The organisers' panel (issue 16): a moderator signs in with a one-time link from /panel in the
// bot, into a session held by an httpOnly, SameSite=Strict cookie (Secure on HTTPS). Every action
// here is the chat's press of the same button or the chat's command, run through the core as the
// person signed in: the authors hear decisions through the outbox as from the chat, a decision
// someone made first is reported with who made it, and the rules (who may do what, the results'
// embargo) are the chat's. An action is answered with a redirect to the page it belongs to,
// which shows once what it did (post, redirect, get: reloading does not do it again). Every form
// carries the session's CSRF token.

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

const COOKIE = 'panel';

function cookieOf(req: IncomingMessage): string {
  return (
    new RegExp(`(?:^|;\\s*)${COOKIE}=([A-Za-z0-9_-]+)`).exec(req.headers.cookie ?? '')?.[1] ?? ''
  );
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The session's cookie: httpOnly, only for the panel's paths, Secure on HTTPS. */
function cookie(site: Site, value: string, maxAge: number): string {
  const secure = site.options.siteUrl.startsWith('https://') ? '; Secure' : '';
  return `${COOKIE}=${value}; Path=/panel; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure}`;
}

/** The pages of the panel, in the order of its menu; `organisers` ones are theirs alone. */
const PAGES = [
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

async function readForm(req: IncomingMessage): Promise<URLSearchParams | number> {
  try {
    return new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
  } catch (error) {
    return error instanceof BodyTooLarge ? 413 : 400;
  }
}

/** An action's page to go to and what it did; null when it answered with a page of its own. */
type Action = (p: Panel, form: URLSearchParams) => Promise<{ to: string; lines: string[] } | null>;

const ACTIONS: Record<string, { run: Action; organisers?: boolean }> = {
  '/panel/decide': { run: decide },
  '/panel/visibility': { run: setVisibility },
  '/panel/void': { run: voidVotes, organisers: true },
  '/panel/unvoid': { run: undoVoid, organisers: true },
  '/panel/analyse': { run: analyse, organisers: true },
  '/panel/broadcast/preview': { run: previewBroadcast, organisers: true },
  '/panel/broadcast/send': { run: confirmBroadcast, organisers: true },
};

type View = (p: Panel, outcomes: string[]) => Promise<void>;

const VIEWS: Record<string, { run: View; organisers?: boolean }> = {
  '/panel': { run: queue },
  '/panel/complaints': { run: complaints },
  '/panel/fraud': { run: fraud, organisers: true },
  '/panel/dashboard': { run: dashboard },
  '/panel/timeline': { run: timeline },
  '/panel/results': { run: printableResults },
  '/panel/exports': { run: exportsPage, organisers: true },
  '/panel/broadcast': { run: broadcastPage, organisers: true },
};

/** The panel's routes: true when the request was the panel's. */
export function panelRoute(site: Site, access: PanelAccess) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = url.pathname;
    if (path !== '/panel' && !path.startsWith('/panel/')) return false;
    const now = new Date();
    const asked = languageOf(req, url, site.deps.campaign.defaultLanguage).lang;
    const plain = (status: number, key: string) =>
      send(res, status, 'text/plain; charset=utf-8', translate(asked, { key }));
    if (path === '/panel/login' && req.method === 'GET') {
      const used = await access.use(url.searchParams.get('t') ?? '', now);
      if (!used) return (plain(403, 'panel-refused'), true);
      res.writeHead(303, {
        location: '/panel',
        'set-cookie': cookie(site, used.sid, 12 * 3600),
        'cache-control': 'no-store',
      });
      res.end();
      return true;
    }
    const sid = cookieOf(req);
    const session = sid ? await access.session(sid, now) : null;
    // Still a moderator (the configuration may have changed since the link was made).
    if (!session || !isModerator(site.deps, session.who))
      return (plain(403, 'panel-refused'), true);
    // The language chosen on the page, else the one they use the bot in.
    const user = await site.deps.stores.users.find(session.who);
    const lang = chosenLanguage(req, url) ?? user?.lang ?? site.deps.campaign.defaultLanguage;
    const p: Panel = {
      site,
      res,
      url,
      session,
      ...(user?.displayName ? { name: user.displayName } : {}),
      lang,
      organiser: isOrganiser(site.deps, session.who),
      tr: (key, args) => translate(lang, args ? { key, args } : { key }),
    };
    const organisersOnly = () =>
      send(res, 403, 'text/plain; charset=utf-8', p.tr('panel-organisers-only'));
    if (req.method === 'GET') {
      const media = /^\/panel\/(media|thumb)\/([1-9]\d{0,6})\/(\d)$/.exec(path);
      if (media) {
        // Any entry's, pending ones too: the moderators decide by them.
        const entry = await site.deps.stores.entries.getByNumber(Number(media[2]));
        const item = entry?.media[Number(media[3])];
        await serveMedia(site, req, res, url, item, media[1] === 'thumb', 'private, max-age=300');
        return true;
      }
      const view = VIEWS[path];
      const file = /^\/panel\/export\/([a-z-]+\d*)\.csv$/.exec(path);
      if (view?.organisers && !p.organiser) organisersOnly();
      else if (view) await view.run(p, await access.takeFlash(sid));
      else if (file && !p.organiser) organisersOnly();
      else if (file) await download(p, file[1]!);
      else notFound(site, req, res, url);
      return true;
    }
    if (req.method !== 'POST') return (notFound(site, req, res, url), true);
    const form = await readForm(req);
    if (typeof form === 'number') return (plain(form, 'panel-forbidden'), true);
    if (!sameSecret(form.get('csrf') ?? '', session.csrf))
      return (plain(403, 'panel-forbidden'), true);
    if (path === '/panel/logout') {
      await access.end(sid);
      res.writeHead(200, {
        'content-type': 'text/plain; charset=utf-8',
        'set-cookie': cookie(site, '', 0),
      });
      res.end(p.tr('panel-signed-out'));
      return true;
    }
    const action = ACTIONS[path];
    if (!action) return (notFound(site, req, res, url), true);
    if (action.organisers && !p.organiser) return (organisersOnly(), true);
    const done = await action.run(p, form);
    if (done) await redirectWith(p, access, sid, done.to, done.lines);
    return true;
  };
}
