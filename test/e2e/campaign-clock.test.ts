import { afterEach, describe, expect, it } from 'vitest';
import { runDueEvents } from '../../handlers/schedule.js';
import { CampaignEventModel } from '../../models/campaign-event.js';
import { EntryModel } from '../../models/entry.js';
import { outboxFailure, outboxWaiting } from '../../models/outbox.js';
import { UserModel } from '../../models/user.js';
import { Harness } from '../helpers/harness.js';
import { publishedEntries } from '../helpers/flows.js';

const VOTING_OPENS = '2026-11-13T10:00:00+05:00';
import type { TelegramUser } from '../helpers/telegram-user.js';

// The campaign clock: each phase change people should hear about is announced once, in each
// person's language, to those who did not opt out; results are frozen at the close of voting.

describe('the campaign clock and its announcements', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  const received = (user: TelegramUser, text: string) =>
    user.messages().filter((m) => m.text === text).length;

  it('announces each phase once, in each person’s language, and never to those who opted out', async () => {
    h = await Harness.start({ now: '2026-10-05T09:00:00+05:00' });
    const [kk, ru, quiet] = [
      h.user({ lang: 'kk' }),
      h.user({ lang: 'ru' }),
      h.user({ lang: 'en' }),
    ];
    for (const u of [kk, ru, quiet]) await u.send('/start');
    await quiet.send('/notifications');
    await quiet.tapKey('notifications-turn-off');
    expect((await UserModel.findOne({ userId: String(quiet.id) }).lean())?.announcements).toBe(
      false,
    );

    h.clock.set('2026-10-06T10:00:00+05:00');
    // Two processes looking at the clock at the same moment: one announcement each, not two.
    await Promise.all([
      runDueEvents(h.app.deps, 'process-a'),
      runDueEvents(h.app.deps, 'process-b'),
      h.app.tick(),
    ]);
    await h.drain();
    const opened = { close: { date: '2026-11-10' } };
    expect(received(kk, kk.tr('announce-submissions-open', opened))).toBe(1);
    expect(received(ru, ru.tr('announce-submissions-open', opened))).toBe(1);
    expect(received(quiet, quiet.tr('announce-submissions-open', opened))).toBe(0);

    h.clock.set('2026-11-08T10:00:00+05:00');
    await h.app.tick();
    await h.drain();
    expect(received(ru, ru.tr('announce-submissions-closing', opened))).toBe(1);

    h.clock.set(VOTING_OPENS);
    await h.app.tick();
    await h.app.tick();
    await h.drain();
    expect(received(kk, kk.tr('announce-voting-open', { close: { date: '2026-11-19' } }))).toBe(1);
    expect(await CampaignEventModel.countDocuments({ status: 'done' })).toBe(3);
  });

  it('skips an announcement that is more than a day late instead of sending it', async () => {
    h = await Harness.start({ now: '2026-10-01T09:00:00+05:00' });
    const user = h.user({ lang: 'en' });
    await user.send('/start');
    h.clock.set('2026-10-20T10:00:00+05:00');
    await h.app.tick();
    await h.drain();
    expect(await CampaignEventModel.findById('submissions-opened').lean()).toMatchObject({
      status: 'skipped',
    });
    expect(user.messages()).toHaveLength(1);
  });

  it('freezes results at the close of voting, flags a tie to the organisers, then tells everyone', async () => {
    h = await Harness.start();
    const authors = await publishedEntries(h, ['animals', 'animals', 'animals', 'elderly']);
    const moderator = h.admin('en');
    const voters = Array.from({ length: 5 }, () => h.user({ lang: 'en' }));
    // №1 and №2 tie for first place in Animals with 2 votes each; №3 gets 1.
    for (const [i, v] of voters.entries()) await v.press(`v:v:${[1, 1, 2, 2, 3][i]}`);
    await voters[0]!.press('v:v:4');

    const live = await moderator.send('/results');
    expect(live.texts[0]).toContain('Live count');
    const early = await voters[0]!.send('/results');
    expect(early.texts[0]).toBe(
      voters[0]!.tr('results-not-yet', { gala: { date: '2026-11-20' }, time: '19:00' }),
    );

    h.clock.set('2026-11-20T00:00:01+05:00');
    await h.app.tick();
    await h.drain();
    const frozen = moderator.lastText();
    expect(frozen).toContain('One tie for a prize place needs your decision');
    expect(frozen).toContain('Tie for 1st place: #1, #2');
    expect(frozen).toMatch(/1\. #1 — 2 votes\n1\. #2 — 2 votes\n3\. #3 — 1 vote/);

    // A vote after the close changes nothing.
    expect((await voters[4]!.press('v:v:1')).notice).toBe(
      voters[4]!.tr('vote-closed', { close: { date: '2026-11-19' } }),
    );

    h.clock.set('2026-11-20T19:00:00+05:00');
    await h.app.tick();
    await h.drain();
    const everyone = voters[1]!.messages().find((m) => m.text.startsWith('🏆 The results'));
    expect(everyone?.text).toContain('🏷 Animals\n1. #1 — 2 votes\n1. #2 — 2 votes\n3. #3 — 1 vote');
    expect(authors[2]!.lastText()).toBe(
      authors[2]!.tr('result-for-author', {
        number: '3',
        category: 'Animals',
        place: 3,
        of: 3,
        votes: 1,
      }),
    );
    expect((await voters[1]!.send('/results')).texts[0]).toContain('Final results');

    // From the close on, a card shows the frozen figure, even where the live counter fell short
    // (a process died before writing its votes to it): here №1's counter is wiped.
    await EntryModel.updateOne({ number: 1 }, { $set: { voteCount: 0 } });
    await new Promise((r) => setTimeout(r, 1_100)); // the live counters are read once a second
    await voters[3]!.send('/start e1');
    expect(voters[3]!.messages().at(-1)?.text).toContain('👍 2 votes');
  });
});

describe('counts kept hidden until the results are announced', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('shows no count and no result anywhere between the close of voting and the gala', async () => {
    h = await Harness.start({
      campaign: (c) => ({ ...c, rules: { ...c.rules, showLiveCounts: false } }),
    });
    await publishedEntries(h, ['animals', 'animals']);
    const voter = h.user({ lang: 'en' });
    await voter.press('v:v:1');
    const noCount = (text: string | undefined) => expect(text).not.toMatch(/👍 \d+ votes?/);
    noCount(voter.messages().at(-1)?.text);

    // The night after voting closed: results frozen, the gala still hours away.
    h.clock.set('2026-11-20T09:00:00+05:00');
    await h.app.tick();
    await h.drain();
    await voter.send('/start e1');
    noCount(voter.messages().at(-1)?.text);
    expect((await voter.send('/results')).texts[0]).toBe(
      voter.tr('results-not-yet', { gala: { date: '2026-11-20' }, time: '19:00' }),
    );

    // At the gala the counts and the results are public, and they agree.
    h.clock.set('2026-11-20T19:00:00+05:00');
    await h.app.tick();
    await h.drain();
    await voter.send('/start e1');
    expect(voter.messages().at(-1)?.text).toContain('👍 1 vote');
    expect((await voter.send('/results')).texts[0]).toContain('1. #1 — 1 vote');
  });
});

describe('the outbox', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('waits out a 429, retries a passing failure, and stops writing to someone who blocked the bot', async () => {
    h = await Harness.start();
    const [waits, flaky, blocker] = [h.user({}), h.user({}), h.user({})];
    for (const u of [waits, flaky, blocker]) await u.send('/start');
    h.api.failNext({
      method: 'sendMessage',
      chatId: waits.id,
      code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    h.api.failNext({
      method: 'sendMessage',
      chatId: flaky.id,
      code: 502,
      description: 'Bad Gateway',
    });
    h.api.failNext({
      method: 'sendMessage',
      chatId: blocker.id,
      code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });

    h.clock.set('2026-11-08T10:00:00+05:00');
    const started = Date.now();
    await h.app.tick();
    await h.drain();
    await new Promise((r) => setTimeout(r, 1_200));
    await h.drain();
    await new Promise((r) => setTimeout(r, 1_200));
    await h.drain();
    const text = waits.tr('announce-submissions-closing', { close: { date: '2026-11-10' } });
    expect(waits.messages().filter((m) => m.text === text)).toHaveLength(1);
    expect(flaky.messages().filter((m) => m.text === text)).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(await UserModel.findOne({ userId: String(blocker.id) }).lean()).toMatchObject({
      unreachable: true,
    });
    expect(await outboxFailure(`submissions-closing:telegram:${blocker.id}`)).toBe(
      'Forbidden: bot was blocked by the user',
    );
    // The passing failure was no failure in the end: it went on the second try.
    expect(await outboxFailure(`submissions-closing:telegram:${flaky.id}`)).toBeNull();
    const tries = h.api.callsTo(flaky.id).filter((c) => c.params.text === text);
    expect(tries).toHaveLength(2);

    // The next announcement skips the blocked user; writing to the bot again makes them reachable.
    h.clock.set(VOTING_OPENS);
    await h.app.tick();
    await h.drain();
    const votingOpen = waits.tr('announce-voting-open', { close: { date: '2026-11-19' } });
    expect(waits.messages().filter((m) => m.text === votingOpen)).toHaveLength(1);
    expect(h.api.callsTo(blocker.id).filter((c) => c.params.text === votingOpen)).toHaveLength(0);
    await blocker.send('/start');
    expect(await UserModel.findOne({ userId: String(blocker.id) }).lean()).toMatchObject({
      unreachable: false,
    });
  });
});

describe('organisers’ tools', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('shows live stats and exports entries, votes and results as CSV', async () => {
    h = await Harness.start();
    await publishedEntries(h, ['animals', 'elderly']);
    await h.user({}).press('v:v:1');
    const moderator = h.admin('en');
    const stats = await moderator.send('/stats');
    expect(stats.texts[0]).toContain('• published: 2');
    expect(stats.texts[0]).toContain('• Animals: 1');
    expect(stats.texts[0]).toContain('• Telegram: 2');
    expect(stats.texts[0]).toContain('Voters: 1, votes: 1');

    const exported = await moderator.send('/export');
    const docs = exported.calls
      .filter((c) => c.method === 'sendDocument')
      .map((c) => c.params.document as { filename: string; content: string });
    expect(docs.map((d) => d.filename)).toEqual(['entries.csv', 'votes.csv', 'results.csv']);
    expect(docs[0]!.content).toContain('number,status,kind,category');
    expect(docs[0]!.content).toContain(
      ',I repaired the roof of a pensioner next door before the first snow fell.,',
    );
    expect(docs[1]!.content.split('\r\n')[1]).toMatch(/^animals,1,[\w-]+,2026-/);
    expect(docs[2]!.content).toContain('animals,1,1,1,');
    expect((await h.user({}).send('/export')).texts[0]).toContain('/export');
  });

  it('exports a story or city written as a spreadsheet formula as plain text', async () => {
    h = await Harness.start();
    const author = h.user({ lang: 'en' });
    await author.send('/submit');
    await author.photo();
    await author.tapKey('button-media-done');
    await author.send('@SUM(1+1)*cmd|" /C calc"!A0 and a good deed besides');
    await author.send('=HYPERLINK("http://x.example","Karaganda")');
    await author.tap('Animals');
    await author.tapKey('button-consent-own');
    await author.tapKey('button-send');
    const exported = await h.admin('en').send('/export');
    const entries = exported.calls.find((c) => c.method === 'sendDocument')!.params.document as {
      content: string;
    };
    expect(entries.content).toContain(`,"'=HYPERLINK(""http://x.example"",""Karaganda"")",`);
    expect(entries.content).toContain(`,"'@SUM(1+1)*cmd|"" /C calc""!A0 and a good deed besides",`);
    // No cell of the export starts a formula.
    const cells = entries.content.split(/,|\r\n/).map((c) => c.replace(/^"/, ''));
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
  });

  it('broadcasts an organiser’s message once, to the language chosen, after a confirmation', async () => {
    h = await Harness.start();
    const kk = [h.user({ lang: 'kk' }), h.user({ lang: 'kk' })];
    const ru = h.user({ lang: 'ru' });
    for (const u of [...kk, ru]) await u.send('/start');
    const moderator = h.admin('en');
    await moderator.send('/broadcast');
    await moderator.send('Ертең 10:00-де Астанада волонтерлер кездесуі!');
    await moderator.tapKey('broadcast-audience-kk');
    expect(moderator.lastText()).toContain('Send to 2 people');
    const sendButton = moderator.messages().at(-1)?.keyboard?.inline_keyboard[0]?.[0];
    const sendData = sendButton && 'callback_data' in sendButton ? sendButton.callback_data! : '';
    const sent = await moderator.press(sendData, moderator.messages().at(-1)?.messageId);
    // The card says it is being queued (an edit, answering the press); the outbox's "queued" may
    // reach the platform before that edit on a busy machine: the card's place keeps them in order.
    expect(sent.texts).toContain(moderator.tr('broadcast-queuing', { count: 2 }));
    // When everyone is queued, the organiser hears how many.
    expect(moderator.lastText()).toBe(moderator.tr('broadcast-queued', { count: 2 }));
    // Send pressed again (a double tap, an old message): nothing is queued twice.
    const again = await moderator.press(sendData);
    expect(again.notice).toBe(moderator.tr('broadcast-already', { status: 'queued' }));
    for (const u of kk) expect(u.lastText()).toBe('Ертең 10:00-де Астанада волонтерлер кездесуі!');
    expect(ru.messages().some((m) => m.text.includes('Астанада'))).toBe(false);
    // Each of the two got it once, and nothing more is waiting.
    for (const u of kk)
      expect(u.messages().filter((m) => m.text.includes('Астанада'))).toHaveLength(1);
    expect(await outboxWaiting()).toBe(0);
  });
});
