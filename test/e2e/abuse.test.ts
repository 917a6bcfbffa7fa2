import { afterEach, describe, expect, it } from 'vitest';
import { DraftModel } from '../../models/draft.js';
import { EntryModel } from '../../models/entry.js';
import { Harness } from '../helpers/harness.js';
import { STORY, submitOwnEntry } from '../helpers/flows.js';

// Limits a flood runs into: entries waiting per person and in all, messages a person may send,
// and text padded or turned around with invisible characters.

describe('limits against abuse', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('takes at most three entries waiting from one account, and asks everyone to wait when the queue is full', async () => {
    h = await Harness.start({
      campaign: (c) => ({ ...c, rules: { ...c.rules, maxPendingTotal: 4 } }),
    });
    const busy = h.user({ lang: 'en' });
    for (let i = 0; i < 3; i += 1) await submitOwnEntry(busy);
    const fourth = await busy.send('/submit');
    expect(fourth.texts[0]).toBe(busy.tr('entries-pending-limit', { count: 3 }));
    expect(await DraftModel.countDocuments({ userId: String(busy.id) })).toBe(0);

    const other = h.user({ lang: 'ru' });
    await submitOwnEntry(other);
    const late = h.user({ lang: 'kk' });
    expect((await late.send('/nominate')).texts[0]).toBe(late.tr('entries-pending-full'));
    expect(await EntryModel.countDocuments({ status: 'pending' })).toBe(4);
  });

  it('slows down someone who sends messages faster than a person can, telling them once', async () => {
    h = await Harness.start({ env: { MESSAGES_PER_10S: '5' } });
    const flood = h.user({ lang: 'ru' });
    const answers: string[][] = [];
    for (let i = 0; i < 9; i += 1) answers.push((await flood.send(`/help ${i}`)).texts);
    expect(answers.slice(0, 5).every((texts) => texts[0]?.includes('/submit'))).toBe(true);
    expect(answers[5]).toEqual([flood.tr('slow-down-messages')]);
    expect(answers.slice(6)).toEqual([[], [], []]);
  });

  it('does not count invisible characters towards a story, nor show them to moderators', async () => {
    h = await Harness.start();
    const author = h.user({ lang: 'en' });
    await author.send('/submit');
    await author.photo();
    await author.tapKey('button-media-done');
    // Ten letters padded past the minimum with zero-width spaces.
    const padded = `Helped him${'\u200B'.repeat(30)}`;
    expect((await author.send(padded)).texts[0]).toBe(
      author.tr('story-too-short', { min: 20, length: 10 }),
    );
    await author.send(`\u202E${STORY}`);
    await author.send('Kara\u200Dganda');
    const draft = await DraftModel.findOne({ userId: String(author.id) }).lean();
    expect(draft).toMatchObject({ story: STORY, city: 'Karaganda' });
  });
});
