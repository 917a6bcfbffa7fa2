import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntryModel } from '../../models/entry.js';
import { UserModel } from '../../models/user.js';
import { Harness } from '../helpers/harness.js';

// Both submission paths to a moderation decision, in each of the three languages: the author,
// the moderator and the notification all speak the person's own language.

const CATEGORY = { kk: 'Жануарлар', ru: 'Животные', en: 'Animals' } as const;
const PHASE_CLOSE = { kk: '10 қараша', ru: '10 ноября', en: 'November 10' } as const;

describe.each(['kk', 'ru', 'en'] as const)('in %s', (lang) => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start();
  });
  afterAll(async () => {
    await h.stop();
  });

  it('greets in the language Telegram reports and names the dates in it', async () => {
    const user = h.user({ lang });
    const seen = await user.send('/start');
    expect(seen.texts[0]).toContain(PHASE_CLOSE[lang]);
    expect(seen.texts[0]).toBe(
      user.tr('start-greeting', {
        campaign: { names: h.campaign.name },
        phase: {
          key: 'phase-submissions',
          args: { close: { date: '2026-11-10' }, publication: { date: '2026-11-13' } },
        },
      }),
    );
    expect(await UserModel.findOne({ userId: String(user.id) }).lean()).toMatchObject({ lang });
  });

  it('takes an own deed to approval, and tells the author in their language', async () => {
    const moderator = h.admin(lang);
    await moderator.send('/start');
    const author = h.user({ lang });
    await author.send('/start');
    await author.tapKey('menu-submit');
    await author.photo();
    await author.tapKey('button-media-done');
    await author.send('Помогла соседке донести продукты до пятого этажа и починила ей кран.');
    await author.send('Павлодар');
    await author.tap(CATEGORY[lang]);
    await author.tapKey('button-consent-own');
    expect(author.lastText()).toContain(CATEGORY[lang]);
    await author.tapKey('button-send');
    const entry = await EntryModel.findOne({ 'author.id': String(author.id) }).lean();
    const number = String(entry!.number);
    expect(moderator.lastText()).toContain(moderator.tr('mod-status-pending'));

    const approved = await moderator.tapKey('mod-approve');
    expect(approved.notice).toBe(moderator.tr('mod-done-approved'));
    expect(moderator.lastText()).toContain(
      moderator.tr('mod-status-approved', { by: 'Moderator Ann', date: { date: '2026-10-20' } }),
    );
    expect(author.lastText()).toBe(
      author.tr('entry-approved', { number, publication: { date: '2026-11-13' } }),
    );
  });

  it('takes a nomination to rejection with a ready reason, shown in the author’s language', async () => {
    const moderator = h.admin(lang);
    const nominator = h.user({ lang });
    await nominator.send('/nominate');
    expect(nominator.lastText()).toBe(nominator.tr('ask-nominee'));
    await nominator.send('Aigerim, a nurse from Karaganda');
    expect(nominator.lastText()).toBe(nominator.tr('ask-story-nomination', { min: 20, max: 1000 }));
    await nominator.send(
      'She drove through the flood every night to bring insulin to her neighbours.',
    );
    expect(nominator.lastText()).toBe(nominator.tr('ask-media', { max: 5, mb: 20 }));
    await nominator.video(12);
    await nominator.send('Karaganda');
    await nominator.tap(CATEGORY[lang]);
    expect(nominator.lastText()).toBe(
      nominator.tr('ask-consent-nomination', { nominee: 'Aigerim, a nurse from Karaganda' }),
    );
    await nominator.tapKey('button-consent-nomination');
    expect(nominator.lastText()).toContain('Aigerim, a nurse from Karaganda');
    await nominator.tapKey('button-send');

    const entry = await EntryModel.findOne({ 'author.id': String(nominator.id) }).lean();
    expect(entry).toMatchObject({
      kind: 'nomination',
      nominee: 'Aigerim, a nurse from Karaganda',
      status: 'pending',
    });
    expect(h.api.callsTo(moderator.id).at(-2)?.method).toBe('sendVideo');

    await moderator.tapKey('mod-reject');
    await moderator.tapKey('reject-reason-4');
    expect(nominator.lastText()).toBe(
      nominator.tr('entry-rejected', {
        number: String(entry!.number),
        reason: { key: 'reject-reason-4' },
      }),
    );
    expect(await EntryModel.findById(entry!._id).lean()).toMatchObject({
      status: 'rejected',
      decision: { by: { id: String(moderator.id) }, reason: { key: 'reject-reason-4' } },
    });
  });

  // English writes in Latin letters itself: the scan is for Kazakh and Russian only.
  if (lang !== 'en')
    it('shows the person no identifier: every word the bot wrote is theirs', async () => {
      // An organiser's live count names the stage the contest is at.
      const moderator = h.admin(lang);
      await moderator.send('/results');
      await moderator.send('/stats');
      await moderator.send('/pending');
      const typed = [
        'Помогла соседке донести продукты до пятого этажа и починила ей кран.',
        'She drove through the flood every night to bring insulin to her neighbours.',
        'Aigerim, a nurse from Karaganda',
        'Moderator Ann',
        'Karaganda',
      ];
      const allowed = /#DoGoodThings|https?:\/\/\S+|@\w+|\S*\/\S+|User\d+|\b(OK|GIF|Telegram)\b/g;
      const written = h.api.calls
        .filter((c) =>
          [
            'sendMessage',
            'editMessageText',
            'sendPhoto',
            'sendVideo',
            'answerCallbackQuery',
          ].includes(c.method),
        )
        .map((c) => String(c.params.text ?? c.params.caption ?? ''))
        .map((text) =>
          typed.reduce((left, t) => left.split(t).join(''), text).replace(allowed, ''),
        );
      expect(written.length).toBeGreaterThan(10);
      const latin = written.filter((text) => /[A-Za-z]{2,}/.test(text));
      if (latin.length) console.log(JSON.stringify(latin, null, 1));
      expect(latin).toEqual([]);
    });
});
