import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntryModel } from '../../models/entry.js';
import { Harness } from '../helpers/harness.js';
import { DURING_SUBMISSIONS, DURING_VOTING, STORY, submitOwnEntry } from '../helpers/flows.js';

// /deleteme as the person expects it: nothing of them is left anywhere in the database, not a
// name, an id, a word they wrote or a file they sent; only the keyed one-way hash that keeps
// their votes and complaints counted once, as /mydata says. The channel post of their entry
// comes down.

const CHANNEL = '@dogoodthings_kz';
const PERSON = 7_123_456_789;
const NAME = 'Zhanara Distinctivename';
const THEIR_STORY =
  'Every winter I clear the snow for the whole Zhuldyz street, unasked and unpaid.';
const THEIR_CITY = 'Ekibastuz-Sarykol';
const NOMINEE = 'Aigerim Unforgettable, the nurse';

describe('a person’s data, shown and deleted', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ env: { TELEGRAM_CHANNEL_ID: CHANNEL } });
  });
  afterAll(async () => {
    await h.stop();
  });

  /** Every document of every collection, as text. */
  async function everything(): Promise<string> {
    const db = mongoose.connection.db!;
    const texts: string[] = [];
    for (const { name } of await db.listCollections().toArray()) {
      const docs = await db.collection(name).find({}).toArray();
      texts.push(`${name}: ${JSON.stringify(docs)}`);
    }
    return texts.join('\n');
  }

  it('lists every kind of data kept, then leaves no trace of the person', async () => {
    h.clock.set(DURING_SUBMISSIONS);
    const moderator = h.admin('en');
    await moderator.send('/start');
    const other = h.user({ lang: 'en' });
    await submitOwnEntry(other, 'animals');
    await moderator.tapKey('mod-approve');

    const person = h.user({ lang: 'en', id: PERSON, name: NAME });
    await person.send('/submit');
    await person.photo();
    await person.tapKey('button-media-done');
    await person.send(THEIR_STORY);
    await person.send(THEIR_CITY);
    await person.tap('Animals');
    await person.tapKey('button-consent-own');
    await person.tapKey('button-send');
    await moderator.tapKey('mod-approve');
    // A nomination in progress, with a third person's name in it.
    await person.send('/nominate');
    await person.send(NOMINEE);

    h.clock.set(DURING_VOTING);
    await h.app.tick();
    await h.app.tick(); // the media are kept in the database on the clock's ticks
    await h.drain();
    const theirs = await EntryModel.findOne({ 'author.id': String(PERSON) }).lean();
    const photo = theirs!.media[0]!;
    const channelPosts = h.api.calls.filter((c) => c.params.chat_id === CHANNEL);
    expect(channelPosts.length).toBe(2);

    await person.press('v:v:1');
    await person.press('v:rp:1');
    await person.tapKey('report-reason-4');

    const mydata = (await person.send('/mydata')).texts[0]!;
    expect(mydata).toContain(`Account: Telegram ${PERSON} (${NAME})`);
    expect(mydata).toContain('#2 — own deed, Animals: published');
    expect(mydata).toContain('Photos and videos of your entries kept by the bot: 1');
    expect(mydata).toContain('Votes: in 1 category');
    expect(mydata).toContain('Complaints you made: 1');
    expect(mydata).toContain(
      person.tr('mydata-draft-yes', { kind: { key: 'kind-entry-nomination' } }),
    );

    const before = await everything();
    for (const trace of [String(PERSON), NAME, THEIR_STORY, THEIR_CITY, NOMINEE, photo.fileId])
      expect(before, `before: ${trace}`).toContain(trace);

    await person.send('/deleteme');
    const done = await person.tapKey('deleteme-yes');
    expect(done.texts[0]).toBe(person.tr('deleteme-done', { deleted: 0, withdrawn: 1 }));
    await h.drain();

    const after = await everything();
    for (const trace of [
      String(PERSON),
      NAME,
      THEIR_STORY,
      THEIR_CITY,
      NOMINEE,
      photo.fileId,
      photo.uniqueId,
    ])
      expect(after, `a trace of the person is left: ${trace}`).not.toContain(trace);
    // Their entry's post in the channel came down.
    const postId = channelPosts.find((c) =>
      String(c.params.caption ?? c.params.text).includes('№2'),
    )?.result as { message_id: number } | undefined;
    expect(
      h.api.calls.some(
        (c) =>
          c.method === 'deleteMessage' &&
          c.params.chat_id === CHANNEL &&
          c.params.message_id === postId?.message_id,
      ),
    ).toBe(true);
    // Everyone else's is as it was.
    expect(after).toContain(STORY);
  });
});
