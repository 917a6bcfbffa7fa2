import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleEvent } from '../../handlers/index.js';
import { payload } from '../../handlers/payload.js';
import { languageFromHint } from '../../handlers/start.js';
import { translate } from '../../locales/index.js';
import { BodyTooLarge, readBody } from '../http-body.js';
import { splitReplies } from '../replies.js';
import { checkInitData, checkVkLaunch, type MiniAppPerson } from './init-data.js';
import { json, languageOf, notFound, page, shownVotes, type Route, type Site } from './site.js';
import { submitFromWeb } from './submit.js';

// The Mini App's calls (Telegram's, or VK's): a vote, the person's votes, and a deed told in the
// page. The person is who the platform's signed launch data says; what they do goes through the
// core as the same action in the chat would, so every rule holds and the figures are the same.

/** Who the Mini App's call is from: Telegram's launch data, else VK's, checked; or null. */
function personOf(
  site: Site,
  body: { initData?: unknown; vkParams?: unknown },
): MiniAppPerson | null {
  const app = site.options.miniApp;
  if (!app) return null;
  if (app.botToken && body.initData)
    return checkInitData(String(body.initData), app.botToken, new Date(), app.maxAgeSeconds);
  if (app.vkApp && body.vkParams)
    return checkVkLaunch(String(body.vkParams), app.vkApp, new Date(), app.maxAgeSeconds);
  return null;
}

/** Everything a person may upload at once: the photos, or a video up to the campaign's limit. */
const UPLOAD_LIMIT = 30 * 1024 * 1024;

/** The Mini App's form: a deed told in the page goes through the chat's conversation. */
async function submitDeed(site: Site, req: IncomingMessage, res: ServerResponse, url: URL) {
  const { deps, library, options } = site;
  const { lang } = languageOf(req, url, deps.campaign.defaultLanguage);
  if (!options.miniApp) return notFound(site, req, res, url);
  if (req.method === 'GET') return submitPage(site, req, res, url);
  if (req.method !== 'POST') return void res.writeHead(405, { allow: 'GET, POST' }).end();
  let form: FormData;
  try {
    const bytes = await readBody(req, UPLOAD_LIMIT);
    form = await new Request('http://site/app/submit', {
      method: 'POST',
      headers: { 'content-type': String(req.headers['content-type'] ?? '') },
      body: bytes,
    }).formData();
  } catch (error) {
    const key = error instanceof BodyTooLarge ? 'web-submit-too-large' : 'web-app-refused';
    return json(res, error instanceof BodyTooLarge ? 413 : 400, {
      message: translate(lang, { key, args: { mb: UPLOAD_LIMIT / 1024 / 1024 } }),
    });
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const person = personOf(site, { initData: text('initData'), vkParams: text('vkParams') });
  if (!person) return json(res, 401, { message: translate(lang, { key: 'web-app-refused' }) });
  const files = await Promise.all(
    form
      .getAll('files')
      .filter((f): f is File => typeof f !== 'string' && f.size > 0)
      .map(async (f) => ({ bytes: Buffer.from(await f.arrayBuffer()), type: f.type })),
  );
  const submitted = await submitFromWeb(deps, library, person.actor, {
    kind: text('kind') === 'nomination' ? 'nomination' : 'own',
    nominee: text('nominee'),
    story: text('story'),
    city: text('city'),
    category: text('category'),
    consent: text('consent') === 'yes',
    files,
  });
  json(res, submitted.ok ? 200 : 400, submitted);
}

async function submitPage(site: Site, req: IncomingMessage, res: ServerResponse, url: URL) {
  const { deps } = site;
  const { lang, set } = languageOf(req, url, deps.campaign.defaultLanguage);
  page(site, res, lang, set, 'submit', {
    app: true,
    prefix: '/app',
    title: translate(lang, { key: 'web-submit-title' }),
    rules: deps.campaign.rules,
    categories: deps.campaign.categories.map((c) => ({ id: c.id, name: c.name[lang] })),
  });
}

async function miniAppCall(
  site: Site,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const { deps, options } = site;
  const { lang } = languageOf(req, url, deps.campaign.defaultLanguage);
  if (!options.miniApp) return notFound(site, req, res, url);
  if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
  let body: { initData?: unknown; vkParams?: unknown; number?: unknown };
  try {
    body = JSON.parse((await readBody(req, 16 * 1024)).toString('utf8')) as typeof body;
  } catch (error) {
    const status = error instanceof BodyTooLarge ? 413 : 400;
    return json(res, status, { message: translate(lang, { key: 'web-app-refused' }) });
  }
  const person = personOf(site, body);
  if (!person) return json(res, 401, { message: translate(lang, { key: 'web-app-refused' }) });
  const { actor } = person;
  if (url.pathname === '/app/vote') {
    const number = Number(body.number);
    if (!Number.isInteger(number) || number < 1 || number > 9_999_999)
      return json(res, 400, { message: translate(lang, { key: 'vote-entry-unavailable' }) });
    const replies = await handleEvent(
      { actor, input: { kind: 'button', data: payload('v', 'v', number) } },
      deps,
    );
    const { own, outbox } = splitReplies(actor, replies, `webapp:${Date.now()}:${actor.id}`);
    await deps.outbox.enqueue(outbox);
    const notice = own.find((r) => r.view.kind === 'notice');
    const message = notice?.view.kind === 'notice' ? translate(notice.lang, notice.view.text) : '';
    // The entry's count as the page may show it now, with this vote in it.
    const entry = await deps.stores.entries.getByNumber(number);
    const count = entry?.status === 'published' ? await shownVotes(site, entry) : null;
    const votes =
      count === null || !notice
        ? undefined
        : translate(notice.lang, { key: 'web-votes', args: { count } });
    return json(res, 200, { message, ...(votes ? { votes } : {}) });
  }
  const speaks =
    (await deps.stores.users.find(actor))?.lang ??
    languageFromHint(actor.langHint, deps.campaign.defaultLanguage);
  const votes = [];
  for (const category of deps.campaign.categories) {
    const entryId = await deps.stores.votes.choiceOf(actor, category.id);
    const entry = entryId ? await deps.stores.entries.get(entryId) : null;
    if (entry)
      votes.push({
        number: entry.number,
        label: translate(speaks, {
          key: 'web-tile',
          args: { number: String(entry.number), category: category.name[speaks] },
        }),
      });
  }
  json(res, 200, { votes });
}

/** The Mini App's calls: true when the request was one of them. */
export function miniAppRoute(site: Site): Route {
  return async (req, res, url) => {
    const path = url.pathname;
    if (path === '/app/vote' || path === '/app/my-votes') await miniAppCall(site, req, res, url);
    else if (path === '/app/submit') await submitDeed(site, req, res, url);
    else return false;
    return true;
  };
}
