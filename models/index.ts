import type { Stores } from '../handlers/turn.js';
import { mongoAdminStore } from './admin.js';
import { mongoBroadcastStore } from './broadcast.js';
import { mongoCampaignEventStore } from './campaign-event.js';
import { mongoDraftStore } from './draft.js';
import { mongoEntryStore } from './entry.js';
import { createReportStore } from './report.js';
import { createPrivacyStore } from './privacy.js';
import { mongoResultStore } from './results.js';
import { mongoUserStore } from './user.js';
import { createVoteStore } from './vote.js';
import { mongoFraudStore } from './fraud.js';
import { createVoidStore } from './voids.js';
import { mongoJuryStore } from './jury.js';
import { VoteCounts } from './vote-counts.js';

export { connectDatabase, disconnectDatabase } from './connection.js';
export {
  claimUpdate,
  finishUpdate,
  releaseUpdate,
  forgetUpdatesBefore,
} from './processed-update.js';
export { mongoOutbox } from './outbox.js';
export { isDatabaseUnavailable } from './errors.js';

export interface MongoStores extends Stores {
  /** Writes the vote counts this process still holds: call before disconnecting. */
  close(): Promise<void>;
}

/** The stores the core uses, over MongoDB. `voterSecret` keys the one-way hash of voters. */
export function createMongoStores(options: {
  voterSecret: string;
  /** How often this process writes the votes it cast to the live counters (default 1 s). */
  voteCountsWriteMs?: number;
}): MongoStores {
  const counts = new VoteCounts(options.voteCountsWriteMs);
  return {
    close: () => counts.close(),
    users: mongoUserStore,
    drafts: mongoDraftStore,
    entries: mongoEntryStore,
    votes: createVoteStore(options.voterSecret, counts),
    reports: createReportStore(options.voterSecret),
    results: mongoResultStore,
    events: mongoCampaignEventStore,
    broadcasts: mongoBroadcastStore,
    admin: mongoAdminStore,
    privacy: createPrivacyStore(options.voterSecret),
    fraud: mongoFraudStore,
    voids: createVoidStore(options.voterSecret, counts),
    jury: mongoJuryStore,
  };
}
export { loadDemoState, saveDemoState, eraseDemoDatabase, type DemoState } from './demo-state.js';
