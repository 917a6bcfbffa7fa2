import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import sharp from 'sharp';
import { findCategory } from '../../handlers/campaign.js';
import { countsShown, phaseAt, resultsPublic } from '../../handlers/campaign-clock.js';
import type { Deps } from '../../handlers/index.js';
import type { Entry } from '../../handlers/ports.js';
import { LANGS, type Lang, type Media, type Text } from '../../handlers/protocol.js';
import { platformName } from '../../handlers/turn.js';
import { ranked } from '../../handlers/results.js';
import { hasJury, juryNote } from '../../handlers/jury.js';
import { phaseText } from '../../handlers/start.js';
import { translate } from '../../locales/index.js';
import type { Logger } from '../logger.js';
import type { MediaLibrary } from '../media-library.js';
import { sniffType } from './media-type.js';

// The contest's website, served by the bot's own HTTP server from the same core and database: the
// gallery of published entries (filter by category and city, find by number), a page per entry
// with Open Graph tags (a link pasted in Telegram, VK or Facebook unfolds into a card), and the
// results once they are public. Counts show only as the campaign clock allows, as in the chats.
// Pages are rendered on the server with Eta (escaped by default); photos are served with their
// thumbnails (made once with sharp, kept beside the originals) under caching headers and ETags,
// videos with range requests.

const here = dirname(fileURLToPath(import.meta.url));
const views = new Eta({ views: join(here, 'views'), autoEscape: true, cache: true });
/** The stylesheet and the Mini App's script: read once, served by ETag. */
function asset(name: string, type: string) {
  const body = readFileSync(join(here, 'views', name));
  return {
    body,
    type,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
  };
}
const ASSETS: Record<string, ReturnType<typeof asset>> = {
  '/site.css': asset('site.css', 'text/css; charset=utf-8'),
  '/app.js': asset('app.js', 'text/javascript; charset=utf-8'),
  '/panel.js': asset('panel.js', 'text/javascript; charset=utf-8'),
};
const THUMB_WIDTH = 480;
/** Media never change under their id: cached for a day, then checked by ETag. */
const MEDIA_CACHE = 'public, max-age=86400';

/** What a platform's Mini App's launch data is checked with: the bot's token (Telegram), the
 * app's secret (VK). Each edge declares its own (PlatformEdge.miniApp). */
export interface MiniAppKeys {
  botToken?: string;
  vkApp?: { id: string; secret: string };
}

/** The Mini App, for the platforms that open one. */
export interface MiniAppOptions extends MiniAppKeys {
  /** Launch data older than this is refused (Telegram's documentation: check its age). */
  maxAgeSeconds: number;
}

export interface SiteOptions {
  /** Set when Telegram is configured: /app is the Mini App, where people vote in the page. */
  miniApp?: MiniAppOptions;
  /** The site's public address (https in production): Open Graph and share links use it. */
  siteUrl: string;
  /** The platforms people can vote on, each with the name the voting link says. */
  platforms: string[];
  log: Logger;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** What the bytes are, when the platform said only "octet-stream". */
function typeOf(bytes: Buffer, said: string): string {
  if (said.startsWith('image/') || said.startsWith('video/')) return said;
  return sniffType(bytes) ?? said;
}

const LANG_COOKIE = new RegExp(`(?:^|;\\s*)lang=(${LANGS.join('|')})\\b`);

/** The language the person chose on the site (?lang=, or the cookie it set), if they did. */
export function chosenLanguage(req: IncomingMessage, url: URL): Lang | null {
  const asked = url.searchParams.get('lang');
  if (asked && (LANGS as readonly string[]).includes(asked)) return asked as Lang;
  return (LANG_COOKIE.exec(req.headers.cookie ?? '')?.[1] as Lang | undefined) ?? null;
}

/** The language of a request: ?lang=, else the cookie it set, else Accept-Language, else the campaign's. */
export function languageOf(
  req: IncomingMessage,
  url: URL,
  fallback: Lang,
): { lang: Lang; set: boolean } {
  const chosen = chosenLanguage(req, url);
  if (chosen) return { lang: chosen, set: url.searchParams.get('lang') === chosen };
  const accepted = (req.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag, q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of accepted) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const lang = LANGS.find((l) => l === base);
    if (lang) return { lang, set: false };
  }
  return { lang: fallback, set: false };
}

export function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, ...headers }).end(body);
}

/** What every page needs: the core, the media, the site's settings. */
export interface Site {
  deps: Deps;
  library: MediaLibrary;
  options: SiteOptions;
}

// Everything is read from deps on every request: the terminal demo swaps its campaign and stores.
const categoryName = (site: Site, id: string, lang: Lang) =>
  findCategory(site.deps.campaign, id)?.name[lang] ?? id;

/** The count of an entry anyone may see now, or null (see countsShown). */
export async function shownVotes(site: Site, entry: Entry): Promise<number | null> {
  const { deps } = site;
  const shown = countsShown(deps.campaign, deps.clock.now());
  if (shown === 'none') return null;
  if (shown === 'final') {
    const row = (await deps.stores.results.frozen())?.rows.find((r) => r.entryId === entry.id);
    if (row) return row.votes;
  }
  return deps.stores.votes.countFor(entry.id);
}

export function page(
  site: Site,
  res: ServerResponse,
  lang: Lang,
  setLang: boolean,
  view: string,
  data: Record<string, unknown> & {
    title: string;
    description?: string;
    og?: [string, string][];
  },
): void {
  const { deps } = site;
  const tr = (key: string, args?: Text['args']) => translate(lang, args ? { key, args } : { key });
  const t = {
    languages: tr('web-languages'),
    category: tr('web-category'),
    all: tr('web-all-categories'),
    city: tr('web-city'),
    number: tr('web-number'),
    show: tr('web-show'),
    empty: tr('web-empty'),
    results: tr('web-results-link'),
    resultsTitle: tr('web-results-title'),
    back: tr('web-back'),
    vote: tr('vote-button'),
    submitTitle: tr('web-submit-title'),
    kind: tr('web-submit-kind'),
    own: tr('menu-submit'),
    nomination: tr('menu-nominate'),
    nominee: tr('web-submit-nominee'),
    files: tr('web-submit-files'),
    story: tr('web-submit-story'),
    consent: tr('web-submit-consent'),
    send: tr('button-send'),
    panelTitle: tr('panel-title'),
    signOut: tr('panel-sign-out'),
    outcomes: tr('panel-outcomes'),
    queueEmpty: tr('panel-queue-empty'),
    selectAll: tr('panel-select-all'),
    approve: tr('panel-approve'),
    reject: tr('panel-reject'),
    myVotes: tr('web-my-votes'),
    noVotes: tr('web-my-votes-none'),
    outside: tr('web-app-outside'),
  };
  const body = views.render(view, { ...data, t, lang });
  const html = views.render('layout', {
    ...data,
    body,
    lang,
    t,
    campaign: deps.campaign.name[lang],
    langs: LANGS.map((code) => ({
      code,
      name: translate(code, { key: `language-name-${code}` }),
    })),
  });
  send(res, 200, 'text/html; charset=utf-8', html, {
    'cache-control': 'no-cache',
    vary: 'Accept-Language, Cookie',
    ...(setLang ? { 'set-cookie': `lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax` } : {}),
  });
}

async function gallery(
  site: Site,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  app: boolean,
): Promise<void> {
  const { deps, options } = site;
  const { lang, set } = languageOf(req, url, deps.campaign.defaultLanguage);
  const filter = {
    category: url.searchParams.get('category') ?? '',
    city: (url.searchParams.get('city') ?? '').trim().slice(0, 100),
    q: (url.searchParams.get('q') ?? '').trim().slice(0, 7),
  };
  const city = filter.city.toLocaleLowerCase();
  const chosen = (await deps.stores.entries.listPublished()).filter(
    (e) =>
      (!filter.category || e.category === filter.category) &&
      (!city || e.city.toLocaleLowerCase().includes(city)) &&
      (!filter.q || String(e.number) === filter.q),
  );
  const entries = await Promise.all(
    chosen.map(async (e) => {
      const votes = await shownVotes(site, e);
      const category = categoryName(site, e.category, lang);
      return {
        number: e.number,
        title: translate(lang, { key: 'web-tile', args: { number: String(e.number), category } }),
        alt: translate(lang, {
          key: 'web-entry-alt',
          args: { number: String(e.number), category },
        }),
        city: e.city,
        thumb: e.media[0]?.type === 'photo' ? `/thumb/${e.number}/0` : null,
        votes:
          votes === null ? null : translate(lang, { key: 'web-votes', args: { count: votes } }),
      };
    }),
  );
  const now = deps.clock.now();
  page(site, res, lang, set, 'gallery', {
    app,
    prefix: app ? '/app' : '',
    title: deps.campaign.name[lang],
    description: translate(lang, phaseText(deps, now)),
    phase: translate(lang, phaseText(deps, now)),
    resultsLink: resultsPublic(deps.campaign, now),
    submitLink: phaseAt(deps.campaign, now) === 'submissions',
    categories: deps.campaign.categories.map((c) => ({ id: c.id, name: c.name[lang] })),
    filter,
    entries,
    og: [
      ['og:type', 'website'],
      ['og:title', deps.campaign.name[lang]],
      ['og:url', `${options.siteUrl}/`],
    ],
  });
}

async function entryPage(
  site: Site,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  number: number,
  app: boolean,
): Promise<void> {
  const { deps, options } = site;
  const { lang, set } = languageOf(req, url, deps.campaign.defaultLanguage);
  const entry = await deps.stores.entries.getByNumber(number);
  if (entry?.status !== 'published') return notFound(site, req, res, url);
  const category = categoryName(site, entry.category, lang);
  const args = { number: String(entry.number), category };
  const title = translate(lang, { key: 'web-entry-title', args });
  const votes = await shownVotes(site, entry);
  const link = `${options.siteUrl}/e/${entry.number}`;
  const summary = entry.story.length > 200 ? `${entry.story.slice(0, 199)}…` : entry.story;
  const image = entry.media[0]?.type === 'photo' ? `${options.siteUrl}/thumb/${number}/0` : null;
  page(site, res, lang, set, 'entry', {
    app,
    prefix: app ? '/app' : '',
    number: entry.number,
    title,
    description: summary,
    meta: translate(lang, {
      key: 'web-entry-meta',
      args: { city: entry.city, nominee: entry.nominee ?? '' },
    }),
    alt: translate(lang, { key: 'web-entry-alt', args }),
    story: entry.story,
    media: entry.media.map((m, i) => ({ type: m.type, src: `/media/${number}/${i}` })),
    votes: votes === null ? null : translate(lang, { key: 'web-votes', args: { count: votes } }),
    voteLinks: options.platforms.map((p) => ({
      href: deps.links.entry(p, entry.number),
      label: translate(lang, { key: 'web-vote-in', args: { platform: platformName(p) } }),
    })),
    shareLinks: [
      {
        href: `https://t.me/share/url?url=${encodeURIComponent(link)}&text=${encodeURIComponent(title)}`,
        label: translate(lang, { key: 'web-share', args: { platform: 'Telegram' } }),
      },
      {
        href: `https://vk.com/share.php?url=${encodeURIComponent(link)}`,
        label: translate(lang, { key: 'web-share', args: { platform: 'VK' } }),
      },
    ],
    og: [
      ['og:type', 'article'],
      ['og:title', title],
      ['og:description', summary],
      ['og:url', link],
      ...(image ? ([['og:image', image]] as [string, string][]) : []),
      ['og:locale', { kk: 'kk_KZ', ru: 'ru_RU', en: 'en_US' }[lang]],
    ],
  });
}

async function results(
  site: Site,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const { deps } = site;
  const { lang, set } = languageOf(req, url, deps.campaign.defaultLanguage);
  const title = translate(lang, { key: 'web-results-title' });
  if (!resultsPublic(deps.campaign, deps.clock.now())) {
    const notYet = translate(lang, {
      key: 'results-not-yet',
      args: { gala: { date: deps.campaign.dates.gala }, time: deps.campaign.schedule.galaTime },
    });
    return page(site, res, lang, set, 'results', { title, categories: null, notYet });
  }
  const rows = (await deps.stores.results.frozen())?.rows ?? (await deps.stores.results.tally());
  const categories = (await ranked(deps, rows)).map((r) => ({
    name: categoryName(site, r.category, lang),
    standings: r.standings
      .filter((s) => s.place <= deps.campaign.schedule.prizePlaces)
      .map((s) => ({
        place: s.place,
        number: s.number,
        label: translate(lang, {
          key: 'results-row',
          args: { place: s.place, number: String(s.number), votes: s.votes },
        }).replace(/^\d+\.\s*/, ''),
      })),
  }));
  const how = hasJury(deps.campaign) ? translate(lang, juryNote(deps)) : null;
  page(site, res, lang, set, 'results', { title, categories, how });
}

export function notFound(site: Site, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const { deps } = site;
  const { lang } = languageOf(req, url, deps.campaign.defaultLanguage);
  send(res, 404, 'text/plain; charset=utf-8', translate(lang, { key: 'web-not-found' }));
}

/** A photo's or video's bytes (Range for video), or its thumbnail; by ETag once seen. */
async function media(
  site: Site,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  number: number,
  index: number,
  thumb: boolean,
): Promise<void> {
  const entry = await site.deps.stores.entries.getByNumber(number);
  const item = entry?.status === 'published' ? entry.media[index] : undefined;
  return serveMedia(site, req, res, url, item, thumb, MEDIA_CACHE);
}

/** One photo or video (or a photo's thumbnail) as bytes, with ETag and ranges. */
export async function serveMedia(
  site: Site,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  item: Media | undefined,
  thumb: boolean,
  cacheControl: string,
): Promise<void> {
  const { library, options } = site;
  if (!item || (thumb && item.type !== 'photo')) return notFound(site, req, res, url);
  const etag = `"${thumb ? 't' : 'm'}-${createHash('sha256').update(`${item.platform}:${item.uniqueId}`).digest('base64url').slice(0, 22)}"`;
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
  let bytes: Buffer;
  let type: string;
  try {
    ({ bytes, contentType: type } = thumb
      ? await thumbnailOf(site, item)
      : await library.bytesOf(item));
  } catch (error) {
    options.log.warn(
      { err: error, media: item.uniqueId },
      'entry media could not be read for the site',
    );
    return notFound(site, req, res, url);
  }
  type = typeOf(bytes, type);
  const headers = {
    etag,
    'cache-control': cacheControl,
    'accept-ranges': 'bytes',
    // Served as what it is, never sniffed into something else.
    'x-content-type-options': 'nosniff',
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    const size = bytes.length;
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || start > end)
      return void res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
    return send(res, 206, type, bytes.subarray(start, end + 1), {
      ...headers,
      'content-range': `bytes ${start}-${end}/${size}`,
    });
  }
  send(res, 200, type, bytes, headers);
}

/** The thumbnail of a photo: made once with sharp, kept beside the original. */
function thumbnailOf(site: Site, item: Media): Promise<{ bytes: Buffer; contentType: string }> {
  const { library } = site;
  return library.derived(item, 'thumb', async (original) => ({
    bytes: await sharp(original.bytes)
      .rotate()
      .resize({ width: THUMB_WIDTH, withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer(),
    contentType: 'image/webp',
  }));
}

export function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), {
    'cache-control': 'no-store',
  });
}

/**
 * The Mini App's calls: a vote, and the person's votes. The person is who Telegram's signed
 * launch data says; a vote goes through the core as a press of the Vote button would, so every
 * rule of the chat holds, and the counts in the chat and on the site are the same ones.
 */
/** More pages on the same site (the organisers' panel): true when the route took the request. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export function createSite(
  deps: Deps,
  library: MediaLibrary,
  options: SiteOptions,
  routes: ((site: Site) => Route)[] = [],
): Handler {
  const site: Site = { deps, library, options };
  const more = routes.map((route) => route(site));
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://site');
    const path = url.pathname;
    for (const route of more) if (await route(req, res, url)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return void res.writeHead(405, { allow: 'GET' }).end();
    const app = Boolean(options.miniApp) && (path === '/app' || path.startsWith('/app/'));
    const inner = app ? path.slice('/app'.length) || '/' : path;
    if (inner === '/') return gallery(site, req, res, url, app);
    const fixed = ASSETS[path];
    if (fixed) {
      if (req.headers['if-none-match'] === fixed.etag)
        return void res.writeHead(304, { etag: fixed.etag }).end();
      return send(res, 200, fixed.type, fixed.body, {
        etag: fixed.etag,
        'cache-control': 'public, max-age=3600',
      });
    }
    if (path === '/results') return results(site, req, res, url);
    const entry = /^\/e\/([1-9]\d{0,6})$/.exec(inner);
    if (entry) return entryPage(site, req, res, url, Number(entry[1]), app);
    const file = /^\/(media|thumb)\/([1-9]\d{0,6})\/(\d)$/.exec(path);
    if (file)
      return media(site, req, res, url, Number(file[2]), Number(file[3]), file[1] === 'thumb');
    notFound(site, req, res, url);
  };
}
