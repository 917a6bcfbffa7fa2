import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntryModel } from '../../models/entry.js';
import { DraftModel } from '../../models/draft.js';
import { ADMIN_ID, Harness } from '../helpers/harness.js';

const STORY = 'I repaired the roof of a pensioner next door before the first snow fell.';

describe('telling about one’s own good deed on Telegram', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h.stop();
  });

  it('goes from /start to an entry waiting in the moderators’ queue', async () => {
    const moderator = h.admin('en');
    await moderator.send('/start');
    const alice = h.user({ lang: 'en', name: 'Alice' });
    const start = await alice.send('/start');
    expect(start.texts[0]).toContain('#DoGoodThings');
    expect(start.texts[0]).toContain('Entries are accepted until November 10 inclusive');

    await alice.tapKey('menu-submit');
    expect(alice.lastText()).toBe(alice.tr('ask-media', { max: 5, mb: 20 }));

    const firstPhoto = await alice.photo();
    expect(firstPhoto.texts).toEqual([alice.tr('media-photo-added', { count: 1, max: 5 })]);
    await alice.photo();
    await alice.tapKey('button-media-done');
    expect(alice.lastText()).toBe(alice.tr('ask-story-own', { min: 20, max: 1000 }));

    await alice.send(STORY);
    expect(alice.lastText()).toBe(alice.tr('ask-city'));
    await alice.send('Karaganda');
    await alice.tap('Helping the elderly');
    expect(alice.lastText()).toBe(alice.tr('ask-consent-own'));
    const consent = await alice.tapKey('button-consent-own');

    // The summary shows the photos again, then the text with Send / Edit / Cancel.
    expect(consent.calls.map((c) => c.method)).toEqual(['sendMediaGroup', 'sendMessage']);
    const summary = alice.lastText();
    expect(summary).toContain('City: Karaganda');
    expect(summary).toContain('Category: Helping the elderly');
    expect(summary).toContain('2 photos');
    expect(summary).toContain(STORY);

    const sent = await alice.tapKey('button-send');
    expect(sent.texts[0]).toMatch(/Thank you! Your entry #1 has been sent to the moderators/);

    const entry = await EntryModel.findOne({ 'author.id': String(alice.id) }).lean();
    expect(entry).toMatchObject({
      status: 'pending',
      kind: 'own',
      city: 'Karaganda',
      category: 'elderly',
      story: STORY,
    });
    expect(entry?.media).toHaveLength(2);
    expect(await DraftModel.countDocuments()).toBe(0);

    // The moderator got the media and a card with the decision buttons.
    const card = moderator.messages().at(-1);
    expect(card?.text).toContain('Entry #1');
    expect(card?.text).toContain(STORY);
    expect(card?.keyboard?.inline_keyboard.flat().map((b) => b.text)).toEqual([
      '✅ Approve',
      '❌ Reject',
      '🏷 Change category',
    ]);
    expect(h.api.callsTo(ADMIN_ID).some((c) => c.method === 'sendMediaGroup')).toBe(true);
  });

  it('lets the author change a field from the summary and comes back to the summary', async () => {
    const alice = h.user({ lang: 'en' });
    await alice.send('/submit');
    await alice.video(5);
    expect(alice.lastText()).toBe(alice.tr('ask-story-own', { min: 20, max: 1000 }));
    await alice.send(STORY);
    await alice.send('Astana');
    await alice.tap('Animals');
    await alice.tapKey('button-consent-own');
    await alice.tapKey('button-edit');
    await alice.tapKey('edit-field-city');
    expect(alice.lastText()).toBe(alice.tr('ask-city'));
    await alice.send('Kosshy');
    expect(alice.lastText()).toContain('City: Kosshy');
    expect(alice.lastText()).toContain('1 video');
    await alice.tapKey('button-send');
    expect(await EntryModel.findOne().lean()).toMatchObject({
      city: 'Kosshy',
      category: 'animals',
    });
  });
});
