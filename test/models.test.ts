import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../models/connection.js';
import { claimUpdate, finishUpdate } from '../models/processed-update.js';
import { createVoteStore, VoteModel } from '../models/vote.js';
import type { Entry } from '../handlers/ports.js';
import { testDatabaseUri } from './helpers/harness.js';

describe('claiming updates', () => {
  beforeAll(async () => {
    await connectDatabase(testDatabaseUri());
  });
  afterAll(async () => {
    await mongoose.disconnect();
  });

  it('processes a redelivered update once', async () => {
    expect(await claimUpdate('telegram', '1', 'process-a')).toBe(true);
    expect(await claimUpdate('telegram', '1', 'process-a')).toBe(false);
    await finishUpdate('telegram', '1');
    expect(await claimUpdate('telegram', '1', 'process-b')).toBe(false);
  });

  it('lets a new process take over an update its dead predecessor was still handling', async () => {
    expect(await claimUpdate('telegram', '2', 'crashed')).toBe(true);
    expect(await claimUpdate('telegram', '2', 'restarted')).toBe(true);
    expect(await claimUpdate('telegram', '2', 'restarted')).toBe(false);
  });

  it('keeps Telegram and VK update ids apart', async () => {
    expect(await claimUpdate('telegram', '3', 'p')).toBe(true);
    expect(await claimUpdate('vk', '3', 'p')).toBe(true);
  });
});

describe('casting votes at the same instant', () => {
  beforeAll(async () => {
    await connectDatabase(testDatabaseUri());
  });
  afterAll(async () => {
    await mongoose.disconnect();
  });

  it('keeps one vote when the same person’s presses race on several entries', async () => {
    const votes = createVoteStore('a-test-secret-of-enough-length');
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

describe('claims behind a load balancer', () => {
  beforeAll(async () => {
    await connectDatabase(testDatabaseUri());
  });
  afterAll(async () => {
    await mongoose.disconnect();
  });

  it('does not take over an update another live process is handling', async () => {
    expect(await claimUpdate('telegram', '50', 'process-a', 60_000)).toBe(true);
    expect(await claimUpdate('telegram', '50', 'process-b', 60_000)).toBe(false);
    // A claim far older than any handler could take is abandoned: it is taken over.
    expect(await claimUpdate('telegram', '50', 'process-b', -1)).toBe(true);
  });
});
