import { afterEach, describe, expect, it } from 'vitest';
import { EntryModel } from '../../models/entry.js';
import { VoteModel } from '../../models/vote.js';
import { UserModel } from '../../models/user.js';
import { BOT_USERNAME } from '../fakes/telegram-api.js';
import { Harness, type HarnessOptions } from '../helpers/harness.js';
import { AFTER_VOTING, DURING_SUBMISSIONS, publishedEntries } from '../helpers/flows.js';

describe('browsing the published entries and voting', () => {
  let h: Harness;
  const start = async (options: HarnessOptions = {}) => {
    h = await Harness.start(options);
    return h;
  };
  afterEach(async () => {
    await h.stop();
  });

  const voteCount = (number: number) =>
    EntryModel.findOne({ number })
      .lean()
      .then((e) => VoteModel.countDocuments({ entryId: e!._id.toHexString() }));

  /** The number on the card the voter sees last. */
  const shownNumber = (voter: { messages(): { text?: string }[] }) =>
    /^#(\d+)/.exec(voter.messages().at(-1)?.text ?? '')?.[1];

  it('pages through a category in place, in the voter’s own order, and wraps around', async () => {
    await start();
    await publishedEntries(h, ['animals', 'animals', 'elderly']);
    const voter = h.user({ lang: 'en' });
    await voter.send('/vote');
    expect(voter.visibleButtons()).toContain('Animals (2)');
    expect(voter.visibleButtons()).toContain('Helping the elderly (1)');

    const first = await voter.tap('Animals (2)');
    expect(first.calls.map((c) => c.method)).toEqual(['sendPhoto']);
    const card = voter.messages().at(-1)!;
    expect(card.text).toMatch(
      /^#[12] · Animals · 1 of 2\n📍 Karaganda\n👍 0 votes\n\nI repaired the roof/,
    );
    expect(card.media).toBeDefined();
    const firstNumber = shownNumber(voter);
    const other = firstNumber === '1' ? '2' : '1';

    const next = await voter.tapKey('button-next');
    expect(next.calls.map((c) => c.method)).toEqual(['editMessageMedia']);
    expect(voter.messages().at(-1)?.text).toMatch(new RegExp(`^#${other} · Animals · 2 of 2`));
    await voter.tapKey('button-next');
    expect(shownNumber(voter)).toBe(firstNumber);
    await voter.tapKey('button-prev');
    expect(shownNumber(voter)).toBe(other);
    // Paging rewrote one message instead of flooding the chat.
    expect(voter.messages().filter((m) => m.media)).toHaveLength(1);
  });

  it('sends a card Telegram refused for the bot’s rate limit a moment later, in order', async () => {
    await start();
    await publishedEntries(h, ['animals']);
    const voter = h.user({ lang: 'en' });
    await voter.send('/vote');
    // A broadcast is taking the bot's whole rate: the card meets a 429.
    h.api.failNext({
      method: 'sendPhoto',
      chatId: voter.id,
      code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    const tapped = await voter.tap('Animals (1)');
    await h.drain();
    // Not lost: the refused card went by the outbox, which sent it once.
    expect(tapped.calls.map((c) => c.method)).toEqual(['sendPhoto', 'sendPhoto']);
    const cards = voter.messages().filter((m) => m.media);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.text).toMatch(/^#1 · Animals · 1 of 1\n/);
    await voter.tapKey('vote-button');
    expect(await voteCount(1)).toBe(1);
  });

  it('opens a category again where the voter stopped: entries not yet seen come first', async () => {
    await start();
    await publishedEntries(h, ['animals', 'animals', 'animals']);
    const voter = h.user({ lang: 'en' });
    await voter.send('/vote');
    await voter.tap('Animals (3)');
    const seen = [shownNumber(voter)];
    await voter.tapKey('button-next');
    seen.push(shownNumber(voter));
    await voter.tapKey('button-categories');
    await voter.tap('Animals (3)');
    // The third entry, the one not seen yet, and its place in the voter's order.
    const third = shownNumber(voter);
    expect(seen).not.toContain(third);
    expect(voter.messages().at(-1)?.text).toMatch(/· 3 of 3\n/);
    // Once all are seen, the category opens at the start of the voter's order again.
    await voter.tapKey('button-categories');
    await voter.tap('Animals (3)');
    expect(shownNumber(voter)).toBe(seen[0]);
  });

  it('shows different voters a category in different orders, each the same every time', async () => {
    await start();
    await publishedEntries(
      h,
      Array.from({ length: 6 }, () => 'animals'),
    );
    const orders = new Set<string>();
    for (let i = 0; i < 6; i += 1) {
      const voter = h.user({ lang: 'en' });
      await voter.send('/vote');
      await voter.tap('Animals (6)');
      const order = [shownNumber(voter)];
      for (let page = 0; page < 6; page += 1) {
        await voter.tapKey('button-next');
        order.push(shownNumber(voter));
      }
      // Every entry once, then back to the first: one stable order per voter.
      expect(new Set(order.slice(0, 6)).size).toBe(6);
      expect(order[6]).toBe(order[0]);
      orders.add(order.slice(0, 6).join(','));
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('counts one vote per person per category, and moves it when asked', async () => {
    await start();
    await publishedEntries(h, ['animals', 'animals', 'elderly']);
    const voter = h.user({ lang: 'en' });
    await voter.send('/vote');
    await voter.tap('Animals (2)');
    const mine = shownNumber(voter)!;
    const other = mine === '1' ? '2' : '1';
    const voted = await voter.tapKey('vote-button');
    expect(voted.notice).toBe(voter.tr('vote-counted', { number: mine }));
    // The same picture stays: only the caption (the count) and the buttons are rewritten.
    expect(voted.calls.map((c) => c.method)).toEqual(['editMessageCaption']);
    expect(voter.messages().at(-1)?.text).toContain('👍 1 vote');
    expect(voter.visibleButtons()).toContain('✅ Your vote');

    const again = await voter.tapKey('vote-button-mine');
    expect(again.notice).toBe(voter.tr('vote-already', { number: mine }));

    await voter.tapKey('button-next');
    const moved = await voter.tapKey('vote-button');
    expect(moved.notice).toBe(voter.tr('vote-moved', { from: mine, to: other }));
    expect(moved.texts).toContain(voter.tr('vote-moved', { from: mine, to: other }));
    expect(await voteCount(Number(mine))).toBe(0);
    expect(await voteCount(Number(other))).toBe(1);

    // A vote in another category is a vote of its own.
    await voter.tapKey('button-categories');
    await voter.tap('Helping the elderly (1)');
    await voter.tapKey('vote-button');
    expect(await VoteModel.countDocuments()).toBe(2);
  });

  it('answers the Vote button outside the voting window with the dates', async () => {
    await start();
    await publishedEntries(h, ['animals']);
    const voter = h.user({ lang: 'ru' });
    await voter.send('/vote');
    await voter.tap('Животные (1)');
    h.clock.set(AFTER_VOTING);
    const late = await voter.tapKey('vote-button');
    expect(late.alert).toBe(true);
    expect(late.notice).toBe(voter.tr('vote-closed', { close: { date: '2026-11-19' } }));
    expect(late.notice).toContain('19 ноября');
    h.clock.set(DURING_SUBMISSIONS);
    const early = await voter.press('v:v:1');
    expect(early.notice).toBe(
      voter.tr('vote-not-open', {
        publication: { date: '2026-11-13' },
        close: { date: '2026-11-19' },
      }),
    );
    expect((await voter.send('/vote')).texts[0]).toBe(
      voter.tr('voting-not-yet', { publication: { date: '2026-11-13' } }),
    );
    expect(await VoteModel.countDocuments()).toBe(0);
  });

  it('refuses a vote for one’s own entry unless the campaign allows it', async () => {
    await start();
    const [author] = await publishedEntries(h, ['animals']);
    const refused = await author!.press('v:v:1');
    expect(refused.notice).toBe(author!.tr('vote-own-entry'));
    expect(await VoteModel.countDocuments()).toBe(0);
    await h.stop();

    await start({ campaign: (c) => ({ ...c, rules: { ...c.rules, allowSelfVote: true } }) });
    const [selfVoter] = await publishedEntries(h, ['animals']);
    const allowed = await selfVoter!.press('v:v:1');
    expect(allowed.notice).toBe(selfVoter!.tr('vote-counted', { number: '1' }));
  });

  it('stops counting votes for an entry the moderators hid, and counts them again when restored', async () => {
    await start();
    const [author] = await publishedEntries(h, ['animals', 'animals']);
    const voters = [h.user({}), h.user({})];
    for (const v of voters) await v.press('v:v:1');
    const moderator = h.admin('en');

    const hidden = await moderator.send('/hide 1');
    expect(hidden.texts[0]).toContain('hidden by moderators');
    expect(author!.lastText()).toBe(author!.tr('entry-hidden', { number: '1' }));
    // Hidden: gone from the list, its button refuses, its votes are out of the category's count.
    const browse = h.user({});
    await browse.send('/vote');
    expect(browse.visibleButtons()).toContain('Animals (1)');
    expect((await browse.press('v:v:1')).notice).toBe(browse.tr('vote-entry-unavailable'));
    const afterHide = await EntryModel.findOne({ number: 1 }).lean();
    expect(afterHide?.status).toBe('hidden');
    // The voters of the hidden entry may vote for another one.
    expect((await voters[0]!.press('v:v:2')).notice).toBe(
      voters[0]!.tr('vote-moved', { from: '1', to: '2' }),
    );

    await moderator.send('/restore 1');
    expect((await EntryModel.findOne({ number: 1 }).lean())?.status).toBe('published');
    expect(await voteCount(1)).toBe(1);
  });

  it('counts a Vote button passed on to someone else for the one who pressed it, in their language', async () => {
    await start();
    await publishedEntries(h, ['animals']);
    const aigerim = h.user({ lang: 'kk' });
    await aigerim.send('/start e1');
    const button = aigerim
      .messages()
      .at(-1)!
      .keyboard!.inline_keyboard.flat()
      .find((b) => b.text === aigerim.tr('vote-button'));
    const data = button && 'callback_data' in button ? button.callback_data! : '';
    // The card's Vote button is signed for Aigerim: her language and when she first wrote.
    expect(data).toMatch(/^v:v:1:kk[0-9a-z]+\.[\w-]{12}$/);

    // Ben presses a copy of it (a forwarded card, a modified client): it is his vote, in English.
    const ben = h.user({ lang: 'en' });
    const pressed = await ben.press(data);
    expect(pressed.notice).toBe(ben.tr('vote-counted', { number: '1' }));
    const [vote] = await VoteModel.find({}).lean();
    const benSince = (await UserModel.findById(`telegram:${ben.id}`).lean())!.createdAt;
    expect(vote!.voterSince.getTime()).toBe(benSince.getTime());
    // Aigerim's own press on it is hers, with no lookup, and still one vote each.
    expect((await aigerim.press(data)).notice).toBe(aigerim.tr('vote-counted', { number: '1' }));
    expect(await voteCount(1)).toBe(2);
    // A token with a forged signature is not trusted either.
    const forged = data.replace(/.{12}$/, 'AAAAAAAAAAAA');
    expect((await ben.press(forged)).notice).toBe(ben.tr('vote-already', { number: '1' }));
  });

  it('opens a shared link for someone who never pressed /start, and lets them vote', async () => {
    await start();
    const [author] = await publishedEntries(h, ['animals']);
    const link = `https://t.me/${BOT_USERNAME}?start=e1`;
    expect(author!.messages().map((m) => m.text)).toContain(
      author!.tr('entry-published', { number: '1', link }),
    );
    const share = author!.tr('share-post', { number: '1', category: 'Animals', link });
    expect(share).toContain('#DoGoodThings');
    expect(author!.messages().map((m) => m.text)).toContain(share);

    const newcomer = h.user({ lang: 'kk' });
    const opened = await newcomer.send('/start e1');
    expect(opened.texts[0]).toBe(
      newcomer.tr('link-welcome', { campaign: { names: h.campaign.name } }),
    );
    expect(newcomer.messages().at(-1)?.text).toMatch(/^№1 · Жануарлар/);
    const voted = await newcomer.tapKey('vote-button');
    expect(voted.notice).toBe(newcomer.tr('vote-counted', { number: '1' }));
    expect((await newcomer.send('/start e999')).texts[0]).toBe(
      newcomer.tr('link-entry-unavailable'),
    );
  });

  it('sends a report to the moderators, who hide the entry from the complaint', async () => {
    await start();
    const [author] = await publishedEntries(h, ['animals']);
    const reporter = h.user({ lang: 'en' });
    await reporter.send('/start e1');
    await reporter.tapKey('button-report');
    const reported = await reporter.tapKey('report-reason-3');
    expect(reported.notice).toBe(reporter.tr('report-thanks'));
    expect((await reporter.press('v:rr:1:3')).notice).toBe(reporter.tr('report-already'));

    const moderator = h.admin('en');
    expect(moderator.lastText()).toContain(
      'Complaint about entry #1 (Animals): It uses my photo or story without consent',
    );
    const hid = await moderator.tapKey('mod-hide');
    expect(hid.notice).toBe(moderator.tr('mod-hidden', { number: '1' }));
    expect((await EntryModel.findOne({ number: 1 }).lean())?.status).toBe('hidden');
    expect(author!.lastText()).toBe(author!.tr('entry-hidden', { number: '1' }));
    await moderator.tapKey('mod-show');
    expect((await EntryModel.findOne({ number: 1 }).lean())?.status).toBe('published');
  });

  it('asks voters to join the channel first when the campaign requires it', async () => {
    await start({ env: { TELEGRAM_VOTE_CHANNEL: '@dogoodthings_kz' } });
    await publishedEntries(h, ['animals']);
    const voter = h.user({ lang: 'en' });
    const refused = await voter.press('v:v:1');
    expect(refused.alert).toBe(true);
    expect(refused.notice).toBe(voter.tr('vote-join-channel', { channel: '@dogoodthings_kz' }));
    expect(await VoteModel.countDocuments()).toBe(0);

    h.api.channelMembers.set('@dogoodthings_kz', new Set([voter.id]));
    expect((await voter.press('v:v:1')).notice).toBe(voter.tr('vote-counted', { number: '1' }));
  });

  it('keeps a person who deleted their data from voting twice in a category', async () => {
    await start();
    await publishedEntries(h, ['animals', 'animals']);
    const voter = h.user({ lang: 'en' });
    await voter.press('v:v:1');
    expect((await voter.send('/mydata')).texts[0]).toContain(voter.tr('mydata-votes-note'));
    await voter.send('/deleteme');
    await voter.tapKey('deleteme-yes');
    const back = await voter.press('v:v:1');
    expect(back.notice).toBe(voter.tr('vote-already', { number: '1' }));
    await voter.press('v:v:2');
    expect(await VoteModel.countDocuments()).toBe(1);
    const vote = await VoteModel.findOne().lean();
    expect(JSON.stringify(vote)).not.toContain(String(voter.id));
  });

  it('answers a burst of presses with "slow down" instead of work', async () => {
    await start({ env: { BUTTON_PRESSES_PER_10S: '8' } });
    await publishedEntries(h, ['animals', 'animals']);
    const voter = h.user({ lang: 'en' });
    const notices: string[] = [];
    for (let i = 0; i < 12; i += 1) notices.push((await voter.press('v:nx:1')).notice ?? '');
    expect(notices.filter((n) => n === voter.tr('slow-down')).length).toBeGreaterThan(0);
    expect(notices.slice(0, 8).every((n) => n !== voter.tr('slow-down'))).toBe(true);
  });

  it('shows moderators how an entry’s votes came in', async () => {
    await start();
    await publishedEntries(h, ['animals']);
    for (let i = 0; i < 11; i += 1) await h.user({}).press('v:v:1');
    const seen = await h.admin('en').send('/signals 1');
    expect(seen.texts[0]).toBe(
      h.admin('en').tr('mod-signals', { number: '1', total: 11, newAccounts: 11, inBursts: 2 }),
    );
    expect((await h.user({}).send('/signals 1')).texts[0]).toContain('/signals');
  });
});

describe('publication', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('publishes approved entries on the publication day, posts them to the channel, and later ones at once', async () => {
    h = await Harness.start({ env: { TELEGRAM_CHANNEL_ID: '@dgt_channel' } });
    const author = h.user({ lang: 'en' });
    const moderator = h.admin('en');
    await moderator.send('/start');
    const { submitOwnEntry } = await import('../helpers/flows.js');
    await submitOwnEntry(author);
    await moderator.tapKey('mod-approve');
    await h.app.tick();
    expect((await EntryModel.findOne({ number: 1 }).lean())?.status).toBe('approved');

    h.clock.set('2026-11-13T00:00:00+05:00');
    await h.app.tick();
    await h.app.tick();
    await h.drain();
    expect((await EntryModel.findOne({ number: 1 }).lean())?.status).toBe('published');
    const posts = h.api.calls.filter((c) => c.params.chat_id === '@dgt_channel');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.method).toBe('sendPhoto');
    expect(String(posts[0]?.params.caption)).toContain('#DoGoodThings');
    expect(JSON.stringify(posts[0]?.params.reply_markup)).toContain(
      `https://t.me/${BOT_USERNAME}?start=e1`,
    );
    expect(
      author.messages().filter((m) => m.text.startsWith('🎉 Your entry #1 is published')),
    ).toHaveLength(1);

    // Approved during voting: public at once, without waiting for the timer.
    h.clock.set('2026-11-14T10:00:00+05:00');
    const late = h.user({ lang: 'en' });
    // Entries close on Nov 10, so this one was written in time and moderated late.
    h.clock.set('2026-11-10T10:00:00+05:00');
    await submitOwnEntry(late);
    h.clock.set('2026-11-14T10:00:00+05:00');
    await moderator.tapKey('mod-approve');
    expect((await EntryModel.findOne({ number: 2 }).lean())?.status).toBe('published');
    expect(late.lastText()).toContain('#DoGoodThings');
  });
});
