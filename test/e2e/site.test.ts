import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../helpers/browser.js';
import { signInitData, signVkLaunch } from '../../bot/web/init-data.js';
import { MediaCopyModel } from '../../models/media-copy.js';
import { VoteModel } from '../../models/vote.js';
import { Harness, type HarnessOptions } from '../helpers/harness.js';
import { AFTER_VOTING, DURING_SUBMISSIONS, publishedEntries, STORY } from '../helpers/flows.js';
import { DEED_PNG } from '../helpers/telegram-user.js';
import { EntryModel } from '../../models/entry.js';

// The contest's website, served by the bot's HTTP server: the gallery, an entry's page with its
// Open Graph card, the results once public, the media with caching. Fetched as a browser or a
// link-unfurling crawler would, and once in a real browser (Debian's Chromium) at phone width.

const SITE = 'https://dogoodthings.example.kz';

describe('the website', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  const start = async (options: HarnessOptions = {}) => {
    h = await Harness.start({ ...options, env: { SITE_URL: SITE, ...options.env } });
    return `http://127.0.0.1:${h.app.httpPort}`;
  };
  const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers });

  it('shows the published entries as a grid, filtered by category, city and number', async () => {
    const base = await start();
    await publishedEntries(h, ['animals', 'animals', 'elderly']);
    // A voter's vote shows as the live count.
    await h.user({}).press('v:v:2');
    const page = await (await get(`${base}/`, { 'accept-language': 'en-GB,en;q=0.9' })).text();
    expect(page).toContain('<html lang="en">');
    for (const n of [1, 2, 3]) expect(page).toContain(`href="/e/${n}"`);
    expect(page).toContain('alt="Photo of entry #2, Animals"');
    expect(page).toContain('loading="lazy"');
    expect(page).toContain('👍 1 vote');

    const animals = await (await get(`${base}/?category=animals&lang=en`)).text();
    expect(animals).toContain('href="/e/1"');
    expect(animals).not.toContain('href="/e/3"');
    const byNumber = await (await get(`${base}/?q=3&lang=en`)).text();
    expect(byNumber).toContain('href="/e/3"');
    expect(byNumber).not.toContain('href="/e/1"');
    const nowhere = await (await get(`${base}/?city=Atlantis&lang=en`)).text();
    expect(nowhere).toContain('No entries match yet.');
    // Input is shown back escaped, never as markup.
    const hostile = await (
      await get(`${base}/?city=${encodeURIComponent('"><script>x</script>')}`)
    ).text();
    expect(hostile).not.toContain('<script>x</script>');
  });

  it('speaks the visitor’s language: Accept-Language, then the switch, remembered', async () => {
    const base = await start();
    await publishedEntries(h, ['animals']);
    const kk = await (await get(`${base}/`, { 'accept-language': 'kk-KZ,ru;q=0.8' })).text();
    expect(kk).toContain('<html lang="kk">');
    expect(kk).toContain('Барлық номинациялар');
    const switched = await get(`${base}/?lang=ru`, { 'accept-language': 'kk' });
    expect(await switched.text()).toContain('Все номинации');
    const cookie = switched.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^lang=ru;/);
    const again = await (
      await get(`${base}/`, { cookie: 'lang=ru', 'accept-language': 'en' })
    ).text();
    expect(again).toContain('<html lang="ru">');
  });

  it('gives each entry a page with an Open Graph card, share links and links to vote', async () => {
    const base = await start();
    await publishedEntries(h, ['animals']);
    const page = await (await get(`${base}/e/1?lang=en`)).text();
    expect(page).toContain('<title>Entry #1 · Animals</title>');
    expect(page).toContain('<meta property="og:title" content="Entry #1 · Animals">');
    expect(page).toContain(`<meta property="og:image" content="${SITE}/thumb/1/0">`);
    expect(page).toContain(`<meta property="og:url" content="${SITE}/e/1">`);
    expect(page).toMatch(/<meta property="og:description" content="I repaired the roof/);
    expect(page).toContain(`https://t.me/share/url?url=${encodeURIComponent(`${SITE}/e/1`)}`);
    expect(page).toContain('href="https://t.me/dogoodthings_test_bot?start=e1"');
    expect(page).toContain('👍 Vote in Telegram');
    // Hidden by the moderators (or never there): no page, no picture.
    await h.admin('en').send('/hide 1');
    expect((await get(`${base}/e/1`)).status).toBe(404);
    expect((await get(`${base}/e/99`)).status).toBe(404);
    expect((await get(`${base}/media/1/0`)).status).toBe(404);
  });

  it('serves a thumbnail made once, and the original, with ETags and ranges', async () => {
    const base = await start();
    const [author] = await publishedEntries(h, ['animals']);
    const thumb = await get(`${base}/thumb/1/0`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect(thumb.headers.get('cache-control')).toContain('max-age=86400');
    const etag = thumb.headers.get('etag')!;
    expect((await get(`${base}/thumb/1/0`, { 'if-none-match': etag })).status).toBe(304);
    // Kept beside the original: made once.
    expect(
      await MediaCopyModel.collection.countDocuments({ _id: { $regex: ':thumb$' } as never }),
    ).toBe(1);
    const original = await get(`${base}/media/1/0`);
    expect(original.headers.get('content-type')).toBe('image/png');
    const size = (await original.arrayBuffer()).byteLength;
    const part = await get(`${base}/media/1/0`, { range: 'bytes=0-9' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-9/${size}`);
    expect((await part.arrayBuffer()).byteLength).toBe(10);
    // The author's /deleteme takes the thumbnail with the photo.
    await author!.send('/deleteme');
    await author!.tapKey('deleteme-yes');
    expect(await MediaCopyModel.collection.countDocuments({})).toBe(0);
    expect((await get(`${base}/thumb/1/0`)).status).toBe(404);
  });

  it('shows no count before the gala when the campaign hides them, and the results after', async () => {
    const base = await start({
      campaign: (c) => ({ ...c, rules: { ...c.rules, showLiveCounts: false } }),
    });
    await publishedEntries(h, ['animals', 'animals']);
    await h.user({}).press('v:v:2');
    expect(await (await get(`${base}/?lang=en`)).text()).not.toMatch(/👍 \d+ vote/);
    expect(await (await get(`${base}/results?lang=en`)).text()).toContain(
      'The results will be announced at the awards ceremony',
    );
    h.clock.set(AFTER_VOTING);
    await h.app.tick();
    expect(await (await get(`${base}/e/2?lang=en`)).text()).not.toMatch(/👍 \d+ vote/);
    h.clock.set('2026-11-20T19:30:00+05:00');
    const results = await (await get(`${base}/results?lang=en`)).text();
    expect(results).toMatch(/<li value="1"><a href="\/e\/2">#2 — 1 vote<\/a><\/li>/);
    expect(await (await get(`${base}/?lang=en`)).text()).toContain('👍 1 vote');
  });

  it('reads well in a real browser at phone width', async () => {
    const base = await start();
    await publishedEntries(h, ['animals', 'elderly']);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({
        viewport: { width: 360, height: 740 },
        locale: 'ru-RU',
      });
      await page.goto(`${base}/`);
      await page.waitForLoadState('networkidle');
      expect(await page.getAttribute('html', 'lang')).toBe('ru');
      const tiles = page.locator('.tile img');
      expect(await tiles.count()).toBe(2);
      // The pictures arrived, and nothing is wider than the phone.
      // (Expressions run in the page: the test's own types know no DOM.)
      await page.waitForFunction(
        "[...document.querySelectorAll('.tile img')].every((i) => i.naturalWidth > 0)",
      );
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      await screenshot(page, 'site', 'gallery-360');
      // Keyboard: the first tile is reachable and opens its entry.
      await page.locator('.tile a').first().focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/e\/1$/);
      expect(await page.locator('h1').textContent()).toBe('Заявка №1 · Животные');
      await page.waitForFunction("document.querySelector('.entry img')?.naturalWidth > 0");
      await screenshot(page, 'site', 'entry-360');
    } finally {
      await browser.close();
    }
  }, 120_000);

  /** Launch data as Telegram signs it for this person (the harness's bot token). */
  const launch = (userId: number, extra: Record<string, string> = {}, authDate = Date.now()) =>
    signInitData(
      {
        auth_date: String(Math.floor(authDate / 1000)),
        query_id: 'AAH-test',
        user: JSON.stringify({ id: userId, first_name: 'Dana', language_code: 'en' }),
        ...extra,
      },
      '123456:TEST-token-for-the-local-bot-api',
    );

  it('lets a person vote in the Mini App under the chat’s rules, and shows them their votes', async () => {
    const base = await start();
    const [author] = await publishedEntries(h, ['animals', 'animals']);
    const vote = (initData: string, number: unknown) =>
      fetch(`${base}/app/vote`, {
        method: 'POST',
        body: JSON.stringify({ initData, number }),
      }).then(async (r) => ({ status: r.status, ...((await r.json()) as { message: string }) }));

    expect(await vote(launch(555_001), 1)).toEqual({
      status: 200,
      message: 'Your vote for #1 is counted!',
      votes: '👍 1 vote',
    });
    // The same person in the chat: their vote is the one cast in the page.
    const chat = h.user({ id: 555_001, lang: 'en' });
    // Each entry card in the chat opens the entry in the Mini App.
    await chat.send('/start e1');
    const card = chat.messages().at(-1)!;
    expect(card.keyboard?.inline_keyboard.at(-1)).toEqual([
      { text: '🖼 Gallery', web_app: { url: `${SITE}/app/e/1` } },
    ]);
    expect(h.api.calls.find((c) => c.method === 'setChatMenuButton')?.params).toMatchObject({
      menu_button: { type: 'web_app', web_app: { url: `${SITE}/app` } },
    });
    expect((await chat.press('v:v:1')).notice).toBe(chat.tr('vote-already', { number: '1' }));
    expect((await vote(launch(555_001), 2)).message).toBe(
      chat.tr('vote-moved', { from: '1', to: '2' }),
    );
    expect(await VoteModel.countDocuments()).toBe(1);
    // The chat's rules: one's own entry.
    expect((await vote(launch(author!.id), 1)).message).toBe(author!.tr('vote-own-entry'));
    const mine = await fetch(`${base}/app/my-votes`, {
      method: 'POST',
      body: JSON.stringify({ initData: launch(555_001) }),
    });
    expect(await mine.json()).toEqual({ votes: [{ number: 2, label: '#2 · Animals' }] });

    // Forged, stale, or missing launch data: refused, nothing counted.
    const forged = launch(555_002).replace(/hash=[0-9a-f]{4}/, 'hash=0000');
    expect((await vote(forged, 1)).status).toBe(401);
    expect((await vote(launch(555_002, {}, Date.now() - 2 * 86_400_000), 1)).status).toBe(401);
    expect((await vote('', 1)).status).toBe(401);
    expect((await vote(launch(555_002), 'x')).status).toBe(400);
    expect(await VoteModel.countDocuments()).toBe(1);
  });

  it('votes from the Mini App in a real browser, opened at an entry by its link', async () => {
    const base = await start();
    await publishedEntries(h, ['animals', 'animals']);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({
        viewport: { width: 360, height: 740 },
        locale: 'en-US',
      });
      // As Telegram opens a startapp=e2 link: launch data and theme in the fragment.
      const theme = JSON.stringify({
        link_color: '#6ab3f3',
        bg_color: '#17212b',
        text_color: '#f5f5f5',
        button_color: '#5288c1',
      });
      await page.goto(
        `${base}/app#tgWebAppData=${encodeURIComponent(launch(555_003, { start_param: 'e2' }))}&tgWebAppThemeParams=${encodeURIComponent(theme)}`,
      );
      await page.waitForURL(/\/app\/e\/2$/);
      expect(await page.locator('h1').textContent()).toBe('Entry #2 · Animals');
      await page.locator('button.vote').click();
      await page.locator('.answer', { hasText: 'Your vote for #2 is counted!' }).waitFor();
      await page.locator('#my-votes a', { hasText: '#2 · Animals' }).waitFor();
      expect(await page.locator('.entry .votes').textContent()).toBe('👍 1 vote');
      // Telegram's colours.
      expect(await page.evaluate('getComputedStyle(document.body).backgroundColor')).toBe(
        'rgb(23, 33, 43)',
      );
      await screenshot(page, 'site', 'mini-app-360');
      expect(await VoteModel.countDocuments()).toBe(1);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('checks a VK Mini App’s signed launch parameters, and counts its votes with VK’s', async () => {
    const base = await start({
      vk: 'longpoll',
      env: { VK_APP_ID: '51234567', VK_APP_SECRET: 'vk-app-secret-key-for-tests' },
    });
    await publishedEntries(h, ['animals']);
    const params = (userId: number, extra: Record<string, string> = {}) =>
      signVkLaunch(
        {
          vk_app_id: '51234567',
          vk_user_id: String(userId),
          vk_ts: String(Math.floor(Date.now() / 1000)),
          vk_language: 'ru',
          ...extra,
        },
        'vk-app-secret-key-for-tests',
      );
    const vote = (vkParams: string) =>
      fetch(`${base}/app/vote`, {
        method: 'POST',
        body: JSON.stringify({ vkParams, number: 1 }),
      }).then(async (r) => ({ status: r.status, ...((await r.json()) as { message: string }) }));
    expect(await vote(params(600_001))).toEqual({
      status: 200,
      message: 'Ваш голос за №1 учтён!',
      votes: '👍 1 голос',
    });
    // The same VK person in the chat: already counted.
    const chat = h.vkUser({ id: 600_001, lang: 'ru' });
    expect((await chat.press('v:v:1')).notice).toBe(chat.tr('vote-already', { number: '1' }));
    // Another app's parameters, or altered ones: refused.
    expect((await vote(params(600_002, { vk_app_id: '99' }))).status).toBe(401);
    expect(
      (await vote(params(600_002).replace('vk_user_id=600002', 'vk_user_id=600003'))).status,
    ).toBe(401);
  });

  it('takes a deed told in the Mini App through the chat’s rules to the moderators', async () => {
    const base = await start({ now: DURING_SUBMISSIONS });
    const moderator = h.admin('en');
    await moderator.send('/start');
    const tell = async (fields: Record<string, string>, files = 1) => {
      const form = new FormData();
      form.set('initData', launch(555_010));
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      for (let i = 0; i < files; i += 1)
        form.append('files', new Blob([DEED_PNG], { type: 'image/png' }), `deed-${i}.png`);
      const r = await fetch(`${base}/app/submit`, { method: 'POST', body: form });
      return { status: r.status, ...((await r.json()) as { ok: boolean; message: string }) };
    };
    const deed = {
      kind: 'own',
      story: STORY,
      city: 'Almaty',
      category: 'animals',
      consent: 'yes',
    };
    // The chat's own answers when something is wrong, and nothing kept.
    const short = await tell({ ...deed, story: 'Too short' });
    expect(short).toMatchObject({ status: 400, ok: false });
    expect(short.message).toContain('The story is too short');
    expect((await tell({ ...deed, consent: '' })).message).toBe(moderator.tr('web-consent-needed'));
    expect((await tell(deed, 0)).message).toContain(moderator.tr('media-needed'));
    expect(await EntryModel.countDocuments()).toBe(0);

    const sent = await tell(deed, 2);
    expect(sent).toMatchObject({ status: 200, ok: true });
    expect(sent.message).toContain('Thank you! Your entry #1 has been sent to the moderators');
    expect(await EntryModel.findOne().lean()).toMatchObject({
      number: 1,
      status: 'pending',
      city: 'Almaty',
      category: 'animals',
      author: { platform: 'telegram', id: '555010' },
    });
    // The moderators get it as from the chat, the photos uploaded from the kept bytes.
    await h.drain();
    expect(moderator.messages().some((m) => m.text?.includes('📋 Entry #1 (own deed)'))).toBe(true);
    // (The same picture twice is one photo, as in the chat.)
    const uploads = h.api
      .callsTo(moderator.id)
      .filter((c) => c.method === 'sendPhoto' || c.method === 'sendMediaGroup');
    expect(uploads).toHaveLength(1);
    // Launch data that does not check: refused.
    const forged = new FormData();
    forged.set('initData', 'user=%7B%22id%22%3A1%7D&auth_date=1&hash=' + '0'.repeat(64));
    expect((await fetch(`${base}/app/submit`, { method: 'POST', body: forged })).status).toBe(401);
  });

  it('sends a deed from the Mini App’s form in a real browser', async () => {
    const base = await start({ now: DURING_SUBMISSIONS });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({
        viewport: { width: 360, height: 740 },
        locale: 'kk-KZ',
      });
      await page.goto(`${base}/app#tgWebAppData=${encodeURIComponent(launch(555_020))}`);
      await page.locator('a.cta').click();
      await page.waitForURL(/\/app\/submit$/);
      await page.locator('input[name=files]').setInputFiles('test/fixtures/deed.png');
      await page.locator('textarea[name=story]').fill(STORY);
      await page.locator('input[name=city]').fill('Шымкент');
      await page.locator('select[name=category]').selectOption('animals');
      await page.locator('input[name=consent]').check();
      await page.locator('#deed button[type=submit]').click();
      await page.waitForFunction("document.querySelector('.answer').textContent.length > 0");
      // In the person's own language (their Telegram app's, from the launch data), as in the chat.
      expect(await page.locator('.answer').textContent()).toMatch(
        /^Thank you! Your entry #1 has been sent to the moderators/,
      );
      await screenshot(page, 'site', 'mini-app-submit-360');
      expect(await EntryModel.findOne().lean()).toMatchObject({
        city: 'Шымкент',
        status: 'pending',
      });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
