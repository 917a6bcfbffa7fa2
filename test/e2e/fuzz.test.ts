import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftModel } from '../../models/draft.js';
import { EntryModel } from '../../models/entry.js';
import { UserModel } from '../../models/user.js';
import { VoteModel } from '../../models/vote.js';
import { Harness, WEBHOOK_ENV, WEBHOOK_SECRET } from '../helpers/harness.js';
import { publishedEntries, writeOwnEntry } from '../helpers/flows.js';
import { ODD_TEXT, errorsIn, random } from '../helpers/fuzz.js';

// 10,000 generated updates — wrong types, missing fields, huge texts, odd Unicode, forged button
// payloads, unknown update kinds — posted to the real bot's webhook. Nothing may crash, no
// handler may fail, no promise may be left rejected, nobody else's data may change, and the logs
// hold no secret and no one's text.

const UPDATES = Number(process.env.FUZZ_UPDATES ?? 10_000);
const SECRET = WEBHOOK_SECRET;

describe('fuzzing the bot with generated updates', () => {
  let h: Harness;
  let base: string;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const logLines: string[] = [];

  beforeAll(async () => {
    h = await Harness.start({ env: WEBHOOK_ENV, logLines });
    base = `http://127.0.0.1:${h.app.httpPort}`;
    process.on('unhandledRejection', onRejection);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await h.stop();
  });

  const snapshot = async (userId: string) =>
    JSON.stringify({
      user: await UserModel.findOne({ userId }).lean(),
      draft: await DraftModel.findOne({ userId }).lean(),
      // Without the live vote count: votes are other people's to cast, the fuzzers' too.
      entries: await EntryModel.find({ 'author.id': userId }, { voteCount: 0, countVersion: 0 })
        .sort({ number: 1 })
        .lean(),
    });
  /** The votes cast before the fuzzing, as they were: nobody may move or remove them. */
  const votesCastBefore = async (ids: string[]) =>
    JSON.stringify(
      await VoteModel.find({})
        .sort({ _id: 1 })
        .lean()
        .then((v) => v.filter((x) => ids.includes(x._id))),
    );

  it(`survives ${UPDATES} malformed and hostile updates and leaves others' data alone`, async () => {
    // Someone else's world, made the ordinary way: a published entry, a vote, a draft in progress.
    // (Published through the polling path first; the webhook serves the rest.)
    const [author] = await publishedEntries(h, ['animals']);
    const bystander = h.user({ lang: 'ru' });
    await bystander.press('v:v:1');
    h.clock.set('2026-11-10T12:00:00+05:00');
    await writeOwnEntry(bystander, 'elderly');
    h.clock.set('2026-11-15T12:00:00+05:00');
    const entry = await EntryModel.findOne({ number: 1 }).lean();
    const entryId = entry!._id.toHexString();
    const voteIds = (await VoteModel.find({}, { _id: 1 }).lean()).map((v) => v._id);
    const before = [
      await snapshot(String(author!.id)),
      await snapshot(String(bystander.id)),
      await votesCastBefore(voteIds),
    ];

    const r = random(20261128);
    const actors = Array.from({ length: 40 }, (_, i) => 700_000 + i);
    const payloads = () =>
      r.pick([
        `mod:ok:${entryId}`,
        `mod:hide:${entryId}`,
        `mod:rr:${entryId}:1`,
        `mod:sc:${entryId}:animals`,
        'v:v:1',
        'v:rr:1:2',
        'v:nx:1',
        'del:yes',
        'd:send',
        'd:cat:animals',
        'bc:go:000000000000000000000000:all:5',
        'nt:off',
        'lang:kk',
        'x'.repeat(r.int(200)),
        String.fromCharCode(...Array.from({ length: r.int(40) }, () => r.int(0xffff))),
      ]);
    const from = (id: unknown) => ({
      id,
      is_bot: r.next() < 0.05,
      first_name: r.pick(ODD_TEXT),
      language_code: r.pick(['kk', 'ru', 'en', 'zz', '', 42]),
    });
    const chat = (id: unknown) =>
      r.pick([{ id, type: 'private' }, { id, type: 'group' }, null, 'chat', {}]);
    const message = (id: unknown) => ({
      message_id: r.int(1e6),
      date: 0,
      chat: chat(id),
      from: r.next() < 0.9 ? from(id) : undefined,
      ...r.pick([
        { text: r.pick(ODD_TEXT) },
        { text: 'x'.repeat(r.int(100_000)) },
        { text: r.int(1e9) },
        { photo: [] },
        { photo: 'not-an-array' },
        {
          photo: [
            { file_id: 'p', file_unique_id: 'u', width: 1, height: 1, file_size: r.int(1e8) },
          ],
        },
        { photo: [{}], media_group_id: 'album' },
        {
          video: {
            file_id: 'v',
            file_unique_id: 'u',
            width: 1,
            height: 1,
            duration: 1,
            file_size: r.int(3e7),
          },
        },
        { video: null },
        { sticker: {} },
        { voice: { file_id: 'v' } },
        { document: { file_id: 'd', file_unique_id: 'u', mime_type: 'image/jpeg' } },
        { location: { latitude: 51.1, longitude: 71.4 } },
        { contact: { phone_number: '+7', first_name: 'x' } },
        {},
      ]),
    });
    const update = (n: number) => {
      const id = r.next() < 0.95 ? r.pick(actors) : r.pick(['abc', -1, null, 1e30, {}]);
      const kind = r.int(10);
      if (kind < 5) return { update_id: n, message: message(id) };
      if (kind < 8) {
        return {
          update_id: n,
          callback_query: {
            id: String(n),
            from: from(id),
            chat_instance: 'c',
            ...(r.next() < 0.9 ? { data: payloads() } : {}),
            ...(r.next() < 0.8
              ? { message: { message_id: r.int(1e6), date: 0, chat: chat(id) } }
              : {}),
          },
        };
      }
      return r.pick([
        { update_id: n, edited_message: message(id) },
        { update_id: n, channel_post: message(id) },
        { update_id: n, inline_query: { id: 'q', from: from(id), query: 'x', offset: '' } },
        { update_id: n, my_chat_member: {} },
        { update_id: n },
        { update_id: String(n) },
        { update_id: n, message: null },
        { update_id: n, callback_query: { id: 'x', data: 'v:v:1' } },
      ]);
    };

    const started = performance.now();
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < UPDATES) {
        const n = (next += 1);
        const body =
          r.next() < 0.01 ? '{"update_id": 1, "message": {' : JSON.stringify(update(1_000_000 + n));
        const res = await fetch(`${base}/telegram`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-telegram-bot-api-secret-token': SECRET,
          },
          body,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        await res.arrayBuffer();
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[fuzz] ${UPDATES} updates in ${seconds.toFixed(1)} s; HTTP statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );

    await h.drain();
    expect(rejections).toEqual([]);
    // Every update was handled or recognised as not ours: no handler failed on any of them.
    expect(errorsIn(logLines)).toEqual([]);
    // Only a body that is not JSON at all is refused (400); everything else is answered 200.
    expect([...statuses.keys()].sort()).toEqual(statuses.has(400) ? [200, 400] : [200]);
    expect(statuses.get(400) ?? 0).toBeLessThanOrEqual(Math.ceil(UPDATES * 0.02));
    const logs = logLines.join('');
    for (const secret of [SECRET, 'TEST-token-for-the-local-bot-api', 'Қайырлы таң!'])
      expect(logs).not.toContain(secret);
    expect([
      await snapshot(String(author!.id)),
      await snapshot(String(bystander.id)),
      await votesCastBefore(voteIds),
    ]).toEqual(before);

    // Still serving: a person who writes now gets an answer.
    const after = h.user({ lang: 'en' });
    await fetch(`${base}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify({
        update_id: 9_999_999,
        message: {
          message_id: 1,
          date: 0,
          chat: { id: after.id, type: 'private' },
          from: { id: after.id, is_bot: false, first_name: 'A', language_code: 'en' },
          text: '/start',
        },
      }),
    });
    expect(h.api.callsTo(after.id).some((c) => c.method === 'sendMessage')).toBe(true);
  }, 300_000);
});
