import { afterEach, describe, expect, it } from 'vitest';
import { EntryModel } from '../../models/entry.js';
import { AuditModel } from '../../models/voids.js';
import { VoteModel } from '../../models/vote.js';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import {
  AFTER_VOTING,
  DURING_SUBMISSIONS,
  DURING_VOTING,
  publishedEntries,
  submitOwnEntry,
} from '../helpers/flows.js';
import { ADMIN_ID, Harness, SECOND_ADMIN_ID } from '../helpers/harness.js';
import { panelLink, panelSession } from '../helpers/panel.js';

// The organisers' room beyond the queue: roles, a decision in the moderator's own words and a
// change of category, complaints, the vote analysis with voids and their undoing, the figures
// drawn, the campaign's timeline, the exports as downloads and the printable results.

/** The value each bar of a chart on a page is drawn for, by its key. */
function bars(html: string, chart: string): Record<string, number> {
  const figure = new RegExp(`data-chart="${chart}"[\\s\\S]*?</figure>`).exec(html)?.[0] ?? '';
  return Object.fromEntries(
    [...figure.matchAll(/<g data-label="([^"]+)" data-value="(\d+)"/g)].map((m) => [
      m[1],
      Number(m[2]),
    ]),
  );
}

const voidedVotes = async () => (await VoteModel.find().lean()).filter((v) => v.voided).length;

const outcomesOf = (html: string) =>
  [
    ...(/class="outcomes"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '').matchAll(/<li>([^<]*)<\/li>/g),
  ].map((m) => m[1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"'));

// Each test drives the real bot through many updates: on a busy two-core machine they take long.
describe('the organisers’ room', { timeout: 120_000 }, () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });
  const base = () => `http://127.0.0.1:${h.app.httpPort}`;

  it('gives organisers everything and moderators the moderation, in the panel and the chat', async () => {
    h = await Harness.start({
      now: DURING_SUBMISSIONS,
      env: { TELEGRAM_ORGANISER_IDS: String(ADMIN_ID) },
    });
    await publishedEntries(h, ['animals', 'animals', 'elderly']);
    const voter = h.user({ lang: 'en' });
    await voter.send('/start');
    await voter.press('v:v:2');
    const organiser = await panelSession(h.admin('en'), base());
    const moderatorUser = h.admin('ru', SECOND_ADMIN_ID);
    await moderatorUser.send('/start');
    const moderator = await panelSession(moderatorUser, base());

    // The menu: the organiser's has the vote analysis and the exports; the moderator's has not.
    const organiserQueue = await organiser.html('/panel');
    expect(organiserQueue).toContain('href="/panel/fraud"');
    expect(organiserQueue).toContain('href="/panel/exports"');
    expect(organiserQueue).toContain('Signed in as Moderator Ann (organiser)');
    const moderatorQueue = await moderator.html('/panel');
    expect(moderatorQueue).not.toContain('href="/panel/fraud"');
    expect(moderatorQueue).toContain('Вы вошли как Moderator Bek (модератор)');
    for (const path of [
      '/panel/fraud',
      '/panel/exports',
      '/panel/export/votes.csv',
      '/panel/broadcast',
    ]) {
      const r = await moderator.get(path);
      expect(r.status).toBe(403);
      expect(await r.text()).toBe('Эта страница — для организаторов конкурса.');
    }
    // The results' embargo: the organiser sees the leaders, the moderator the date they come.
    const organiserFigures = await organiser.html('/panel/dashboard');
    expect(bars(organiserFigures, 'top')).toEqual({ '1': 0, '2': 1, '3': 0 });
    const moderatorFigures = await moderator.html('/panel/dashboard');
    expect(moderatorFigures).not.toContain('data-chart="top"');
    expect(moderatorFigures).toContain('Лидеры появятся здесь, когда будут объявлены итоги');
    expect(await moderator.html('/panel/results')).not.toContain('<table class="results">');
    expect(await organiser.html('/panel/results')).toContain('<tr class="prize" data-number="2">');

    // The chat keeps the same line: exports and broadcasts are the organisers'.
    expect((await moderatorUser.send('/export')).texts[0]).toBe(
      moderatorUser.tr('unknown-command', { command: '/export' }),
    );
    expect((await moderatorUser.send('/broadcast')).texts[0]).toBe(
      moderatorUser.tr('unknown-command', { command: '/broadcast' }),
    );
    expect((await moderatorUser.send('/results')).texts[0]).toContain(
      moderatorUser.tr('results-not-yet', {
        gala: { date: h.campaign.dates.gala },
        time: h.campaign.schedule.galaTime,
      }),
    );

    // The organiser's download is the chat's /export file, byte for byte.
    const file = await organiser.get('/panel/export/entries.csv');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="entries.csv"');
    const inChat = await h.admin('en').send('/export entries');
    const sent = inChat.calls.find((c) => c.method === 'sendDocument')!;
    // (read as bytes: text() would drop the byte-order mark that tells a spreadsheet it is UTF-8)
    expect(Buffer.from(await file.arrayBuffer()).toString('utf8')).toBe(
      (sent.params.document as { content: string }).content,
    );
  });

  it('sends an organiser’s announcement to the audience chosen, once, after showing the count', async () => {
    h = await Harness.start({ now: DURING_SUBMISSIONS });
    const people = [h.user({ lang: 'kk' }), h.user({ lang: 'kk' }), h.user({ lang: 'ru' })];
    for (const person of people) await person.send('/start');
    const organiser = h.admin('en');
    await organiser.send('/start');
    const panel = await panelSession(organiser, base());
    const text = 'Гала-концерт 20 қарашада!';
    const preview = await (
      await panel.post('/panel/broadcast/preview', [
        ['text', text],
        ['audience', 'kk'],
      ])
    ).text();
    expect(preview).toContain(
      organiser
        .tr('broadcast-confirm', {
          count: 2,
          audience: { key: 'broadcast-audience-kk' },
          text,
        })
        .replace(/'/g, '&#39;'),
    );
    const send = /name="press" value="(bc:go:[^"]+)"/.exec(preview)![1]!;
    const sent = await panel.post('/panel/broadcast/send', [['press', send]]);
    expect(outcomesOf(await sent.text())).toEqual([
      organiser.tr('broadcast-queuing', { count: 2 }),
    ]);
    // Pressed again (a second tab): nothing twice.
    const again = await panel.post('/panel/broadcast/send', [['press', send]]);
    expect(outcomesOf(await again.text())[0]).toContain('already');
    await h.drain();
    for (const person of people.slice(0, 2))
      expect(person.messages().filter((m) => m.text === text)).toHaveLength(1);
    expect(people[2]!.messages().map((m) => m.text)).not.toContain(text);
    // Too long: the chat's answer, nothing drafted to send.
    const tooLong = await panel.post('/panel/broadcast/preview', [['text', 'x'.repeat(4001)]]);
    expect(outcomesOf(await tooLong.text())).toEqual([
      organiser.tr('broadcast-length', { max: 4000 }),
    ]);
  });

  it('rejects in the moderator’s own words, moves a category, and shows the outcome once', async () => {
    h = await Harness.start({ now: DURING_SUBMISSIONS });
    const moderator = h.admin('en');
    await moderator.send('/start');
    const authors = [h.user({ lang: 'ru' }), h.user({ lang: 'kk' })];
    for (const author of authors) await submitOwnEntry(author, 'animals');
    await h.drain();
    const panel = await panelSession(moderator, base());
    const [first, second] = (await EntryModel.find().sort({ number: 1 }).lean()).map((e) =>
      e._id.toHexString(),
    );
    const rejected = await panel.post('/panel/decide', [
      ['action', `reject:${first}`],
      [`reason-${first}`, '2'],
      [`text-${first}`, 'The photo shows a car advert, not a deed.'],
    ]);
    // Post, redirect, get: the page it lands on says what happened.
    expect(rejected.redirected).toBe(true);
    expect(outcomesOf(await rejected.text())).toEqual(['#1: Rejected']);
    // Shown once: reloading does not show it (or do it) again.
    expect(outcomesOf(await panel.html('/panel'))).toEqual([]);
    const moved = await panel.post('/panel/decide', [
      ['action', `category:${second}`],
      [`category-${second}`, 'elderly'],
    ]);
    expect(outcomesOf(await moved.text())).toEqual(['#2: Moved to Helping the elderly']);
    // A selection moved at once.
    const third = h.user({ lang: 'en' });
    await submitOwnEntry(third, 'animals');
    const ids = (await EntryModel.find({ status: 'pending' }).lean()).map((e) =>
      e._id.toHexString(),
    );
    const bulk = await panel.post('/panel/decide', [
      ['action', 'category'],
      ['category', 'children'],
      ...ids.map((id): [string, string] => ['id', id]),
    ]);
    expect(outcomesOf(await bulk.text())).toEqual([
      '#2: Moved to Children and families',
      '#3: Moved to Children and families',
    ]);
    expect((await EntryModel.findById(first).lean())?.decision?.reason).toEqual({
      text: 'The photo shows a car advert, not a deed.',
    });
    expect((await EntryModel.findById(second).lean())?.category).toBe('children');
    await h.drain();
    // Each author hears it in their language, as from the chat.
    expect(authors[0]!.messages().map((m) => m.text)).toContainEqual(
      authors[0]!.tr('entry-rejected', {
        number: '1',
        reason: 'The photo shows a car advert, not a deed.',
      }),
    );
    expect(authors[1]!.messages().map((m) => m.text)).toContainEqual(
      authors[1]!.tr('entry-category-changed', {
        number: '2',
        category: { names: h.campaign.categories.find((c) => c.id === 'elderly')!.name },
      }),
    );
    // Nothing was asked in the chat and left hanging: the moderator's next message is theirs.
    expect((await moderator.send('hello')).texts[0]).not.toContain('reason');
  });

  it('lists complaints and hides and restores the entry, telling its author', async () => {
    h = await Harness.start({ now: DURING_SUBMISSIONS });
    const [author] = await publishedEntries(h, ['animals', 'elderly']);
    for (const reason of [1, 1, 3]) {
      const person = h.user({ lang: 'en' });
      await person.send('/start');
      await person.press(`v:rr:1:${reason}`);
    }
    const moderator = h.admin('en');
    const panel = await panelSession(moderator, base());
    const page = await panel.html('/panel/complaints');
    expect(page).toContain('Complaints: 3');
    expect(page).toContain(`${moderator.tr('report-reason-1')}: 2`);
    expect(page).toContain(`${moderator.tr('report-reason-3')}: 1`);
    const id = (await EntryModel.findOne({ number: 1 }).lean())!._id.toHexString();
    const hidden = await panel.post('/panel/visibility', [
      ['id', id],
      ['action', 'hide'],
    ]);
    expect(outcomesOf(await hidden.text())).toEqual([moderator.tr('mod-hidden', { number: '1' })]);
    expect((await EntryModel.findById(id).lean())?.status).toBe('hidden');
    await panel.post('/panel/visibility', [
      ['id', id],
      ['action', 'show'],
    ]);
    expect((await EntryModel.findById(id).lean())?.status).toBe('published');
    await h.drain();
    const told = author!.messages().map((m) => m.text);
    expect(told).toContain(author!.tr('entry-hidden', { number: '1' }));
    expect(told).toContain(author!.tr('entry-restored', { number: '1' }));
  });

  it('shows the vote analysis, voids a cluster with a reason, undoes it, and keeps the audit log', async () => {
    h = await Harness.start({ now: DURING_SUBMISSIONS });
    await publishedEntries(h, ['animals', 'animals']);
    // A farm: twelve consecutive accounts arrive by #2's link and vote for it within a minute.
    const farmStart = Date.parse('2026-11-16T03:10:00+05:00');
    for (let i = 0; i < 12; i += 1) {
      const bot = h.user({ id: 5_550_000_000 + i, lang: 'en' });
      h.clock.set(new Date(farmStart + i * 1_000).toISOString());
      await bot.send('/start e2');
      await bot.press('v:v:2');
    }
    h.clock.set('2026-11-17T12:00:00+05:00');
    const panel = await panelSession(h.admin('en'), base());
    // The analysis that ran by itself when voting opened found nothing yet; run one now.
    expect(await panel.html('/panel/fraud')).not.toContain('data-cluster=');
    const analysed = await (await panel.post('/panel/analyse', [])).text();
    const code = /data-cluster="(\d+-\d+)"/.exec(analysed)?.[1];
    expect(code).toBeDefined();
    expect(analysed).toMatch(/#2 · Animals: fraud index 100 — 12 of 12 votes in clusters/);
    // A reason is required.
    const refused = await panel.post('/panel/void', [
      ['code', code!],
      ['reason', 'x'],
    ]);
    expect(outcomesOf(await refused.text())[0]).toContain('at least 3 characters');
    expect(await voidedVotes()).toBe(0);
    const voided = await (
      await panel.post('/panel/void', [
        ['code', code!],
        ['reason', 'A farm of new accounts'],
      ])
    ).text();
    expect(outcomesOf(voided)[0]).toMatch(/^🚫 Void 1: 12 votes/);
    expect(await voidedVotes()).toBe(12);
    expect(voided).toMatch(
      /Void 1, [\d-]+ [\d:]+, by [^:]+: cluster \d+-\d+, 12 votes\. Reason: A farm of new accounts/,
    );
    const undone = await (
      await panel.post('/panel/unvoid', [
        ['void', '1'],
        ['reason', 'Checked: they are a school class'],
      ])
    ).text();
    expect(outcomesOf(undone)[0]).toMatch(/^↩️ Void 1 undone/);
    expect(await voidedVotes()).toBe(0);
    expect(await AuditModel.countDocuments()).toBe(2);
    // The audit log as the chat's /audit file.
    const audit = await (await panel.get('/panel/export/audit.csv')).text();
    expect(audit.trim().split('\r\n')).toHaveLength(3);
    expect(audit).toContain('Checked: they are a school class');
  });

  it('draws the contest over time and shows the timeline of announcements', async () => {
    h = await Harness.start({ now: DURING_SUBMISSIONS });
    const moderator = h.admin('en');
    await moderator.send('/start');
    for (const category of ['animals', 'elderly']) {
      await submitOwnEntry(h.user({ lang: 'en' }), category);
      await moderator.tapKey('mod-approve');
    }
    // The moment voting opens (its announcement goes out then).
    h.clock.set('2026-11-13T10:00:30+05:00');
    await h.app.tick();
    await h.drain();
    const voters = [
      h.user({ lang: 'kk' }),
      h.user({ lang: 'kk' }),
      h.user({ lang: 'ru' }),
      h.user({ lang: 'en' }),
    ];
    for (const v of voters) {
      await v.send('/start');
      await v.press('v:v:1');
    }
    await voters[3]!.press('nt:off');
    const panel = await panelSession(h.admin('en'), base());
    const html = await panel.html('/panel/dashboard');
    // Voters by platform and language, with each language's part.
    expect(bars(html, 'voters')).toEqual({ telegram: 4 });
    const parts = Object.fromEntries(
      [
        .../data-chart="voters"[\s\S]*?<\/figure>/
          .exec(html)![0]
          .matchAll(/data-part="(\w+)" data-value="(\d+)"/g),
      ].map((m) => [m[1], Number(m[2])]),
    );
    expect(parts).toEqual({ en: 1, kk: 2, ru: 1 });
    // Votes an hour: four in the hour they were cast, in the campaign's time zone.
    expect(Object.values(bars(html, 'votes-hour'))).toEqual([4]);
    expect(html).toContain('2026-11-13 10:00');
    // Entries a day by platform: both sent on the day of submissions (the tests' clock).
    expect(bars(html, 'day-platform')).toEqual({ '2026-10-20': 2 });
    expect(bars(html, 'opt-outs')).toEqual({ optedOut: 1, unreachable: 0 });
    // Voting is open: the page refreshes itself.
    expect(html).toContain('<meta http-equiv="refresh" content="60">');

    const timeline = await panel.html('/panel/timeline');
    expect(timeline).toContain('Times are in Asia/Almaty.');
    expect(timeline).toMatch(
      /data-event="voting-opened" data-state="done"><td>2026-11-13 10:00<\/td>/,
    );
    expect(timeline).toMatch(/data-event="results-announced" data-state="upcoming"/);
    // The announcement went out when the clock reached it (in Almaty time); the reminder before
    // it was more than a day late when the bot first looked, so it was skipped, not sent late.
    expect(timeline).toContain('✅ went out 2026-11-13 10:00');
    expect(timeline).toMatch(/data-event="submissions-closing" data-state="skipped"/);
  });

  it('is worked in a real browser: keys in the queue, every page drawn, the results printed', async () => {
    h = await Harness.start({ now: DURING_SUBMISSIONS });
    const moderator = h.admin('en');
    await moderator.send('/start');
    for (let i = 0; i < 3; i += 1) await submitOwnEntry(h.user({ lang: 'en' }), 'animals');
    await h.drain();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(await panelLink(moderator, base()));
      await page.waitForURL(/\/panel$/);
      await screenshot(page, 'panel-room', 'queue');
      // j to the first entry, a to approve it; j j to the third, r to reject it.
      await page.keyboard.press('j');
      await page.keyboard.press('a');
      await page.locator('.outcomes li', { hasText: '#1: Approved' }).waitFor();
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('r');
      await page.locator('.outcomes li', { hasText: '#3: Rejected' }).waitFor();
      expect(await EntryModel.countDocuments({ status: 'pending' })).toBe(1);
      h.clock.set(DURING_VOTING);
      await h.app.tick();
      for (const [path, name, drawn] of [
        ['/panel/dashboard', 'dashboard', 'figure[data-chart=status] g[data-label=published]'],
        ['/panel/timeline', 'timeline', 'tr[data-event=voting-opened]'],
        ['/panel/fraud', 'fraud', 'form[action="/panel/analyse"]'],
        ['/panel/exports', 'exports', 'a[href="/panel/export/votes.csv"]'],
      ] as const) {
        await page.locator(`nav.panel-nav a[href="${path}"]`).click();
        await page.waitForURL(new RegExp(`${path}$`));
        await page.locator(drawn).first().waitFor({ state: 'attached' });
        await screenshot(page, 'panel-room', name);
      }
      h.clock.set(AFTER_VOTING);
      await h.app.tick();
      await page.goto(`${base()}/panel/results`);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('nav.panel-nav').isVisible()).toBe(false);
      expect(await page.locator('table.results tr.prize').count()).toBe(1);
      await screenshot(page, 'panel-room', 'results-print');
    } finally {
      await browser.close();
    }
  }, 120_000);
});
