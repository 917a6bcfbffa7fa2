import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../models/connection.js';
import { claimUpdate, finishUpdate } from '../models/processed-update.js';
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
