import { afterEach, describe, expect, it } from 'vitest';
import { EntryModel } from '../../models/entry.js';
import { Harness } from '../helpers/harness.js';
import { STORY } from '../helpers/flows.js';

describe('the contest on VK', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('takes an entry from /start to the moderators on both platforms', async () => {
    h = await Harness.start({ vk: 'longpoll' });
    const vkModerator = h.vkAdmin('ru');
    await vkModerator.send('/start');
    const tgModerator = h.admin('en');
    await tgModerator.send('/start');

    const aigerim = h.vkUser({ lang: 'kk' });
    const start = await aigerim.send('/start');
    expect(start.texts[0]).toContain('#DoGoodThings');
    await aigerim.tapKey('menu-submit');
    expect(aigerim.lastText()).toBe(aigerim.tr('ask-media', { max: 5, mb: 20 }));
    const photo = await aigerim.photo();
    expect(photo.texts).toEqual([aigerim.tr('media-photo-added', { count: 1, max: 5 })]);
    await aigerim.tapKey('button-media-done');
    await aigerim.send(STORY);
    await aigerim.send('Шымкент');
    await aigerim.press('d:cat:animals');
    await aigerim.tapKey('button-consent-own');
    const sent = await aigerim.tapKey('button-send');
    expect(sent.texts[0]).toContain('№1');

    const entry = await EntryModel.findOne({ 'author.platform': 'vk' }).lean();
    expect(entry).toMatchObject({ status: 'pending', city: 'Шымкент', category: 'animals' });
    // Both moderators got the card; the VK one with the photo as VK shows it.
    const card = vkModerator.messages().find((m) => m.text.includes('№1'));
    expect(card?.text).toContain(STORY);
    const tgCard = tgModerator.messages().find((m) => m.text.includes('№1'));
    expect(tgCard?.text).toContain(STORY);
  });
});
