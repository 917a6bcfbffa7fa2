import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../models/connection.js';
import { claimUpdate, finishUpdate, ProcessedUpdateModel } from '../models/processed-update.js';
import { createVoteStore, fillMissingVoteCounts, VoteModel } from '../models/vote.js';
import { VoteCounts } from '../models/vote-counts.js';
import { reconcileVoteCounts } from '../models/vote-reconcile.js';
import { EntryModel } from '../models/entry.js';
import { mongoCampaignEventStore } from '../models/campaign-event.js';
import {
  adoptUnchunkedRows,
  enqueueChunk,
  openChunks,
  OutboxChunkModel,
  OutboxModel,
  pruneOutbox,
  recordProgress,
  rowsOf,
} from '../models/outbox.js';
import { addDeliveryFigures, deliveryFigures } from '../models/delivery-counters.js';
import type { Entry } from '../handlers/ports.js';
import { testDatabaseUri } from './helpers/harness.js';

beforeAll(async () => {
  await connectDatabase(testDatabaseUri());
});
afterAll(async () => {
  await mongoose.disconnect();
});

/** Polling: one consumer, so another owner's claim is a process that died. */
const polling = (owner: string, retrying = false) => ({ owner, leaseMs: 0, retrying });

describe('claiming updates', () => {
  it('processes a redelivered update once, and says so once it is done', async () => {
    expect(await claimUpdate('telegram', '1', polling('process-a'))).toBe('mine');
    // Still in hand: the platform must bring it again, not be told it was handled.
    expect(await claimUpdate('telegram', '1', polling('process-a'))).toBe('busy');
    await finishUpdate('telegram', '1', 'process-a');
    expect(await claimUpdate('telegram', '1', polling('process-b'))).toBe('done');
  });

  it('never hands over an update that was handled, even when its process is gone', async () => {
    expect(await claimUpdate('telegram', '5', polling('crashed'))).toBe('mine');
    await finishUpdate('telegram', '5', 'crashed');
    expect(await claimUpdate('telegram', '5', polling('restarted'))).toBe('done');
    expect(await claimUpdate('telegram', '5', polling('restarted', true))).toBe('done');
  });

  it('reads a claim an earlier version marked handled as handled', async () => {
    await ProcessedUpdateModel.create({
      _id: 'telegram:6',
      owner: 'old',
      status: 'done',
      at: new Date(),
    });
    expect(await claimUpdate('telegram', '6', polling('new'))).toBe('done');
  });

  it('lets a new process take over an update its dead predecessor was still handling', async () => {
    expect(await claimUpdate('telegram', '2', polling('crashed'))).toBe('mine');
    expect(await claimUpdate('telegram', '2', polling('restarted'))).toBe('mine');
    expect(await claimUpdate('telegram', '2', polling('restarted'))).toBe('busy');
  });

  it('lets a process retake an update it failed on while the database was away', async () => {
    expect(await claimUpdate('telegram', '4', polling('p'))).toBe('mine');
    expect(await claimUpdate('telegram', '4', polling('p', true))).toBe('mine');
  });

  it('keeps Telegram and VK update ids apart', async () => {
    expect(await claimUpdate('telegram', '3', polling('p'))).toBe('mine');
    expect(await claimUpdate('vk', '3', polling('p'))).toBe('mine');
  });
});

describe('casting votes at the same instant', () => {
  it('keeps one vote when the same person’s presses race on several entries', async () => {
    const votes = createVoteStore('a-test-secret-of-enough-length-for-votes');
    const entry = (n: number) =>
      ({
        id: `0000000000000000000000${String(n).padStart(2, '0')}`,
        number: n,
        category: 'animals',
      }) as Entry;
    const voter = { platform: 'telegram' as const, id: '42' };
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        votes.cast(voter, entry(1 + (i % 3)), new Date(), new Date()),
      ),
    );
    expect(await VoteModel.countDocuments()).toBe(1);
    expect(results.filter((r) => r.outcome === 'new')).toHaveLength(1);
    const stored = await VoteModel.findOne().lean();
    expect(await votes.choiceOf(voter, 'animals')).toBe(stored?.entryId);
  });
});

describe('votes written together', () => {
  it('stores every first vote of a crowd pressing at once, and tells each press its own outcome', async () => {
    const votes = createVoteStore('a-test-secret-of-enough-length-for-votes');
    const entry = (n: number) =>
      ({
        id: `0000000000000000000001${String(n).padStart(2, '0')}`,
        number: n,
        category: 'crowd',
      }) as Entry;
    const voter = (id: number) => ({ platform: 'telegram' as const, id: `crowd-${id}` });
    // 60 people at once, each pressing twice at the same moment: on the first entry, and on the
    // second; their presses land in the same batches, some beside their own other press.
    const presses = Array.from({ length: 60 }, (_, v) => [
      votes.cast(voter(v), entry(1), new Date(), new Date()),
      votes.cast(voter(v), entry(2), new Date(), new Date()),
    ]);
    const outcomes = await Promise.all(presses.map((pair) => Promise.all(pair)));
    expect(await VoteModel.countDocuments({ category: 'crowd' })).toBe(60);
    for (const [first, second] of outcomes) {
      // One of each person's two presses made the vote; the other moved it or found it there.
      expect([first!.outcome, second!.outcome].filter((o) => o === 'new')).toHaveLength(1);
    }
  });
});

describe('live vote counts', () => {
  it('add up to the stored votes across two processes, moved votes included', async () => {
    const ids = ['5', '6'].map((n) => `aaaaaaaaaaaaaaaaaaaaaa0${n}`);
    await EntryModel.insertMany(
      ids.map((id, i) => ({
        _id: id,
        draftKey: `counts-${i}`,
        number: 500 + i,
        kind: 'own',
        author: { platform: 'telegram', id: '1' },
        status: 'published',
        category: 'kindness',
        createdAt: new Date(),
      })),
    );
    const entry = (i: number) => ({ id: ids[i]!, number: 500 + i, category: 'kindness' }) as Entry;
    const secret = 'a-test-secret-of-enough-length-for-votes';
    const [countsA, countsB] = [new VoteCounts(60_000), new VoteCounts(60_000)];
    const [a, b] = [createVoteStore(secret, countsA), createVoteStore(secret, countsB)];
    const voter = (id: number) => ({ platform: 'vk' as const, id: String(id) });
    // Both have read the counters (all 0) and will not read them again for a minute.
    await countsA.sync();
    await countsB.sync();
    // Process A: five votes on the first entry. Process B: three on the second, and two of A's
    // voters move theirs there.
    for (let v = 0; v < 5; v++) await a.cast(voter(v), entry(0), new Date(), new Date());
    for (let v = 5; v < 8; v++) await b.cast(voter(v), entry(1), new Date(), new Date());
    for (const v of [0, 1]) await b.cast(voter(v), entry(1), new Date(), new Date());

    // Each process sees its own votes at once, before it has written them.
    expect(await a.countFor(ids[0]!)).toBe(5);
    expect(await b.countFor(ids[1]!)).toBe(5);
    // Once B has written what it holds, A's next reading has everyone's.
    await countsB.close();
    await countsA.sync();
    const stored = async (i: number) => VoteModel.countDocuments({ entryId: ids[i]! });
    expect(await stored(0)).toBe(3);
    expect(await stored(1)).toBe(5);
    expect(await a.countFor(ids[0]!)).toBe(3);
    expect(await a.countFor(ids[1]!)).toBe(5);
    await countsA.close();
  });

  it('are filled once from the votes for entries made before the counter existed', async () => {
    const { insertedId: _id } = await EntryModel.collection.insertOne({
      draftKey: 'before-counters',
      number: 600,
      kind: 'own',
      author: { platform: 'telegram', id: '2' },
      status: 'published',
      category: 'kindness',
      createdAt: new Date(),
    });
    const entry = { id: _id.toHexString(), number: 600, category: 'kindness' } as Entry;
    const votes = createVoteStore(
      'a-test-secret-of-enough-length-for-votes',
      new VoteCounts(60_000),
    );
    for (const id of ['61', '62']) {
      await votes.cast({ platform: 'vk', id }, entry, new Date(), new Date());
    }
    // The votes are there; the entry has no counter yet.
    await EntryModel.collection.updateOne({ _id }, { $unset: { voteCount: '' } });

    expect(await fillMissingVoteCounts()).toBe(1);
    expect((await EntryModel.findById(_id).lean())?.voteCount).toBe(2);
    expect(await fillMissingVoteCounts()).toBe(0);
  });
});

describe('a campaign event walking a country', () => {
  it('keeps its run while it renews the lease with each page, and learns when it lost it', async () => {
    const events = mongoCampaignEventStore;
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 13, 5, minutes));
    expect(await events.claim('voting-opened', 'process-a', at(0))).toBe(true);
    // Four minutes in, a page renews the five-minute lease: at six, another process cannot take
    // the run over, although the first lease would have ended.
    expect(await events.renew('voting-opened', 'process-a', at(4))).toBe(true);
    expect(await events.claim('voting-opened', 'process-b', at(6))).toBe(false);
    // Process A died: once its last lease ended, B takes over, and A (were it only slow) hears so.
    expect(await events.claim('voting-opened', 'process-b', at(10))).toBe(true);
    expect(await events.renew('voting-opened', 'process-a', at(11))).toBe(false);
    expect(await events.renew('voting-opened', 'process-b', at(11))).toBe(true);
  });
});

describe('claims behind a load balancer', () => {
  it('does not take over an update another live process is handling', async () => {
    const lease = (owner: string, leaseMs: number) => ({ owner, leaseMs, retrying: false });
    expect(await claimUpdate('telegram', '50', lease('process-a', 60_000))).toBe('mine');
    expect(await claimUpdate('telegram', '50', lease('process-b', 60_000))).toBe('busy');
    // A claim far older than any handler could take is abandoned: it is taken over.
    expect(await claimUpdate('telegram', '50', lease('process-b', -1))).toBe('mine');
  });
});

describe('an outbox written by the version before chunks', () => {
  it('sends what was still waiting and drops what was done', async () => {
    const reply = (id: string) =>
      JSON.stringify({
        to: { platform: 'telegram', id },
        lang: 'en',
        view: { kind: 'text', text: { key: 'empty' } },
      });
    await OutboxModel.collection.insertMany([
      {
        _id: 'old:1',
        platform: 'telegram',
        reply: reply('1'),
        status: 'pending',
        nextAt: new Date(),
      },
      {
        _id: 'old:2',
        platform: 'telegram',
        reply: reply('2'),
        status: 'sending',
        nextAt: new Date(),
      },
      { _id: 'old:3', platform: 'telegram', reply: reply('3'), status: 'sent', nextAt: new Date() },
    ] as never);
    expect(await adoptUnchunkedRows()).toBe(2);
    const [chunk] = await openChunks('telegram');
    expect(chunk).toMatchObject({ size: 2, done: 0 });
    expect((await rowsOf(chunk!)).map((r) => r.id)).toEqual(['old:1', 'old:2']);
    expect(await OutboxModel.exists({ _id: 'old:3' })).toBeNull();
    expect(await adoptUnchunkedRows()).toBe(0);
  });
});

describe('live vote counters after a process died', () => {
  it('corrects a counter that lost votes, only once two looks agree, and never a moving one', async () => {
    const { _id } = await EntryModel.create({
      draftKey: 'lost-votes',
      number: 700,
      kind: 'own',
      author: { platform: 'telegram', id: '7' },
      status: 'published',
      category: 'elderly',
      createdAt: new Date(),
    });
    const entry = { id: _id.toHexString(), number: 700, category: 'elderly' } as Entry;
    // Two votes cast by a process that died before writing them to the counter.
    const dead = createVoteStore(
      'a-test-secret-of-enough-length-for-votes',
      new VoteCounts(3_600_000),
    );
    for (const id of ['71', '72'])
      await dead.cast({ platform: 'vk', id }, entry, new Date(), new Date());
    const looks = new Map();
    expect(await reconcileVoteCounts(looks)).toBe(0); // one look is not enough
    expect(await reconcileVoteCounts(looks)).toBe(1);
    expect((await EntryModel.findById(_id).lean())?.voteCount).toBe(2);

    // A third vote whose process writes it between the two looks: left alone, it is right.
    const alive = new VoteCounts(3_600_000);
    const store = createVoteStore('a-test-secret-of-enough-length-for-votes', alive);
    await store.cast({ platform: 'vk', id: '73' }, entry, new Date(), new Date());
    expect(await reconcileVoteCounts(looks)).toBe(0);
    await alive.sync();
    expect(await reconcileVoteCounts(looks)).toBe(0);
    expect((await EntryModel.findById(_id).lean())?.voteCount).toBe(3);
    await alive.close();
  });
});

describe('the outbox over time', () => {
  it('keeps no sent message, forgets finished chunks after the days kept, and keeps the totals', async () => {
    const item = (key: string) => ({
      key,
      reply: {
        to: { platform: 'vk' as const, id: '9' },
        lang: 'en' as const,
        view: { kind: 'text' as const, text: { key: 'empty' } },
      },
    });
    await enqueueChunk([item('old:a'), item('old:b')], 'old-chunk');
    await recordProgress('vk', {
      done: new Map([['old-chunk', 2]]),
      closed: ['old-chunk'],
      failures: [],
      refs: [],
      later: [],
    });
    await addDeliveryFigures('vk', { sent: 2 });
    // Sent: the rows are gone at once, the chunk stays a while (it keeps the same messages from
    // being queued again).
    expect(await OutboxModel.countDocuments({ chunk: 'old-chunk' })).toBe(0);
    expect(await enqueueChunk([item('old:a'), item('old:b')], 'old-chunk')).toBe(0);
    expect(await pruneOutbox(new Date(Date.now() + 1_000))).toBeGreaterThanOrEqual(1);
    expect(await OutboxChunkModel.exists({ _id: 'old-chunk' })).toBeNull();
    expect((await deliveryFigures()).vk?.sent).toBeGreaterThanOrEqual(2);
  });
});
