import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EntryModel } from '../../models/entry.js';
import { UserModel } from '../../models/user.js';
import { Harness, SECOND_ADMIN_ID } from '../helpers/harness.js';
import { submitOwnEntry } from '../helpers/flows.js';

describe('moderating entries', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h.stop();
  });

  async function pendingEntry(lang = 'en') {
    const author = h.user({ lang });
    await submitOwnEntry(author);
    const entry = await EntryModel.findOne({ 'author.id': String(author.id) }).lean();
    return { author, entry: entry! };
  }

  it('rejects with the moderator’s own words, which the author sees as written', async () => {
    const ann = h.admin('en');
    await ann.send('/start');
    const { author, entry } = await pendingEntry('ru');
    await ann.tapKey('mod-reject');
    await ann.tapKey('mod-reason-own');
    expect(ann.lastText()).toBe(
      ann.tr('mod-type-reason', { number: String(entry.number), max: 500 }),
    );
    await ann.send('Please send a photo where the repaired roof is visible.');
    expect(author.lastText()).toBe(
      author.tr('entry-rejected', {
        number: String(entry.number),
        reason: 'Please send a photo where the repaired roof is visible.',
      }),
    );
    expect(await EntryModel.findById(entry._id).lean()).toMatchObject({
      status: 'rejected',
      decision: { reason: { text: 'Please send a photo where the repaired roof is visible.' } },
    });
    expect((await UserModel.findOne({ userId: String(ann.id) }).lean())?.awaiting).toBeNull();
  });

  it('makes one decision when two moderators press at the same moment', async () => {
    const ann = h.admin('en');
    const bek = h.admin('en', SECOND_ADMIN_ID);
    await ann.send('/start');
    await bek.send('/start');
    for (let round = 0; round < 5; round += 1) {
      const { author, entry } = await pendingEntry();
      // Ann approves while Bek rejects with a ready reason.
      const bekCard = bek.messages().at(-1)!.messageId;
      const since = h.api.calls.length;
      await Promise.all([
        ann.tapKey('mod-approve'),
        bek.press(`mod:rr:${entry._id.toHexString()}:1`, bekCard),
      ]);
      await h.drain();
      // One of them decided; the other was told who did.
      const told = h.api.calls
        .slice(since)
        .filter(
          (c) =>
            c.method === 'answerCallbackQuery' &&
            String(c.params.text).startsWith('This entry has already been decided'),
        );
      expect(told).toHaveLength(1);
      const decided = await EntryModel.findById(entry._id).lean();
      expect(['approved', 'rejected']).toContain(decided?.status);
      // The author heard one decision, the one that stands.
      const heard = author
        .messages()
        .filter(
          (m) => m.text.includes(`entry #${entry.number}`) && /approved|not accepted/.test(m.text),
        );
      expect(heard).toHaveLength(1);
      expect(heard[0]!.text).toContain(
        decided?.status === 'approved' ? 'approved' : 'not accepted',
      );
    }
  });

  it('shows a second moderator who already decided, and changes nothing', async () => {
    const ann = h.admin('en');
    const bek = h.admin('en', SECOND_ADMIN_ID);
    await ann.send('/start');
    await bek.send('/start');
    const { author, entry } = await pendingEntry();
    await ann.tapKey('mod-approve');
    const messagesToAuthor = h.api.callsTo(author.id).length;

    const late = await bek.tapKey('mod-reject');
    expect(late.alert).toBe(true);
    expect(late.notice).toBe(
      bek.tr('mod-already-decided', {
        status: {
          key: 'mod-status-approved',
          args: { by: 'Moderator Ann', date: { date: '2026-10-20' } },
        },
      }),
    );
    // Bek's card now says who decided, and has no buttons left.
    expect(bek.lastText()).toContain('Approved by Moderator Ann');
    expect(bek.messages().at(-1)?.keyboard).toBeUndefined();
    expect(await EntryModel.findById(entry._id).lean()).toMatchObject({ status: 'approved' });
    expect(h.api.callsTo(author.id)).toHaveLength(messagesToAuthor);
  });

  it('moves an entry to another category and tells the author', async () => {
    const ann = h.admin('en');
    await ann.send('/start');
    const { author, entry } = await pendingEntry();
    await ann.tapKey('mod-change-category');
    await ann.tap('Everyday kindness');
    expect(ann.lastText()).toContain('Everyday kindness');
    expect(author.lastText()).toBe(
      author.tr('entry-category-changed', {
        number: String(entry.number),
        category: 'Everyday kindness',
      }),
    );
    expect(await EntryModel.findById(entry._id).lean()).toMatchObject({
      category: 'everyday',
      status: 'pending',
    });
    const history = (await EntryModel.findById(entry._id).lean())?.history ?? [];
    expect(history.map((x) => x.action)).toEqual(['submitted', 'category']);
  });

  it('refuses moderation buttons from someone who is not a moderator', async () => {
    const { author, entry } = await pendingEntry();
    const mallory = h.user({ lang: 'en' });
    const seen = await mallory.press(`mod:ok:${entry._id.toHexString()}`);
    expect(seen.notice).toBe(mallory.tr('mod-not-allowed'));
    expect(seen.alert).toBe(true);
    const ownAttempt = await author.press(`mod:rr:${entry._id.toHexString()}:1`);
    expect(ownAttempt.notice).toBe(author.tr('mod-not-allowed'));
    expect(await EntryModel.findById(entry._id).lean()).toMatchObject({ status: 'pending' });
  });

  it('answers a moderation button for an entry that does not exist', async () => {
    const ann = h.admin('en');
    const seen = await ann.press('mod:ok:0123456789abcdef01234567');
    expect(seen.notice).toBe(ann.tr('mod-entry-gone'));
  });

  it('refuses a reason number that no button offers', async () => {
    const ann = h.admin('en');
    const { entry } = await pendingEntry();
    const seen = await ann.press(`mod:rr:${entry._id.toHexString()}:9`);
    expect(seen.notice).toBe(ann.tr('button-stale'));
    expect(await EntryModel.findById(entry._id).lean()).toMatchObject({ status: 'pending' });
  });
});
