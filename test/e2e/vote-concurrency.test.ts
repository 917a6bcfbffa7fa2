import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntryModel } from '../../models/entry.js';
import { VoteModel } from '../../models/vote.js';
import { Harness } from '../helpers/harness.js';
import { publishedEntries } from '../helpers/flows.js';
import type { TelegramUser } from '../helpers/telegram-user.js';

// Many people pressing Vote at once, every press delivered twice (once as Telegram's redelivery
// with the same update id, once as a client's resend with a new one), some switching their vote
// half-way: the database must end with one vote per person per category, and each entry's tally
// must equal its distinct voters.

const USERS = 200;

describe('voting under concurrent, duplicated presses', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it(`ends with exactly one vote per person and category for ${USERS} voters`, async () => {
    await publishedEntries(h, ['animals', 'animals', 'animals', 'elderly']);
    const voters: TelegramUser[] = Array.from({ length: USERS }, () => h.user({ lang: 'en' }));
    // Every voter's final choice in "animals"; every third switches from another entry first.
    const finalChoice = new Map(voters.map((v, i) => [v.id, 1 + (i % 3)]));

    const round = (pick: (v: TelegramUser, i: number) => number | null) =>
      voters.flatMap((v, i) => {
        const n = pick(v, i);
        if (n === null) return [];
        const id = h.api.newUpdateId();
        const press = v.pressUpdate(`v:v:${n}`, 1, id);
        const resend = v.pressUpdate(`v:v:${n}`, 1);
        return [press, { ...press }, resend];
      });

    const started = performance.now();
    const first = round((v, i) => (i % 3 === 0 ? 1 + ((i + 1) % 3) : finalChoice.get(v.id)!));
    const switches = round((v, i) => (i % 3 === 0 ? finalChoice.get(v.id)! : null));
    const elderly = round((_, i) => (i % 2 === 0 ? 4 : null));
    // The rounds overlap: the bot gets them as they come, in batches, users in parallel.
    await Promise.all([h.api.deliverAll(first), h.api.deliverAll([...switches, ...elderly])]);
    const seconds = (performance.now() - started) / 1000;
    const presses = first.length + switches.length + elderly.length;
    console.log(
      `[vote-concurrency] ${USERS} users, ${presses} deliveries in ${seconds.toFixed(2)} s`,
    );

    expect(await VoteModel.countDocuments({ category: 'animals' })).toBe(USERS);
    expect(await VoteModel.countDocuments({ category: 'elderly' })).toBe(USERS / 2);
    const perVoter = await VoteModel.aggregate<{ n: number }>([
      { $group: { _id: { v: '$voterHash', c: '$category' }, n: { $sum: 1 } } },
      { $match: { n: { $gt: 1 } } },
    ]);
    expect(perVoter).toEqual([]);

    for (const number of [1, 2, 3]) {
      const entry = await EntryModel.findOne({ number }).lean();
      const expected = [...finalChoice.values()].filter((c) => c === number).length;
      expect(await VoteModel.countDocuments({ entryId: entry!._id.toHexString() })).toBe(expected);
    }
    // Every press was answered, so no double tap ever looked like a failure.
    const answered = h.api.calls.filter((c) => c.method === 'answerCallbackQuery').length;
    expect(answered).toBeGreaterThanOrEqual(presses * (2 / 3));
  }, 120_000);
});
