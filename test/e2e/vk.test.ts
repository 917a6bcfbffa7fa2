import { afterEach, describe, expect, it } from 'vitest';
import { EntryModel } from '../../models/entry.js';
import { UserModel } from '../../models/user.js';
import { MediaCopyModel } from '../../models/media-copy.js';
import { outboxWaiting } from '../../models/outbox.js';
import { VoteModel } from '../../models/vote.js';
import { sha, VK_GROUP_ID } from '../fakes/vk-api.js';
import { DEED_PNG } from '../helpers/telegram-user.js';
import { Harness, VK_ADMIN_ID, VK_CALLBACK_SECRET } from '../helpers/harness.js';
import {
  DURING_SUBMISSIONS,
  DURING_VOTING,
  publishedEntries,
  STORY,
  submitOwnEntry,
} from '../helpers/flows.js';

describe('the contest on VK', () => {
  let h: Harness;
  afterEach(async () => {
    await h.stop();
  });

  it('takes an entry from /start to the moderators on both platforms', async () => {
    h = await Harness.start({ vk: 'longpoll', now: DURING_SUBMISSIONS });
    const vkModerator = h.vkAdmin('ru');
    await vkModerator.send('/start');
    const tgModerator = h.admin('en');
    await tgModerator.send('/start');

    // Kazakh from the VK client's interface language (client_info.lang_id 97).
    const aigerim = h.vkUser({ lang: 'kk' });
    const start = await aigerim.send('/start');
    expect(start.texts[0]).toContain('#DoGoodThings');
    expect(aigerim.visibleButtons()).toContain(aigerim.tr('menu-submit'));
    await aigerim.tapKey('menu-submit');
    expect(aigerim.lastText()).toBe(aigerim.tr('ask-media', { max: 5, mb: 20 }));
    const photo = await aigerim.photo();
    expect(photo.texts).toEqual([aigerim.tr('media-photo-added', { count: 1, max: 5 })]);
    await aigerim.tapKey('button-media-done');
    expect(aigerim.lastText()).toBe(aigerim.tr('ask-story-own', { min: 20, max: 1000 }));
    await aigerim.send(STORY);
    await aigerim.send('Шымкент');
    await aigerim.press('d:cat:animals');
    await aigerim.tapKey('button-consent-own');
    const summary = aigerim.lastText();
    expect(summary).toContain('Шымкент');
    expect(summary).toContain(STORY);
    const sent = await aigerim.tapKey('button-send');
    expect(sent.texts[0]).toContain('№1');

    const entry = await EntryModel.findOne({ 'author.platform': 'vk' }).lean();
    expect(entry).toMatchObject({ status: 'pending', city: 'Шымкент', category: 'animals' });
    // Both moderators got it: on VK the photo is the one the author attached, with no upload.
    const vkPhoto = vkModerator.messages().find((m) => m.media?.startsWith(`photo${aigerim.id}_`));
    expect(vkPhoto).toBeDefined();
    expect(vkModerator.messages().some((m) => m.text.includes(STORY))).toBe(true);
    // On Telegram the VK photo was downloaded, kept, and uploaded as a file.
    const tgUpload = h.api
      .callsTo(tgModerator.id)
      .find((c) => c.method === 'sendPhoto' && typeof c.params.photo === 'object');
    expect(tgUpload).toBeDefined();
    expect(tgModerator.messages().some((m) => m.text.includes(STORY))).toBe(true);
  });

  it('moderates a Telegram entry on VK, shows its photo to VK voters and counts their votes with Telegram’s', async () => {
    h = await Harness.start({ vk: 'longpoll', now: DURING_SUBMISSIONS });
    const vkModerator = h.vkAdmin('ru');
    await vkModerator.send('/start');
    const tgModerator = h.admin('en');
    await tgModerator.send('/start');
    const author = h.user({ lang: 'en' });
    await submitOwnEntry(author);
    await h.drain();

    // The Telegram photo reached the VK moderator, byte for byte, through our own copy.
    const [attachment] = vkModerator.messages().flatMap((m) => m.message.attachments);
    expect(attachment).toMatch(new RegExp(`^photo-${VK_GROUP_ID}_\\d+$`));
    expect(h.vk.files.get(attachment!)?.sha256).toBe(sha(DEED_PNG));

    await vkModerator.tapKey('mod-approve');
    expect(author.lastText()).toBe(
      author.tr('entry-approved', { number: '1', publication: { date: '2026-11-13' } }),
    );
    // The Telegram moderator, late, is told who decided (VK's name for the VK moderator).
    const late = await tgModerator.tapKey('mod-approve');
    expect(late.notice ?? late.texts.join('\n')).toContain(`User${VK_ADMIN_ID}`);

    h.clock.set(DURING_VOTING);
    await h.app.tick();
    await h.drain();
    // The clock kept the entry's photo in GridFS, found by its hash.
    const sent = await EntryModel.findOne({ number: 1 }).lean();
    const copy = await MediaCopyModel.findById(`telegram:${sent!.media[0]!.uniqueId}`).lean();
    expect(copy?.sha256).toBe(sha(DEED_PNG));
    expect(sent?.mediaKept).toBe(true);

    // A VK user arrives by a shared link (vk.me/club…?ref=e1) and sees the Telegram photo.
    const voter = h.vkUser({ lang: 'ru' });
    await voter.openRef('e1');
    const card = voter.messages().at(-1)!;
    expect(card.text).toMatch(/^№1 · /);
    expect(card.media).toBe(attachment);
    // Uploaded to VK once, for the moderator; every later card reuses the attachment.
    expect(h.vk.calls.filter((c) => c.method === 'photos.saveMessagesPhoto')).toHaveLength(1);

    const voted = await voter.tapKey('vote-button');
    expect(voted.notice).toBe(voter.tr('vote-counted', { number: '1' }));
    expect(voter.messages().at(-1)!.text).toContain('👍 1');
    expect(voter.visibleButtons()).toContain(voter.tr('vote-button-mine'));

    const tgVoter = h.user({ lang: 'en' });
    await tgVoter.send('/start e1');
    await tgVoter.tapKey('vote-button');
    const entry = await EntryModel.findOne({ number: 1 }).lean();
    expect(await VoteModel.countDocuments({ entryId: String(entry!._id) })).toBe(2);
    expect(tgVoter.messages().at(-1)!.text).toContain('👍 2 votes');

    // The share link a VK author gets points to the community, with the entry as ref.
    const share = await voter.tapKey('button-share');
    expect(share.texts.join('\n')).toContain(`https://vk.me/club${VK_GROUP_ID}?ref=e1`);
  });

  it('offers twelve categories a page at a time on VK, Cancel always there, the last one choosable', async () => {
    const extra = Array.from({ length: 5 }, (_, i) => ({
      id: `extra${i + 8}`,
      name: { kk: `Санат ${i + 8}`, ru: `Номинация ${i + 8}`, en: `Category ${i + 8}` },
    }));
    h = await Harness.start({
      vk: 'longpoll',
      now: DURING_SUBMISSIONS,
      campaign: (c) => ({ ...c, categories: [...c.categories, ...extra] }),
    });
    const author = h.vkUser({ lang: 'en' });
    const lastButtons = () =>
      author
        .messages()
        .at(-1)!
        .message.keyboard?.buttons.flat()
        .map((b) => b.action.label) ?? [];
    await author.send('/start');
    await author.tapKey('menu-submit');
    await author.photo();
    await author.tapKey('button-media-done');
    await author.send(STORY);
    await author.send('Taraz');
    // VK holds ten buttons: eight categories, More and Cancel.
    expect(lastButtons()).toHaveLength(10);
    expect(lastButtons().slice(-2)).toEqual([
      author.tr('button-more-choices', { page: 2, pages: 2 }),
      author.tr('button-cancel'),
    ]);
    const asked = author.messages().at(-1)!.messageId;
    await author.tapKey('button-more-choices', { page: 2, pages: 2 });
    // The same message, the other four, and the way back.
    expect(author.messages().at(-1)!.messageId).toBe(asked);
    expect(lastButtons()).toEqual([
      ...extra.slice(1).map((c) => c.name.en),
      author.tr('button-more-choices', { page: 1, pages: 2 }),
      author.tr('button-cancel'),
    ]);
    await author.tap('Category 12');
    await author.tapKey('button-consent-own');
    await author.tapKey('button-send');
    expect(await EntryModel.findOne().lean()).toMatchObject({ category: 'extra12' });

    // The voters' list of categories: nine and More, then the rest.
    h.clock.set(DURING_VOTING);
    const voter = h.vkUser({ lang: 'en' });
    await voter.send('/vote');
    const list = () =>
      voter
        .messages()
        .at(-1)!
        .message.keyboard?.buttons.flat()
        .map((b) => b.action.label) ?? [];
    expect(list()).toHaveLength(10);
    await voter.tapKey('button-more-choices', { page: 2, pages: 2 });
    expect(list()).toEqual([
      'Category 10 (0)',
      'Category 11 (0)',
      'Category 12 (0)',
      voter.tr('button-more-choices', { page: 1, pages: 2 }),
    ]);
    // On Telegram the same list fits one message.
    const tg = h.user({ lang: 'en' });
    await tg.send('/vote');
    expect(tg.visibleButtons()).toHaveLength(12);
  });

  it('browses a category on VK, editing the card in place, and moves a vote', async () => {
    h = await Harness.start({ vk: 'longpoll' });
    await publishedEntries(h, ['animals', 'animals']);
    const voter = h.vkUser({ lang: 'en' });
    await voter.send('/vote');
    await voter.tap('Animals (2)');
    const first = voter.messages().at(-1)!;
    expect(first.text).toMatch(/^#[12] · Animals · 1 of 2/);
    const firstNumber = /^#(\d)/.exec(first.text ?? '')![1]!;
    const other = firstNumber === '1' ? '2' : '1';
    await voter.tapKey('button-next');
    // The same message now shows the other entry: paging does not flood the dialog.
    expect(voter.messages().at(-1)!.messageId).toBe(first.messageId);
    expect(voter.messages().at(-1)!.text).toMatch(new RegExp(`^#${other} · Animals · 2 of 2`));

    await voter.tapKey('vote-button');
    await voter.tapKey('button-prev');
    const moved = await voter.tapKey('vote-button');
    // Too long for a snackbar or not, the move is said in the dialog.
    expect(moved.texts).toContain(voter.tr('vote-moved', { from: other, to: firstNumber }));
    expect(await VoteModel.countDocuments()).toBe(1);

    // A forged payload is refused in the user's language, and changes nothing.
    const forged = await voter.press('v:v:999');
    expect(forged.texts.join('\n') + (forged.notice ?? '')).toContain(
      voter.tr('vote-entry-unavailable'),
    );
    expect(await VoteModel.countDocuments()).toBe(1);
  });

  // The nomination's rejection with a ready reason, in the author's language, is a contract
  // scenario (test/contract): here what only VK has, an album in one message, files as documents.
  it('takes two photos sent in one VK message as one album, and sends an export as documents', async () => {
    h = await Harness.start({ vk: 'longpoll', now: DURING_SUBMISSIONS });
    const vkModerator = h.vkAdmin('ru');
    await vkModerator.send('/start');
    const nominator = h.vkUser({ lang: 'en' });
    await nominator.send('/nominate');
    expect(nominator.lastText()).toBe(nominator.tr('ask-nominee'));
    await nominator.send('Aigerim, a nurse from Karaganda');
    await nominator.send(
      'She drove through the flood every night to bring insulin to her neighbours.',
    );
    // Two photos in one VK message are an album: answered once, with both counted.
    const album = await nominator.photo(undefined, 2);
    expect(album.texts).toEqual([nominator.tr('media-photo-added', { count: 2, max: 5 })]);
    await nominator.tapKey('button-media-done');
    await nominator.send('Karaganda');
    await nominator.press('d:cat:elderly');
    await nominator.tapKey('button-consent-nomination');
    await nominator.tapKey('button-send');
    const entry = await EntryModel.findOne({ kind: 'nomination' }).lean();
    expect(entry).toMatchObject({ nominee: 'Aigerim, a nurse from Karaganda', status: 'pending' });
    expect(entry?.media).toHaveLength(2);

    // The organiser's export arrives on VK as documents uploaded to the dialog.
    await vkModerator.send('/export');
    const docs = vkModerator.messages().filter((m) => m.media?.startsWith('doc-'));
    expect(docs.length).toBeGreaterThanOrEqual(1);
    expect(h.vk.files.get(docs[0]!.media!)?.bytes.toString('utf8')).toContain('Karaganda');
  });

  it('brings a Telegram video to VK moderators as a document', async () => {
    h = await Harness.start({ vk: 'longpoll', now: DURING_SUBMISSIONS });
    const vkModerator = h.vkAdmin('en');
    await vkModerator.send('/start');
    const nominator = h.user({ lang: 'en' });
    await nominator.send('/nominate');
    await nominator.send('Aigerim, a nurse from Karaganda');
    await nominator.send('She drove through the flood every night to bring insulin.');
    await nominator.video(12);
    await nominator.send('Karaganda');
    await nominator.press('d:cat:elderly', nominator.messages().at(-1)?.messageId);
    await nominator.tapKey('button-consent-nomination');
    await nominator.tapKey('button-send');
    await h.drain();
    const doc = vkModerator.messages().find((m) => m.media?.startsWith('doc-'));
    expect(h.vk.files.get(doc!.media!)?.bytes.toString()).toMatch(/^mp4 bytes of video-/);
    expect(h.vk.calls.some((c) => c.method === 'docs.getMessagesUploadServer')).toBe(true);
  });

  it('asks VK voters to join the community first when the campaign requires it', async () => {
    h = await Harness.start({ vk: 'longpoll', env: { VK_VOTE_MEMBERS_ONLY: 'true' } });
    await publishedEntries(h, ['animals']);
    const voter = h.vkUser({ lang: 'en' });
    await voter.openRef('e1');
    const refused = await voter.tapKey('vote-button');
    expect(refused.texts).toContain(
      voter.tr('vote-join-channel', { channel: `vk.com/club${VK_GROUP_ID}` }),
    );
    expect(await VoteModel.countDocuments()).toBe(0);
    h.vk.members.add(voter.id);
    const voted = await voter.tapKey('vote-button');
    expect(voted.notice).toBe(voter.tr('vote-counted', { number: '1' }));
    // Telegram voters are not asked about the VK community.
    const tgVoter = h.user({ lang: 'en' });
    await tgVoter.send('/start e1');
    expect((await tgVoter.tapKey('vote-button')).notice).toBe(
      tgVoter.tr('vote-counted', { number: '1' }),
    );
  });

  it('speaks Russian to a VK user whose client does not say its language, and answers a sticker', async () => {
    h = await Harness.start({ vk: 'longpoll', now: DURING_SUBMISSIONS });
    const user = h.vkUser({ lang: 'ru', tellsLanguage: false });
    const start = await user.send('/start');
    expect(start.texts[0]).toContain('#DoGoodThings');
    expect(user.visibleButtons()).toContain(user.tr('menu-submit'));
    const unknown = await user.send('/frobnicate');
    expect(unknown.texts[0]).toBe(user.tr('unknown-command', { command: '/frobnicate' }));
    await user.send('/submit');
    const sticker = await user.attach({ type: 'sticker', sticker: { sticker_id: 1 } });
    expect(sticker.texts).toEqual([
      user.tr('unsupported-at-media', { what: { key: 'kind-sticker' }, max: 5, mb: 20 }),
    ]);
    // Something VK may send that this bot does not know: a clear answer, not silence.
    const odd = await user.attach({ type: 'graffiti', graffiti: {} });
    expect(odd.texts).toHaveLength(1);
  });

  it('announces in batches of up to 100 people a request, once each, and stops writing to people who refuse', async () => {
    h = await Harness.start({ vk: 'longpoll', now: '2026-10-05T09:00:00+05:00' });
    const people = Array.from({ length: 150 }, (_, i) =>
      h.vkUser({ lang: i % 5 === 0 ? 'en' : 'ru' }),
    );
    await Promise.all(people.map((p) => p.send('/start')));
    const refuses = people[7]!;
    h.vk.blocked.add(refuses.id);
    // The first batch is delivered but VK's answer is lost: the retry must not deliver it again.
    h.vk.failNext({ method: 'messages.send', code: 10, message: 'Internal', afterDelivery: true });
    const before = h.vk.sendRequests.length;

    h.clock.set('2026-10-06T10:00:00+05:00');
    await h.app.tick();
    await h.drain(30_000);
    // The failed batch is retried after a back-off: wait for the outbox to be empty.
    while ((await outboxWaiting()) > 0) await new Promise((r) => setTimeout(r, 100));
    await h.drain();

    const opened = { close: { date: '2026-11-10' } };
    for (const p of people) {
      const got = p.messages().filter((m) => m.text === p.tr('announce-submissions-open', opened));
      expect(got, `VK user ${p.id}`).toHaveLength(p === refuses ? 0 : 1);
    }
    const requests = h.vk.sendRequests.slice(before);
    // The batch whose answer was lost went out again (more than 150 peers in all), and the
    // random_id made VK drop the repeat: everyone above got it once.
    expect(requests.reduce((n, r) => n + r.peers.length, 0)).toBeGreaterThan(150);
    // 120 in Russian and 30 in English: two messages, four requests at least, plus the retry.
    expect(Math.max(...requests.map((r) => r.peers.length))).toBeGreaterThan(1);
    expect(requests.length).toBeLessThanOrEqual(12);
    expect(requests.every((r) => r.peers.length <= 100)).toBe(true);
    const refused = await UserModel.findOne({ _id: `vk:${refuses.id}` }).lean();
    expect(refused?.unreachable).toBe(true);
  });

  it('takes Callback API events only with the secret, confirms the address, and handles a redelivery once', async () => {
    h = await Harness.start({ vk: 'callback', now: DURING_SUBMISSIONS });
    const url = h.vk.callback!.url;
    const post = (body: unknown) =>
      fetch(url, { method: 'POST', body: JSON.stringify(body) }).then(async (r) => ({
        status: r.status,
        text: await r.text(),
      }));
    expect(
      await post({ type: 'confirmation', group_id: VK_GROUP_ID, secret: VK_CALLBACK_SECRET }),
    ).toEqual({ status: 200, text: 'a1b2c3d4' });

    const user = h.vkUser({ lang: 'en' });
    const message = {
      type: 'message_new',
      event_id: 'cb-event-1',
      group_id: VK_GROUP_ID,
      object: {
        message: { id: 1, from_id: user.id, peer_id: user.id, text: '/start', attachments: [] },
        client_info: { lang_id: 3 },
      },
    };
    expect((await post({ ...message, secret: 'wrong-secret-0123456789' })).status).toBe(403);
    expect((await post(message)).status).toBe(403);
    await new Promise((r) => setTimeout(r, 300));
    expect(user.messages()).toHaveLength(0);

    expect(await post({ ...message, secret: VK_CALLBACK_SECRET })).toEqual({
      status: 200,
      text: 'ok',
    });
    // VK did not hear "ok" in time and sends it again: it is answered, not handled twice.
    expect((await post({ ...message, secret: VK_CALLBACK_SECRET })).text).toBe('ok');
    for (let i = 0; i < 100 && user.messages().length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(user.messages()).toHaveLength(1);
    expect(user.lastText()).toContain('#DoGoodThings');
  });
});
