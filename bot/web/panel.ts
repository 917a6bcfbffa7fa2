import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isModerator, isOrganiser } from '../../handlers/turn.js';
import { translate } from '../../locales/index.js';
import { BodyTooLarge, readBody } from '../http-body.js';
import { chosenLanguage, languageOf, notFound, send, serveMedia, type Site } from './site.js';
import { PAGES, redirectWith, type Panel, type PanelAccess } from './panel-page.js';
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

/** The page of each of the menu's entries (who may see it is the menu's, PAGES). */
const VIEWS: Record<(typeof PAGES)[number]['path'], View> = {
  '/panel': queue,
  '/panel/complaints': complaints,
  '/panel/fraud': fraud,
  '/panel/dashboard': dashboard,
  '/panel/timeline': timeline,
  '/panel/results': printableResults,
  '/panel/exports': exportsPage,
  '/panel/broadcast': broadcastPage,
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
      const page = PAGES.find((x) => x.path === path);
      const file = /^\/panel\/export\/([a-z-]+\d*)\.csv$/.exec(path);
      if (page && 'organisers' in page && !p.organiser) organisersOnly();
      else if (page) await VIEWS[page.path](p, await access.takeFlash(sid));
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
