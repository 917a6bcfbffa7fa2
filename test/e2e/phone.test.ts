import { afterEach, describe, expect, it } from 'vitest';
import { UserModel } from '../../models/user.js';
import { VoteModel } from '../../models/vote.js';
import { Harness } from '../helpers/harness.js';
import { publishedEntries } from '../helpers/flows.js';

// rules.requirePhone: a Telegram voter shares their own number before their first vote; only a
// keyed hash of it is kept, and one number votes once per category.

describe('voting with a phone number on Telegram', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('asks for the voter’s own number from the country, keeps only its hash, one vote per number', async () => {
    h = await Harness.start({
      campaign: (c) => ({ ...c, rules: { ...c.rules, requirePhone: true, phonePrefixes: ['77'] } }),
    });
    await publishedEntries(h, ['animals', 'animals']);
    const voter = h.user({ lang: 'en' });

    const asked = await voter.press('v:v:1');
    expect(asked.alert).toBe(true);
    expect(asked.notice).toBe(voter.tr('phone-needed'));
    const ask = asked.calls.find((c) => c.method === 'sendMessage')!;
    expect(ask.params.text).toBe(voter.tr('phone-ask'));
    expect(ask.params.reply_markup).toMatchObject({
      keyboard: [[{ text: voter.tr('phone-button'), request_contact: true }]],
      one_time_keyboard: true,
    });
    expect(await VoteModel.countDocuments()).toBe(0);

    // Someone else's contact, then a number from another country: refused, nothing kept.
    expect((await voter.shareContact('+77011234567', 424242)).texts).toEqual([
      voter.tr('phone-not-own'),
    ]);
    expect((await voter.shareContact('+7 916 123-45-67')).texts).toEqual([
      voter.tr('phone-country'),
    ]);
    expect((await voter.press('v:v:1')).notice).toBe(voter.tr('phone-needed'));

    const thanked = await voter.shareContact('+7 (701) 123-45-67');
    expect(thanked.texts).toEqual([voter.tr('phone-thanks')]);
    expect(thanked.calls[0]!.params.reply_markup).toEqual({ remove_keyboard: true });
    expect((await voter.press('v:v:1')).notice).toBe(voter.tr('vote-counted', { number: '1' }));
    // The number itself is nowhere: not on the person, not on the vote.
    const stored = JSON.stringify([await UserModel.find().lean(), await VoteModel.find().lean()]);
    expect(stored).not.toContain('7011234567');

    // A second account with the same number is the same voter: its vote moves the first one.
    const twin = h.user({ lang: 'en' });
    await twin.shareContact('77011234567');
    expect((await twin.press('v:v:2')).notice).toBe(twin.tr('vote-moved', { from: '1', to: '2' }));
    expect(await VoteModel.countDocuments()).toBe(1);
  });

  it('answers a shared contact in a contest that asks for none', async () => {
    h = await Harness.start();
    const person = h.user({ lang: 'ru' });
    expect((await person.shareContact('+77011234567')).texts[0]).toBe(
      person.tr('phone-not-needed'),
    );
  });
});
