import mongoose from 'mongoose';
import { DraftModel } from './draft.js';
import { EntryModel } from './entry.js';
import { CounterModel } from './sequence.js';
import { ProcessedUpdateModel } from './processed-update.js';
import { ReportModel } from './report.js';
import { OutboxModel } from './outbox.js';
import { ResultModel } from './results.js';
import { CampaignEventModel } from './campaign-event.js';
import { BroadcastModel } from './broadcast.js';
import { UserModel } from './user.js';
import { fillMissingVoteCounts, VoteModel } from './vote.js';
import { InboxModel } from './inbox.js';
import { SenderLeaseModel } from './sender-lease.js';
import { DeliveryCounterModel } from './delivery-counters.js';
import { FraudClusterModel, FraudRunModel, RecheckModel } from './fraud.js';
import { AuditModel, VoidModel } from './voids.js';
import { JuryScoreModel } from './jury.js';
import { PanelSessionModel, PanelTokenModel } from './panel.js';
import { RateCountModel } from './rate-counts.js';
import { SlotModel } from './slots.js';
import { DecisionModel } from './decision.js';
import {
  adoptUnchunkedRows,
  OutboxChunkModel,
  OutboxFailureModel,
  OutboxRefModel,
} from './outbox.js';

// Every query filter built from user input is stripped of $-operators unless the code marks its
// own operators with mongoose.trusted(): a forged payload cannot become a query.
mongoose.set('sanitizeFilter', true);
mongoose.set('strictQuery', true);

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
  InboxModel,
  SenderLeaseModel,
  DeliveryCounterModel,
  RateCountModel,
  SlotModel,
  DecisionModel,
  OutboxChunkModel,
  OutboxFailureModel,
  OutboxRefModel,
  FraudRunModel,
  FraudClusterModel,
  RecheckModel,
  VoidModel,
  AuditModel,
  JuryScoreModel,
  PanelTokenModel,
  PanelSessionModel,
];

/** Rows written by an earlier version, brought to what this one reads. Idempotent. */
async function upgradeStoredData(): Promise<void> {
  await adoptUnchunkedRows();
  await fillMissingVoteCounts();
}

/** The longest one database operation may wait, unless the operator sets DATABASE_TIMEOUT_MS. */
export const DEFAULT_DATABASE_TIMEOUT_MS = 4_000;

/**
 * Connects, makes sure the unique indexes that carry the contest's rules exist, and gives entries
 * made before the live vote counter existed their counter.
 *
 * Every wait on the database is bounded by `timeoutMs`: choosing a server, opening a
 * connection, waiting for a free one, and a reply on an open socket (a frozen primary answers
 * nothing at all). It stays below the platforms' deadline for an answer, so an update that meets
 * the database away is answered "deliver again" in time, never "handled".
 */
export async function connectDatabase(
  uri: string,
  timeoutMs = DEFAULT_DATABASE_TIMEOUT_MS,
): Promise<typeof mongoose> {
  mongoose.set('bufferTimeoutMS', timeoutMs);
  const connection = await mongoose.connect(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    socketTimeoutMS: timeoutMs,
    waitQueueTimeoutMS: timeoutMs,
    // Notice a failover (or a server back from the dead) within two seconds rather than ten.
    heartbeatFrequencyMS: 2_000,
    autoIndex: false,
  });
  await Promise.all(models.map((m) => m.createIndexes()));
  await upgradeStoredData();
  return connection;
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}
