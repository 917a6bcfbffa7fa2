import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DraftModel } from '../../models/draft.js';
import { EntryModel } from '../../models/entry.js';
import { UserModel } from '../../models/user.js';
import { VoteModel } from '../../models/vote.js';
import { Harness } from '../helpers/harness.js';
import { publishedEntries, writeOwnEntry } from '../helpers/flows.js';
import { ODD_TEXT, errorsIn, random } from '../helpers/fuzz.js';

// Generated VK events — wrong types, missing fields, huge texts, odd Unicode, forged payloads,
// unknown event and attachment types, group chats — through the real bot's Long Poll. Nothing
// may crash, no promise may be left rejected, and nobody else's data may change. (VK answers at
// most 20 requests a second, so this run is smaller than the Telegram one.)

const EVENTS = Number(process.env.VK_FUZZ_EVENTS ?? 3_000);

describe('fuzzing the VK bot with generated events', () => {
  let h: Harness;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  const logLines: string[] = [];

  beforeAll(async () => {
    h = await Harness.start({ vk: 'longpoll', logLines });
    process.on('unhandledRejection', onRejection);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onRejection);
    await h.stop();
  });

  const snapshot = async (_id: string) =>
    JSON.stringify({
      user: await UserModel.findById(_id).lean(),
      draft: await DraftModel.findById(_id).lean(),
      // Without the live vote count: votes are other people's to cast, the fuzzers' too.
      entries: await EntryModel.find(
        { 'author.id': _id.split(':')[1] },
        { voteCount: 0, countVersion: 0 },
      ).lean(),
    });
  /** The votes cast before the fuzzing, as they were: nobody may move or remove them. */
  const votesCastBefore = async (ids: string[]) =>
    JSON.stringify(
      (await VoteModel.find({}).sort({ _id: 1 }).lean()).filter((v) => ids.includes(v._id)),
    );

  it(`survives ${EVENTS} malformed and hostile VK events and leaves others' data alone`, async () => {
    const [author] = await publishedEntries(h, ['animals']);
    const bystander = h.vkUser({ lang: 'ru' });
    await bystander.openRef('e1');
    await bystander.tapKey('vote-button');
    h.clock.set('2026-11-10T12:00:00+05:00');
    await writeOwnEntry(bystander, 'elderly');
    h.clock.set('2026-11-15T12:00:00+05:00');
    const voteIds = (await VoteModel.find({}, { _id: 1 }).lean()).map((v) => v._id);
    expect(voteIds).toHaveLength(1);
    const after = async () => [
      await snapshot(`telegram:${author!.id}`),
      await snapshot(`vk:${bystander.id}`),
      await votesCastBefore(voteIds),
    ];
    const before = await after();

    const r = random(20261129);
    const actors = Array.from({ length: 30 }, (_, i) => 800_000 + i);
    const payload = () =>
      r.pick([
        { b: 'v:v:1' },
        { b: 'v:nx:1' },
        { b: 'del:yes' },
        { b: 'd:send' },
        { b: 'lang:kk' },
        { b: 'x'.repeat(r.int(400)) },
        { command: 'start' },
        { command: 'x'.repeat(100) },
        '{"b":',
        JSON.stringify({ b: 'v:v:1' }),
        null,
        42,
        [],
      ]);
    const attachment = () =>
      r.pick([
        { type: 'photo', photo: { id: 1, owner_id: 1, sizes: [] } },
        { type: 'photo', photo: { id: 'x', owner_id: 1, sizes: [{ url: 'nope' }] } },
        {
          type: 'photo',
          photo: {
            id: r.int(1e6),
            owner_id: r.int(1e6),
            sizes: [{ url: 'http://127.0.0.1:9/x.jpg', width: 1, height: 1 }],
          },
        },
        { type: 'video', video: { id: 1, owner_id: -1 } },
        { type: 'doc', doc: { id: 1, owner_id: 1, ext: 'mp4', size: 1e12, url: 'http://x/y' } },
        { type: 'sticker' },
        { type: 'audio_message', audio_message: {} },
        { type: 'wall', wall: {} },
        null,
        'photo',
      ]);
    const event = (n: number): Record<string, unknown> => {
      const id = r.next() < 0.95 ? r.pick(actors) : r.pick(['abc', -1, null, 1e30, 2_000_000_001]);
      const kind = r.int(10);
      if (kind < 5) {
        return {
          type: 'message_new',
          event_id: r.next() < 0.95 ? `fz${n}` : r.pick(['', null, 7]),
          object: r.pick([
            {
              message: {
                id: r.int(1e6),
                from_id: id,
                peer_id: r.next() < 0.9 ? id : 2_000_000_005,
                text: r.pick([...ODD_TEXT, 'x'.repeat(r.int(100_000)), 42, null]),
                ...(r.next() < 0.2 ? { payload: JSON.stringify(payload()) } : {}),
                ...(r.next() < 0.1 ? { ref: r.pick(['e1', 'e999', 'x'.repeat(200), '']) } : {}),
                attachments: r.next() < 0.3 ? [attachment(), attachment()] : [],
              },
              client_info: r.pick([{ lang_id: r.pick([0, 3, 97, 5, -1]) }, null, 'x', {}]),
            },
            null,
            {},
            { message: 'text' },
          ]),
        };
      }
      if (kind < 8) {
        return {
          type: 'message_event',
          event_id: `fz${n}`,
          object: {
            user_id: id,
            peer_id: r.next() < 0.9 ? id : null,
            event_id: r.pick(['ev', '', 5]),
            payload: payload(),
            conversation_message_id: r.pick([1, -1, 'x', undefined]),
          },
        };
      }
      return r.pick([
        { type: 'message_reply', event_id: `fz${n}`, object: {} },
        { type: 'group_join', event_id: `fz${n}`, object: { user_id: id } },
        { type: 'confirmation' },
        { event_id: `fz${n}` },
        {},
      ]);
    };

    const CHUNK = 150;
    for (let n = 0; n < EVENTS; n += CHUNK) {
      await Promise.all(
        Array.from({ length: Math.min(CHUNK, EVENTS - n) }, (_, i) => h.vk.push(event(n + i))),
      );
    }
    await h.drain(60_000);

    expect(rejections).toEqual([]);
    // No handler failed on any event.
    expect(errorsIn(logLines)).toEqual([]);
    const logs = logLines.join('');
    for (const secret of ['vk1.a.test-community-token-for-the-local-api', 'Қайырлы таң!'])
      expect(logs).not.toContain(secret);
    expect(await after()).toEqual(before);
    // Still serving: the bystander's next step works as before.
    expect((await bystander.send('/start')).texts.length).toBeGreaterThan(0);
  }, 300_000);
});
