import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DraftModel } from '../../models/draft.js';
import { EntryModel } from '../../models/entry.js';
import { Harness } from '../helpers/harness.js';
import { STORY, writeOwnEntry } from '../helpers/flows.js';
import type { TelegramUser } from '../helpers/telegram-user.js';

// Bad input gets a clear answer in the user's language and changes nothing.

describe('bad input while writing an entry', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h.stop();
  });

  const draftOf = async (user: TelegramUser) =>
    DraftModel.findOne({ userId: String(user.id) }).lean();

  it('answers a sticker, a voice note, a file and text where a photo is expected', async () => {
    const user = h.user({ lang: 'ru' });
    await user.send('/submit');
    expect((await user.sticker()).texts).toEqual([
      user.tr('unsupported-at-media', { what: { key: 'kind-sticker' }, max: 5, mb: 20 }),
    ]);
    expect((await user.voice()).texts[0]).toContain('голосовое сообщение');
    expect((await user.document()).texts).toEqual([
      user.tr('document-not-accepted', { what: { key: 'kind-document' }, max: 5, mb: 20 }),
    ]);
    expect((await user.send('here is my story')).texts[0]).toBe(
      user.tr('expect-media', { max: 5, mb: 20 }),
    );
    expect(await draftOf(user)).toMatchObject({ step: 'media', media: [] });
  });

  it('refuses a video over the limit and says the limit', async () => {
    const user = h.user({ lang: 'kk' });
    await user.send('/submit');
    const seen = await user.video(25);
    expect(seen.texts).toEqual([user.tr('video-too-large', { mb: 20 })]);
    expect(seen.texts[0]).toContain('20 МБ');
    expect(await draftOf(user)).toMatchObject({ step: 'media', media: [] });
  });

  it('refuses a 5,000-character story and keeps what was entered before', async () => {
    const user = h.user({ lang: 'en' });
    await user.send('/submit');
    await user.photo();
    await user.tapKey('button-media-done');
    const seen = await user.send('x'.repeat(5000));
    expect(seen.texts).toEqual([user.tr('story-too-long', { max: 1000, length: 5000 })]);
    const tooShort = await user.send('kind');
    expect(tooShort.texts).toEqual([user.tr('story-too-short', { min: 20, length: 4 })]);
    const draft = await draftOf(user);
    expect(draft).toMatchObject({ step: 'story' });
    expect(draft?.story).toBeUndefined();
    expect(draft?.media).toHaveLength(1);
  });

  it('keeps at most the allowed number of photos and answers an album once', async () => {
    const user = h.user({ lang: 'en' });
    await user.send('/submit');
    // An album of three is answered once, with the three counted.
    expect((await user.album(3)).texts).toEqual([
      user.tr('media-photo-added', { count: 3, max: 5 }),
    ]);
    await user.photo();
    await user.photo();
    const sixth = await user.photo();
    expect(sixth.texts).toEqual([user.tr('media-full', { max: 5 })]);
    expect((await draftOf(user))?.media).toHaveLength(5);
  });

  it('answers a photo sent at the wrong step and asks the current question again', async () => {
    const user = h.user({ lang: 'en' });
    await user.send('/submit');
    await user.photo();
    await user.tapKey('button-media-done');
    const seen = await user.photo();
    expect(seen.texts).toEqual([
      user.tr('media-not-expected'),
      user.tr('ask-story-own', { min: 20, max: 1000 }),
    ]);
    expect((await draftOf(user))?.media).toHaveLength(1);
  });

  it('answers a command that does not fit the step or does not exist', async () => {
    const user = h.user({ lang: 'en' });
    await user.send('/submit');
    const again = await user.send('/nominate');
    expect(again.texts[0]).toBe(user.tr('draft-in-progress'));
    expect(await draftOf(user)).toMatchObject({ kind: 'own', step: 'media' });
    const unknown = await user.send('/vote_now');
    expect(unknown.texts[0]).toBe(user.tr('unknown-command', { command: '/vote_now' }));
  });

  it('answers a button from an earlier step and changes nothing', async () => {
    const user = h.user({ lang: 'en' });
    await writeOwnEntry(user, 'animals');
    // The category keyboard is still on screen; tapping it now is a stale press.
    const stale = await user.tap('Helping the elderly');
    expect(stale.notice).toBe(user.tr('button-stale'));
    expect(await draftOf(user)).toMatchObject({ step: 'summary', category: 'animals' });
  });

  it('answers forged and garbled button payloads and changes nothing', async () => {
    const user = h.user({ lang: 'en' });
    await user.send('/submit');
    await user.photo();
    await user.tapKey('button-media-done');
    await user.send(STORY);
    await user.send('Almaty');
    const before = await draftOf(user);
    for (const data of [
      'garbage',
      'd:cat:no_such_category',
      'd:cat:{"$gt":""}',
      `d:cat:${'a'.repeat(70)}`,
      'mod:ok:../../etc/passwd',
      'del:maybe',
      'lang:fr',
      '',
      'д:отмена',
    ]) {
      const seen = await user.press(data);
      expect(seen.notice, data).toBeDefined();
    }
    const after = await draftOf(user);
    expect(after).toMatchObject({ step: 'category', story: STORY, city: 'Almaty' });
    expect(after?.category).toBeUndefined();
    expect(after?.updatedAt).toEqual(before?.updatedAt);
  });

  it('says when entries open, and that they closed, outside the submissions phase', async () => {
    const user = h.user({ lang: 'en' });
    h.clock.set('2026-10-05T23:59:00+05:00');
    expect((await user.send('/submit')).texts[0]).toBe(
      user.tr('submissions-not-yet', { open: { date: '2026-10-06' } }),
    );
    h.clock.set('2026-11-11T00:00:01+05:00');
    expect((await user.send('/nominate')).texts[0]).toBe(
      user.tr('submissions-closed', { close: { date: '2026-11-10' } }),
    );
    expect(await DraftModel.countDocuments()).toBe(0);
  });

  it('does not send a draft finished after entries closed', async () => {
    const user = h.user({ lang: 'en' });
    h.clock.set('2026-11-10T23:50:00+05:00');
    await writeOwnEntry(user);
    h.clock.set('2026-11-11T00:00:00+05:00');
    const seen = await user.tapKey('button-send');
    expect(seen.texts[0]).toBe(user.tr('submissions-closed', { close: { date: '2026-11-10' } }));
    expect(await EntryModel.countDocuments()).toBe(0);
  });
});
