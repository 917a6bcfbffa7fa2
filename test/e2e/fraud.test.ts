import { afterEach, describe, expect, it } from 'vitest';
import { AuditModel } from '../../models/voids.js';
import { VoteModel } from '../../models/vote.js';
import { Harness, SECOND_ADMIN_ID } from '../helpers/harness.js';
import { AFTER_VOTING, publishedEntries } from '../helpers/flows.js';
import type { TelegramUser } from '../helpers/telegram-user.js';
import { random } from '../support/random.js';

// A simulated contest: 200 people vote as people do, spread over the voting days, and a farm of 50
// accounts registered in a run arrives through one entry's link and votes for it within two
// minutes. The analysis must single the farm out; voiding it must change the result, leave a
// trace in the audit log and the transparency report, and undoing it must bring the votes back.

const FARM_FIRST_ID = 7_654_321_000;
const FARM = 50;
const ORGANIC = 200;
/** Organic votes per entry: #1 leads without the farm, #2 with it. */
const ORGANIC_SHARE: [number, number][] = [
  [1, 60],
  [2, 30],
  [3, 20],
  [4, 50],
  [5, 40],
];

function documentOf(
  seen: { calls: { method: string; params: Record<string, unknown> }[] },
  name: string,
) {
  const call = seen.calls.find(
    (c) =>
      c.method === 'sendDocument' &&
      (c.params.document as { filename: string }).filename.startsWith(name),
  );
  return (call?.params.document as { content: string } | undefined)?.content ?? '';
}

/** The analysis among what the moderator got (a scheduled run's alert may arrive meanwhile). */
const analysisIn = (seen: { texts: string[] }) =>
  seen.texts.find((x) => x.startsWith('🔎 Vote analysis')) ?? '';

const csvRows = (content: string) =>
  content
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','));

describe('a contest with a vote farm in it', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('is found by the analysis, voided with a reason, audited, reported, and can be undone', async () => {
    h = await Harness.start();
    await publishedEntries(h, ['animals', 'animals', 'animals', 'elderly', 'elderly']);
    const next = random(17);

    // Organic voters: any id, any time over the six voting days; a third come by a shared link.
    const voting = Date.parse('2026-11-13T10:00:00+05:00');
    const days = 6 * 24 * 3600_000;
    const organic = ORGANIC_SHARE.flatMap(([number, n]) => Array<number>(n).fill(number));
    expect(organic).toHaveLength(ORGANIC);
    const arrivals = organic
      .map((number) => ({ number, at: voting + Math.floor(next() * days), viaLink: next() < 0.33 }))
      .sort((a, b) => a.at - b.at);
    for (const [i, voter] of arrivals.entries()) {
      const person = h.user({ id: 100_000_000 + Math.floor(next() * 7_000_000_000) + i });
      h.clock.set(new Date(voter.at).toISOString());
      await person.send(voter.viaLink ? `/start e${voter.number}` : '/start');
      h.clock.set(new Date(voter.at + 60_000 + Math.floor(next() * 3600_000)).toISOString());
      await person.press(`v:v:${voter.number}`);
    }

    // The farm: consecutive ids, first contact minutes before voting, all for #2 in two minutes.
    const farmStart = Date.parse('2026-11-16T03:10:00+05:00');
    const farm: TelegramUser[] = [];
    for (let i = 0; i < FARM; i += 1) {
      const bot = h.user({ id: FARM_FIRST_ID + i, lang: 'en' });
      h.clock.set(new Date(farmStart - 5 * 60_000 + i * 1_000).toISOString());
      await bot.send('/start e2');
      farm.push(bot);
    }
    for (const [i, bot] of farm.entries()) {
      h.clock.set(new Date(farmStart + i * 2_000).toISOString());
      await bot.press('v:v:2');
    }
    expect(await VoteModel.countDocuments()).toBe(ORGANIC + FARM);

    h.clock.set('2026-11-18T12:00:00+05:00');
    const moderator = h.admin('en');
    // The analysis also runs by itself while voting, and tells the moderators what it found.
    await h.app.tick();
    await h.drain();
    expect(moderator.messages().map((m) => m.text)).toContain(
      moderator.tr('fraud-alert', { clusters: 1, votes: 50, top: '2' }),
    );
    const before = await moderator.send('/results');
    expect(before.texts.join('\n')).toContain('1. #2 — 80 votes');

    // The analysis ranks the farm's entry first and proposes the farm as one cluster.
    const report = analysisIn(await moderator.send('/fraud'));
    const firstEntry = report.split('\n')[2];
    expect(firstEntry).toMatch(/^#2 · Animals: fraud index \d+ — 50 of 80 votes in clusters$/);
    const cluster =
      /• cluster (\d+-\d+): 50 votes; consecutive account ids, accounts new to the bot, arrived by this entry's link and voted for nothing else, a burst of votes; Telegram ids 7654321000–7654321049/.exec(
        report,
      );
    expect(cluster).not.toBeNull();
    const code = cluster![1]!;
    // No other entry is accused.
    expect(report).not.toMatch(/^#[1345] ·/m);

    // Its members, exported: precision and recall against the simulated farm.
    const exported = await moderator.send('/fraud csv');
    const members = csvRows(documentOf(exported, 'cluster-voters'))
      .filter((row) => row[0] === code)
      .map((row) => Number(row[2]));
    const farmIds = new Set(farm.map((bot) => bot.id));
    const found = members.filter((id) => farmIds.has(id)).length;
    expect(found / members.length).toBe(1);
    expect(found / FARM).toBe(1);
    expect(csvRows(documentOf(exported, 'clusters'))[0]).toEqual([
      code,
      '2',
      'animals',
      '50',
      'id-run new-account same-link burst',
      'telegram',
      '7654321000',
      '7654321049',
    ]);

    // Bad input first: no reason, a non-moderator, something that is not a selection.
    expect((await moderator.send(`/void cluster ${code}`)).texts[0]).toBe(
      moderator.tr('void-reason-needed'),
    );
    const stranger = h.user({ lang: 'ru' });
    expect((await stranger.send(`/void cluster ${code} накрутка`)).texts[0]).toBe(
      stranger.tr('unknown-command', { command: '/void' }),
    );
    expect((await moderator.send('/void everything now please')).texts[0]).toBe(
      moderator.tr('void-usage'),
    );
    expect((await moderator.send('/unvoid 99 a mistake')).texts[0]).toBe(
      moderator.tr('unvoid-unknown', { id: 99 }),
    );
    expect(await VoteModel.collection.countDocuments({ voided: { $exists: true } })).toBe(0);

    // Voided with a reason: the votes stay stored, marked, and the result changes.
    const voided = await moderator.send(`/void cluster ${code} accounts registered in a run`);
    expect(voided.texts[0]).toContain('🚫 Void 1: 50 votes (cluster');
    expect(await VoteModel.countDocuments()).toBe(ORGANIC + FARM);
    expect(await VoteModel.countDocuments({ voided: 1 })).toBe(FARM);
    const after = (await moderator.send('/results')).texts.join('\n');
    expect(after).toContain('1. #1 — 60 votes');
    expect(after).toContain('2. #2 — 30 votes');
    // The card shows the count without them, to someone opening #2 by its link.
    const newcomer = h.user({ lang: 'en' });
    await newcomer.send('/start e2');
    expect(newcomer.messages().at(-1)?.text).toContain('👍 30 votes');
    // The next analysis no longer sees them.
    const again = analysisIn(await moderator.send('/fraud now'));
    expect(again).toBe(moderator.tr('fraud-none', { votes: ORGANIC }));

    // Undone with a reason: the votes count again. Both steps are in the audit log.
    expect((await moderator.send('/unvoid 1 checked: a school class')).texts[0]).toBe(
      moderator.tr('unvoid-done', { id: 1, votes: FARM }),
    );
    expect((await moderator.send('/unvoid 1 twice')).texts[0]).toBe(
      moderator.tr('unvoid-already', { id: 1 }),
    );
    expect((await moderator.send('/results')).texts.join('\n')).toContain('1. #2 — 80 votes');
    // Voided for good, by the account this time and by a time window, for the report.
    const third = farm[3]!;
    expect(
      (await moderator.send(`/void voter telegram:${third.id} farm account`)).texts[0],
    ).toContain('🚫 Void 2: 1 vote (the votes of telegram:7654321003)');
    expect(
      (await moderator.send('/void entry 2 2026-11-16 03:10-03:10 farm in one minute')).texts[0],
    ).toContain('🚫 Void 3: 29 votes (the votes for #2 from November 16 03:10 to 03:10)');
    const audit = csvRows(documentOf(await moderator.send('/audit'), 'audit'));
    expect(audit.map((row) => [row[2], row[3], row[5], row[6]])).toEqual([
      ['void', '1', '50', 'accounts registered in a run'],
      ['undo', '1', '50', 'checked: a school class'],
      ['void', '2', '1', 'farm account'],
      ['void', '3', '29', 'farm in one minute'],
    ]);
    // Append-only: the first line is as it was written.
    const first = await AuditModel.findById(1).lean();
    expect(first?.action).toBe('void');
    expect(first?.reason).toBe('accounts registered in a run');

    // After the gala everyone may see how the votes were counted; voids are closed.
    h.clock.set('2026-11-20T20:00:00+05:00');
    const voter = h.user({ lang: 'en' });
    const transparency = (await voter.send('/transparency')).texts[0]!;
    expect(transparency).toContain('🏷 Animals: 130 votes counted from 130 voters; 30 voided');
    expect(transparency).toContain(
      '🏷 Helping the elderly: 90 votes counted from 90 voters; 0 voided',
    );
    expect(transparency).toContain('• farm account: 1');
    expect(transparency).toContain('• farm in one minute: 29');
    expect((await moderator.send(`/void cluster ${code} too late`)).texts[0]).toBe(
      moderator.tr('void-too-late'),
    );
  }, 240_000);

  it('answers a Russian moderator in Russian, and a voter asking too early with the gala date', async () => {
    h = await Harness.start();
    await publishedEntries(h, ['animals']);
    // The second moderator, new to the bot, with a Russian client.
    const moderator = h.admin('ru', SECOND_ADMIN_ID);
    expect((await moderator.send('/void cluster 1-1')).texts[0]).toBe(
      moderator.tr('void-reason-needed'),
    );
    expect((await moderator.send('/fraud')).texts).toContain(
      moderator.tr('fraud-none', { votes: 0 }),
    );
    const voter = h.user({ lang: 'kk' });
    expect((await voter.send('/transparency')).texts[0]).toBe(
      voter.tr('results-not-yet', { gala: { date: '2026-11-20' }, time: '19:00' }),
    );
  });
});

describe('the transparency report in the channel', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('is posted with the results, in the campaign’s language', async () => {
    h = await Harness.start({ env: { TELEGRAM_CHANNEL_ID: '@dgt_channel' } });
    await publishedEntries(h, ['animals']);
    await h.user({}).press('v:v:1');
    h.clock.set(AFTER_VOTING);
    await h.app.tick();
    h.clock.set('2026-11-20T19:00:00+05:00');
    await h.app.tick();
    await h.drain();
    const posts = h.api.calls
      .filter((c) => c.params.chat_id === '@dgt_channel' && c.method === 'sendMessage')
      .map((c) => String(c.params.text));
    const report = posts.find((p) => p.startsWith('📊'));
    // The shipped campaign speaks Russian by default.
    expect(report).toContain('🏷 Животные: засчитано голосов — 1, проголосовавших — 1');
    expect(report).toContain('Голоса не аннулировались.');
  });
});

describe('the channel-membership rule, held to the close', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });
  const CHANNEL = '@dogoodthings_kz';

  /** Five members vote for #1; two of them leave the channel before the close. */
  async function votersWhoLeave(voidLeavers: boolean): Promise<TelegramUser[]> {
    h = await Harness.start({
      env: { TELEGRAM_VOTE_CHANNEL: CHANNEL },
      campaign: (c) => ({
        ...c,
        fraud: {
          ...c.fraud,
          membershipRecheck: { hoursBeforeClose: 3, perSecond: 50, voidLeavers },
        },
      }),
    });
    await publishedEntries(h, ['animals']);
    const voters = Array.from({ length: 5 }, () => h.user({ lang: 'ru' }));
    h.api.channelMembers.set(CHANNEL, new Set(voters.map((v) => v.id)));
    for (const voter of voters) await voter.press('v:v:1');
    h.api.channelMembers.set(CHANNEL, new Set(voters.slice(2).map((v) => v.id)));
    // Three hours before the close (midnight after the 19th, local time) the re-check runs.
    h.clock.set('2026-11-19T21:30:00+05:00');
    await h.app.tick();
    expect(await VoteModel.countDocuments({ left: true })).toBe(2);
    h.clock.set(AFTER_VOTING);
    await h.app.tick();
    await h.drain();
    return voters;
  }

  it('flags the votes of voters who left, for the moderators to void', async () => {
    await votersWhoLeave(false);
    const moderator = h.admin('en');
    expect(moderator.lastText()).toContain(moderator.tr('recheck-flagged', { votes: 2 }));
    // They still count until a moderator decides.
    expect((await moderator.send('/results')).texts.join('\n')).toContain('1. #1 — 5 votes');
    const voided = await moderator.send('/void left they left the channel right after voting');
    expect(voided.texts[0]).toContain('🚫 Void 1: 2 votes (the votes of voters who left');
    expect((await moderator.send('/results')).texts.join('\n')).toContain('1. #1 — 3 votes');
  });

  it('voids them at the close when the campaign says so, and says why in each language', async () => {
    const voters = await votersWhoLeave(true);
    const moderator = h.admin('en');
    expect(moderator.lastText()).toContain(moderator.tr('recheck-voided', { votes: 2 }));
    expect(moderator.lastText()).toContain('1. #1 — 3 votes');
    h.clock.set('2026-11-20T20:00:00+05:00');
    const report = (await voters[0]!.send('/transparency')).texts[0]!;
    expect(report).toContain(`• ${voters[0]!.tr('void-reason-left')}: 2`);
    expect(report).toContain('аннулировано — 2');
  });
});
