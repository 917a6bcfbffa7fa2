import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { EntryModel } from '../../models/entry.js';
import { PanelTokenModel } from '../../models/panel.js';
import { DURING_SUBMISSIONS, submitOwnEntry } from '../helpers/flows.js';
import { Harness } from '../helpers/harness.js';
import { csrfOf, panelLink, signIn } from '../helpers/panel.js';

// The organisers' panel (first part): sign-in by a one-time link from /panel, a session cookie,
// the queue of pending entries decided one by one or in bulk, as in the chat.

describe('the organisers’ panel', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  const start = async () => {
    h = await Harness.start({ now: DURING_SUBMISSIONS });
    return `http://127.0.0.1:${h.app.httpPort}`;
  };
  const linkFor = panelLink;

  /** A moderator who has written to the bot, and 21 entries waiting for a decision. */
  const twentyOneWaiting = async () => {
    const base = await start();
    const moderator = h.admin('en');
    await moderator.send('/start');
    const authors = Array.from({ length: 21 }, () => h.user({ lang: 'en' }));
    for (const author of authors) await submitOwnEntry(author, 'animals');
    await h.drain();
    return { base, moderator, authors };
  };

  it('lets a moderator in once per link, and nobody else', async () => {
    const base = await start();
    const moderator = h.admin('en');
    const link = await linkFor(moderator, base);
    const first = await signIn(link);
    expect(first.status).toBe(303);
    const cookie = (await fetch(link, { redirect: 'manual' })).headers.get('set-cookie');
    // Used once: the second time refused.
    expect(cookie).toBeNull();
    const raw = await fetch(link, { redirect: 'manual' }).then((r) => r.headers.get('set-cookie'));
    expect(raw).toBeNull();
    const set = (await fetch(await linkFor(moderator, base), { redirect: 'manual' })).headers.get(
      'set-cookie',
    )!;
    expect(set).toMatch(/^panel=[A-Za-z0-9_-]{43}; Path=\/panel; HttpOnly; SameSite=Strict/);
    const page = await fetch(`${base}/panel`, { headers: { cookie: first.cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Organisers&#39; panel');
    // An expired link; no cookie; a voter asking for a link.
    const expired = await linkFor(moderator, base);
    await PanelTokenModel.updateMany({ used: false }, { $set: { expires: new Date(0) } });
    expect((await signIn(expired)).status).toBe(403);
    expect((await fetch(`${base}/panel`)).status).toBe(403);
    const voter = h.user({ lang: 'ru' });
    expect((await voter.send('/panel')).texts[0]).toBe(
      voter.tr('unknown-command', { command: '/panel' }),
    );
  });

  it('approves twenty entries at once, tells the authors, and says who decided one first', async () => {
    const { base, moderator, authors } = await twentyOneWaiting();
    const { cookie } = await signIn(await linkFor(moderator, base));
    const html = await (await fetch(`${base}/panel`, { headers: { cookie } })).text();
    expect(html).toContain('Waiting for a decision: 21');
    const csrf = csrfOf(html);
    // Someone decides #1 in the chat meanwhile.
    const other = h.admin('ru', 900_002);
    await other.press(`mod:ok:${(await EntryModel.findOne({ number: 1 }).lean())!._id}`);
    const ids = (await EntryModel.find().sort({ number: 1 }).lean())
      .slice(0, 20)
      .map((e) => e._id.toHexString());
    const form = new URLSearchParams([
      ['csrf', csrf],
      ['action', 'approve'],
      ...ids.map((id): [string, string] => ['id', id]),
    ]);
    const decided = await fetch(`${base}/panel/decide`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const result = await decided.text();
    expect(result).toContain('#2: Approved');
    expect(result).toMatch(/#1: This entry has already been decided\. .*Moderator Bek/);
    expect(result).toContain('Waiting for a decision: 1');
    expect(await EntryModel.countDocuments({ status: 'approved' })).toBe(20);
    // Each author hears it, as from the chat.
    await h.drain();
    expect(authors[5]!.messages().map((m) => m.text)).toContainEqual(
      expect.stringContaining('🎉 Your entry #6 has been approved!'),
    );
    // Without the CSRF token: refused, nothing changed.
    const forged = await fetch(`${base}/panel/decide`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['action', 'approve'],
        ['id', ids[0]!],
      ]).toString(),
    });
    expect(forged.status).toBe(403);
    const last = (await EntryModel.findOne({ number: 21 }).lean())!;
    const noToken = await fetch(`${base}/panel/decide`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['action', 'approve'],
        ['id', last._id.toHexString()],
      ]).toString(),
    });
    expect(noToken.status).toBe(403);
    expect((await EntryModel.findById(last._id).lean())?.status).toBe('pending');
    // Signing out ends the session.
    await fetch(`${base}/panel/logout`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([['csrf', csrf]]).toString(),
    });
    expect((await fetch(`${base}/panel`, { headers: { cookie } })).status).toBe(403);
  }, 120_000);

  it('is used in a real browser: refused links, twenty approved at once, a decision made first in the chat, the bars, CSRF', async () => {
    const { base, moderator, authors } = await twentyOneWaiting();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
      // A link works once; the second time, and for someone who is no moderator, no way in.
      const link = await linkFor(moderator, base);
      await page.goto(link);
      await page.waitForURL(/\/panel$/);
      const stranger = await browser.newPage();
      await stranger.goto(link);
      expect(await stranger.locator('body').innerText()).toContain(moderator.tr('panel-refused'));
      await stranger.goto(`${base}/panel`);
      expect(await stranger.locator('body').innerText()).toContain(moderator.tr('panel-refused'));
      const voter = h.user({ lang: 'en' });
      expect((await voter.send('/panel')).texts[0]).toBe(
        voter.tr('unknown-command', { command: '/panel' }),
      );
      await page.reload();
      // Another moderator decides #1 in the chat while the page is open.
      const other = h.admin('ru', 900_002);
      await other.press(`mod:ok:${(await EntryModel.findOne({ number: 1 }).lean())!._id}`);
      // Twenty selected (the first twenty boxes) and approved at once.
      const boxes = page.locator('input[name=id]');
      for (let i = 0; i < 20; i += 1) await boxes.nth(i).check();
      await page.locator('button[value=approve]').click();
      await page.locator('.outcomes li', { hasText: '#20: Approved' }).waitFor();
      const outcomes = await page.locator('.outcomes li').allInnerTexts();
      expect(outcomes).toHaveLength(20);
      expect(outcomes[0]).toMatch(/^#1: This entry has already been decided\. .*Moderator Bek/);
      await screenshot(page, 'panel', 'approved');
      expect(await EntryModel.countDocuments({ status: 'approved' })).toBe(20);
      // Each author's notification is queued and sent, as from the chat.
      await h.drain();
      for (const [i, author] of authors.slice(1, 20).entries())
        expect(author.messages().map((m) => m.text)).toContainEqual(
          expect.stringContaining(`Your entry #${i + 2} has been approved`),
        );
      // The bars drawn are the database's counts.
      await page.locator('nav.panel-nav a[href="/panel/dashboard"]').click();
      const drawn = async (label: string) =>
        Number(
          await page
            .locator(`figure[data-chart=status] g[data-label=${label}]`)
            .getAttribute('data-value'),
        );
      expect(await drawn('approved')).toBe(await EntryModel.countDocuments({ status: 'approved' }));
      expect(await drawn('pending')).toBe(await EntryModel.countDocuments({ status: 'pending' }));
      const bar = await page
        .locator('figure[data-chart=status] g[data-label=approved] rect')
        .boundingBox();
      expect(bar?.width).toBeGreaterThan(100);
      await screenshot(page, 'panel', 'dashboard');
      // A form sent without the session's token (another site's) changes nothing.
      const last = (await EntryModel.findOne({ number: 21 }).lean())!;
      const status = await page.evaluate(async (id) => {
        const r = await fetch('/panel/decide', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `action=approve&id=${id}`,
        });
        return r.status;
      }, last._id.toHexString());
      expect(status).toBe(403);
      expect((await EntryModel.findById(last._id).lean())?.status).toBe('pending');
    } finally {
      await browser.close();
    }
  }, 180_000);

  it('draws the contest from the database: the figures on the bars are its counts', async () => {
    const base = await start();
    const moderator = h.admin('en');
    await moderator.send('/start');
    for (const category of ['animals', 'animals', 'elderly'])
      await submitOwnEntry(h.user({}), category);
    await moderator.tapKey('mod-approve');
    await h.drain();
    const { cookie } = await signIn(await linkFor(moderator, base));
    const html = await (await fetch(`${base}/panel/dashboard`, { headers: { cookie } })).text();
    /** The value each bar of a chart is drawn for, by its key. */
    const bars = (chart: string) => {
      const figure = new RegExp(`data-chart="${chart}"[\\s\\S]*?</figure>`).exec(html)![0];
      return Object.fromEntries(
        [...figure.matchAll(/data-label="([^"]+)" data-value="(\d+)"/g)].map((m) => [
          m[1],
          Number(m[2]),
        ]),
      );
    };
    const count = (filter: Record<string, unknown>) => EntryModel.countDocuments(filter);
    expect(bars('status')).toEqual({
      approved: await count({ status: 'approved' }),
      pending: await count({ status: 'pending' }),
    });
    expect(bars('category')).toEqual({
      animals: await count({ category: 'animals' }),
      elderly: await count({ category: 'elderly' }),
    });
    expect(bars('platform')).toEqual({ telegram: 3 });
    expect(html).toContain('<title>approved: 1</title>');
    // Only with a session.
    expect((await fetch(`${base}/panel/dashboard`)).status).toBe(403);
  });
});
