import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { findCategory } from '../../handlers/campaign.js';
import { handleEvent } from '../../handlers/index.js';
import { payload } from '../../handlers/payload.js';
import type { Lang, UserRef } from '../../handlers/protocol.js';
import { translate } from '../../locales/index.js';
import { BodyTooLarge, readBody } from '../http-body.js';
import { splitReplies } from '../replies.js';
import { languageOf, notFound, page, send, type Site } from './site.js';

// The organisers' panel (issue 16, first part): a moderator signs in with a one-time link from
// /panel in the bot, into a session held by an httpOnly, SameSite=Strict cookie (Secure on HTTPS),
// and decides pending entries one by one or in bulk. A decision here is the chat's press of the
// same button, through the core: the author hears it through the outbox as from the chat, and a
// decision someone made first (in the chat or here) is reported with who made it. Every form
// carries the session's CSRF token.

/** What the panel keeps: one-time tokens and sessions (models/panel.ts, given by the wiring). */
export interface PanelAccess {
  issue(who: UserRef, now: Date): Promise<string>;
  use(token: string, now: Date): Promise<{ sid: string; session: PanelSession } | null>;
  session(sid: string, now: Date): Promise<PanelSession | null>;
  end(sid: string): Promise<void>;
}

export interface PanelSession {
  who: UserRef;
  csrf: string;
}

const COOKIE = 'panel';
const REJECT_REASONS = 4;

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

async function langOf(site: Site, who: UserRef): Promise<Lang> {
  return (await site.deps.stores.users.find(who))?.lang ?? site.deps.campaign.defaultLanguage;
}

async function queue(
  site: Site,
  res: ServerResponse,
  session: PanelSession,
  outcomes: string[],
): Promise<void> {
  const { deps } = site;
  const lang = await langOf(site, session.who);
  const [count, entries] = await Promise.all([
    deps.stores.entries.countPending(),
    deps.stores.entries.listPending(0, 50),
  ]);
  page(site, res, lang, false, 'panel', {
    title: translate(lang, { key: 'panel-title' }),
    csrf: session.csrf,
    signedIn: translate(lang, {
      key: 'panel-signed-in',
      args: { who: `${session.who.platform}:${session.who.id}` },
    }),
    queueTitle: translate(lang, { key: 'panel-queue', args: { count } }),
    dashboard: translate(lang, { key: 'panel-dashboard' }),
    outcomes,
    reasons: Array.from({ length: REJECT_REASONS }, (_, i) => ({
      index: i + 1,
      label: translate(lang, { key: `reject-reason-${i + 1}` }),
    })),
    entries: entries.map((e) => ({
      id: e.id,
      title: translate(lang, {
        key: 'web-tile',
        args: {
          number: String(e.number),
          category: findCategory(deps.campaign, e.category)?.name[lang] ?? e.category,
        },
      }),
      meta: translate(lang, {
        key: 'panel-entry-meta',
        args: {
          city: e.city,
          who: e.author.name ?? e.author.id,
          platform: { key: `platform-name-${e.author.platform}` },
        },
      }),
      story: e.story,
    })),
  });
}

/** Decides the selected entries, each as the chat's press of the same button. */
async function decide(site: Site, session: PanelSession, form: URLSearchParams): Promise<string[]> {
  const { deps } = site;
  const ids = form.getAll('id').filter((id) => /^[0-9a-f]{24}$/.test(id));
  const reason = Math.min(Math.max(Number(form.get('reason')) || 1, 1), REJECT_REASONS);
  const approve = form.get('action') === 'approve';
  const actor = { ...session.who };
  const outcomes: string[] = [];
  const nonce = Date.now().toString(36);
  for (const id of ids) {
    const data = approve ? payload('mod', 'ok', id) : payload('mod', 'rr', id, reason);
    const eventId = `panel:${nonce}:${id}`;
    const replies = await handleEvent(
      { actor, input: { kind: 'button', data }, id: eventId },
      deps,
    );
    const { own, outbox } = splitReplies(actor, replies, eventId);
    await deps.outbox.enqueue(outbox);
    const notice = own.find((r) => r.view.kind === 'notice');
    const entry = await deps.stores.entries.get(id);
    const lang = notice?.lang ?? deps.campaign.defaultLanguage;
    const said = notice?.view.kind === 'notice' ? notice.view.text : { key: 'empty' };
    outcomes.push(
      translate(lang, {
        key: 'panel-outcome',
        args: { number: String(entry?.number ?? '?'), said },
      }),
    );
  }
  return outcomes;
}

/** The contest drawn: the figures /stats gives, as bars (server-drawn SVG, no script). */
async function dashboard(site: Site, res: ServerResponse, session: PanelSession): Promise<void> {
  const { deps } = site;
  const lang = await langOf(site, session.who);
  const s = await deps.stores.admin.stats();
  const tr = (key: string) => translate(lang, { key });
  const chart = (
    id: string,
    title: string,
    figures: Record<string, number>,
    label: (k: string) => string,
  ) => {
    const entries = Object.entries(figures).sort(([a], [b]) => (a < b ? -1 : 1));
    const most = Math.max(1, ...entries.map(([, v]) => v));
    return {
      id,
      title,
      height: Math.max(28, entries.length * 28),
      bars: entries.map(([key, value]) => ({
        key,
        value,
        label: label(key),
        width: Math.round((150 * value) / most),
      })),
    };
  };
  page(site, res, lang, false, 'dashboard', {
    title: tr('panel-dashboard'),
    back: tr('panel-back-to-queue'),
    totals: translate(lang, {
      key: 'panel-totals',
      args: { users: s.users, voters: s.voters, votes: s.votes },
    }),
    charts: [
      chart('status', tr('panel-chart-status'), s.entriesByStatus, (k) =>
        translate(lang, { key: `entry-status-${k}` }),
      ),
      chart(
        'category',
        tr('panel-chart-category'),
        s.entriesByCategory,
        (k) => findCategory(deps.campaign, k)?.name[lang] ?? k,
      ),
      chart('platform', tr('panel-chart-platform'), s.entriesByPlatform, (k) =>
        translate(lang, { key: `platform-name-${k}` }),
      ),
      chart('outbox', tr('panel-chart-outbox'), s.outbox, (k) => k),
    ],
  });
}

/** The panel's routes: true when the request was the panel's. */
export function panelRoute(site: Site, access: PanelAccess) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const path = url.pathname;
    if (path !== '/panel' && !path.startsWith('/panel/')) return false;
    const now = new Date();
    const { lang } = languageOf(req, url, site.deps.campaign.defaultLanguage);
    const plain = (status: number, key: string) =>
      send(res, status, 'text/plain; charset=utf-8', translate(lang, { key }));
    if (path === '/panel/login' && req.method === 'GET') {
      const used = await access.use(url.searchParams.get('t') ?? '', now);
      if (!used) {
        plain(403, 'panel-refused');
        return true;
      }
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
    if (!session) {
      plain(403, 'panel-refused');
      return true;
    }
    // Still a moderator (the configuration may have changed since the link was made).
    const moderator = site.deps.admins.some(
      (a) => a.platform === session.who.platform && a.id === session.who.id,
    );
    if (!moderator) {
      plain(403, 'panel-refused');
      return true;
    }
    if (path === '/panel/dashboard' && req.method === 'GET') {
      await dashboard(site, res, session);
      return true;
    }
    if (path === '/panel' && req.method === 'GET') {
      await queue(site, res, session, []);
      return true;
    }
    if (req.method !== 'POST') {
      notFound(site, req, res, url);
      return true;
    }
    let form: URLSearchParams;
    try {
      form = new URLSearchParams((await readBody(req, 64 * 1024)).toString('utf8'));
    } catch (error) {
      {
        plain(error instanceof BodyTooLarge ? 413 : 400, 'panel-forbidden');
        return true;
      }
    }
    if (!sameSecret(form.get('csrf') ?? '', session.csrf)) {
      plain(403, 'panel-forbidden');
      return true;
    }
    if (path === '/panel/logout') {
      await access.end(sid);
      res.writeHead(200, {
        'content-type': 'text/plain; charset=utf-8',
        'set-cookie': cookie(site, '', 0),
      });
      res.end(translate(await langOf(site, session.who), { key: 'panel-signed-out' }));
      return true;
    }
    if (path === '/panel/decide') {
      await queue(site, res, session, await decide(site, session, form));
      return true;
    }
    notFound(site, req, res, url);
    return true;
  };
}
