import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftModel } from '../../models/draft.js';
import { EntryModel } from '../../models/entry.js';
import { UserModel } from '../../models/user.js';
import { Harness } from '../helpers/harness.js';
import { submitOwnEntry } from '../helpers/flows.js';

describe('language and personal data', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('falls back to Russian for a language the bot does not speak, and remembers a switch', async () => {
    const user = h.user({ lang: 'de' });
    const seen = await user.send('/start');
    expect(seen.texts[0]).toContain('Здравствуйте');
    await user.send('/language');
    const chosen = await user.tap('English');
    expect(chosen.notice).toBe(user.tr('language-set', undefined, 'en'));
    expect((await user.send('/help')).texts[0]).toContain('What I can do');
    expect(await UserModel.findOne({ userId: String(user.id) }).lean()).toMatchObject({
      lang: 'en',
    });
  });

  it('shows what the bot keeps, then deletes it all on request', async () => {
    const user = h.user({ lang: 'en' });
    await submitOwnEntry(user);
    await user.send('/submit');
    const mydata = await user.send('/mydata');
    expect(mydata.texts[0]).toContain(`Account: Telegram ${user.id}`);
    expect(mydata.texts[0]).toContain('#1 — own deed, Animals: waiting for moderation');
    expect(mydata.texts[0]).toContain(
      user.tr('mydata-draft-yes', { kind: { key: 'kind-entry-own' } }),
    );

    await user.send('/deleteme');
    expect((await user.tapKey('deleteme-no')).texts[0]).toBe(user.tr('deleteme-kept'));
    expect(await EntryModel.countDocuments()).toBe(1);

    await user.send('/deleteme');
    const done = await user.tapKey('deleteme-yes');
    expect(done.texts[0]).toBe(user.tr('deleteme-done', { deleted: 1, withdrawn: 0 }));
    expect(await EntryModel.countDocuments()).toBe(0);
    expect(await DraftModel.countDocuments()).toBe(0);
    expect(await UserModel.countDocuments({ userId: String(user.id) })).toBe(0);
  });

  it('withdraws an already published entry instead of leaving it in the contest', async () => {
    const user = h.user({ lang: 'en' });
    await submitOwnEntry(user);
    await EntryModel.updateOne({}, { $set: { status: 'published' } });
    await user.send('/deleteme');
    await user.tapKey('deleteme-yes');
    const entry = await EntryModel.findOne().lean();
    expect(entry).toMatchObject({ status: 'withdrawn', story: '', city: '', media: [] });
  });
});
