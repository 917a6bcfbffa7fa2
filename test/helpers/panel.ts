import type { TelegramUser } from './telegram-user.js';

// Into the organisers' panel as a moderator would: /panel in the chat, the link it gives, the
// session cookie it opens, and the panel's forms.

/** The link the bot gives this moderator, pointed at the local server. */
export async function panelLink(moderator: TelegramUser, base: string): Promise<string> {
  const said = (await moderator.send('/panel')).texts[0]!;
  const url = /(http:\/\/localhost:\d+)(\/panel\/login\?t=[A-Za-z0-9_-]+)/.exec(said)!;
  return `${base}${url[2]}`;
}

export async function signIn(link: string): Promise<{ status: number; cookie: string }> {
  const r = await fetch(link, { redirect: 'manual' });
  return { status: r.status, cookie: (r.headers.get('set-cookie') ?? '').split(';')[0]! };
}

export const csrfOf = (html: string): string => /name="csrf" value="([^"]+)"/.exec(html)![1]!;

/** A moderator signed into the panel: pages read and forms posted with their cookie. */
export async function panelSession(moderator: TelegramUser, base: string) {
  const { cookie } = await signIn(await panelLink(moderator, base));
  const get = (path: string) => fetch(`${base}${path}`, { headers: { cookie } });
  const csrf = csrfOf(await (await get('/panel')).text());
  return {
    cookie,
    get,
    html: async (path: string) => (await get(path)).text(),
    /** Posts a form; follows the redirect to the page that shows what it did. */
    post: (path: string, fields: [string, string][]) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams([['csrf', csrf], ...fields]).toString(),
      }),
  };
}
