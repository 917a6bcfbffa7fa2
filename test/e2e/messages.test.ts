import { afterEach, describe, expect, it } from 'vitest';
import { DraftModel } from '../../models/draft.js';
import { EntryModel } from '../../models/entry.js';
import { Harness } from '../helpers/harness.js';
import { DURING_SUBMISSIONS, DURING_VOTING, submitOwnEntry } from '../helpers/flows.js';

// What the bot says is what happens: each message here once said something else.

describe('messages that say what happens', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('says /cancel deletes what was written, and /cancel does', async () => {
    h = await Harness.start();
    const author = h.user({ lang: 'en' });
    const intro = await author.send('/submit');
    expect(intro.texts[0]).toContain('/cancel deletes what you wrote');
    await author.photo();
    await author.send('/cancel');
    expect(await DraftModel.countDocuments({ userId: String(author.id) })).toBe(0);
    expect((await author.send('/start')).texts).not.toContain(author.tr('draft-resume'));
  });

  it('takes a round video message as the entry’s video', async () => {
    h = await Harness.start();
    const author = h.user({ lang: 'ru' });
    await author.send('/submit');
    const seen = await author.roundVideo();
    expect(seen.texts[0]).toBe(author.tr('media-video-added'));
    const draft = await DraftModel.findOne({ userId: String(author.id) }).lean();
    expect(draft?.media).toMatchObject([{ type: 'video' }]);
  });

  it('tells an author approved during voting that the entry is public now, once', async () => {
    h = await Harness.start();
    const moderator = h.admin('en');
    await moderator.send('/start');
    h.clock.set(DURING_SUBMISSIONS);
    const author = h.user({ lang: 'en' });
    await submitOwnEntry(author);
    h.clock.set(DURING_VOTING);
    await moderator.tapKey('mod-approve');
    await h.drain();
    const told = author.messages().map((m) => m.text);
    expect(told.some((text) => text.startsWith('🎉 Your entry #1 is published'))).toBe(true);
    // Not "it will appear in the list on November 13", a day already past.
    expect(told.filter((text) => text.includes('will appear in the list'))).toEqual([]);
  });

  it('shows moderators the entry’s number on its photos, and the author’s name from VK', async () => {
    h = await Harness.start({ vk: 'longpoll' });
    const moderator = h.admin('en');
    await moderator.send('/start');
    const author = h.vkUser({ lang: 'kk' });
    h.vk.names.set(author.id, ['Айгерім', 'Сейтқали']);
    await submitOwnEntry(author);
    const photo = h.api.callsTo(moderator.id).find((c) => c.method === 'sendPhoto');
    expect(photo?.params.caption).toBe('#1');
    expect(moderator.lastText()).toContain(`Author: Айгерім Сейтқали (VK ${author.id})`);
  });

  it('offers only what can be done now, and /help names every command', async () => {
    h = await Harness.start();
    const person = h.user({ lang: 'en' });
    const during = await person.send('/start');
    const buttons = (labels: string[]) => labels.map((l) => person.tr(l));
    expect(person.visibleButtons()).toEqual(
      expect.arrayContaining(buttons(['menu-submit', 'menu-nominate'])),
    );
    expect(during.texts[0]).not.toContain('/vote');
    h.clock.set('2026-11-11T10:00:00+05:00'); // entries closed, the list not yet public
    await person.send('/start');
    const menu = person
      .messages()
      .at(-1)
      ?.keyboard?.inline_keyboard.flat()
      .map((b) => b.text);
    expect(menu).not.toContain(person.tr('menu-submit'));
    expect(menu).not.toContain(person.tr('menu-vote'));
    const help = (await person.send('/help')).texts[0]!;
    for (const command of [
      '/submit',
      '/nominate',
      '/vote',
      '/results',
      '/notifications',
      '/mydata',
    ])
      expect(help).toContain(command);
  });

  it('lists the entries waiting for moderators, each opening its card again', async () => {
    h = await Harness.start();
    const moderator = h.admin('en');
    await moderator.send('/start');
    for (let i = 0; i < 7; i += 1) await submitOwnEntry(h.user({ lang: 'en' }));
    const list = await moderator.send('/pending');
    expect(list.texts[0]).toBe(moderator.tr('pending-list', { count: 7 }));
    const shown = moderator
      .messages()
      .at(-1)!
      .keyboard!.inline_keyboard.flat()
      .map((b) => b.text);
    expect(shown).toEqual([
      '#1 · Animals · Karaganda',
      '#2 · Animals · Karaganda',
      '#3 · Animals · Karaganda',
      '#4 · Animals · Karaganda',
      '#5 · Animals · Karaganda',
      moderator.tr('button-more'),
    ]);
    await moderator.tap(moderator.tr('button-more'));
    await moderator.tap('#7 · Animals · Karaganda');
    expect(moderator.lastText()).toContain('📋 Entry #7');
    await moderator.tapKey('mod-approve');
    expect((await EntryModel.findOne({ number: 7 }).lean())?.status).toBe('approved');
    expect((await moderator.send('/pending')).texts[0]).toBe(
      moderator.tr('pending-list', { count: 6 }),
    );
    expect((await h.user({}).send('/pending')).texts[0]).toContain('/pending');
  });
});
