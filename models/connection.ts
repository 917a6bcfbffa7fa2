import mongoose from 'mongoose';
import { DraftModel } from './draft.js';
import { CounterModel, EntryModel } from './entry.js';
import { ProcessedUpdateModel } from './processed-update.js';
import { ReportModel } from './report.js';
import { OutboxModel } from './outbox.js';
import { ResultModel } from './results.js';
import { CampaignEventModel } from './campaign-event.js';
import { BroadcastModel } from './broadcast.js';
import { UserModel } from './user.js';
import { fillMissingVoteCounts, VoteModel } from './vote.js';

// Every query filter built from user input is stripped of $-operators unless the code marks its
// own operators with mongoose.trusted(): a forged payload cannot become a query.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);
mongoose.set('bufferTimeoutMS', 10_000);

export const models = [
  UserModel,
  DraftModel,
  EntryModel,
  CounterModel,
  ProcessedUpdateModel,
  VoteModel,
  ReportModel,
  OutboxModel,
  ResultModel,
  CampaignEventModel,
  BroadcastModel,
];

/**
 * Connects, makes sure the unique indexes that carry the contest's rules exist, and gives entries
 * made before the live vote counter existed their counter.
 */
export async function connectDatabase(uri: string): Promise<typeof mongoose> {
  // While the database is away, fail within seconds (the person is told to try again in a
  // moment, the platform delivers the update again) rather than hold every update in a buffer.
  const connection = await mongoose.connect(uri, {
    serverSelectionTimeoutMS: 10_000,
    autoIndex: false,
  });
  await Promise.all(models.map((m) => m.createIndexes()));
  await fillMissingVoteCounts();
  return connection;
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
