import type { Stores } from '../handlers/ports.js';
import { mongoAdminStore } from './admin.js';
import { mongoBroadcastStore } from './broadcast.js';
import { mongoEventStore } from './campaign-event.js';
import { mongoDraftStore } from './draft.js';
import { mongoEntryStore } from './entry.js';
import { mongoReportStore } from './report.js';
import { mongoResultStore } from './results.js';
import { mongoUserStore } from './user.js';
import { createVoteStore } from './vote.js';

export { connectDatabase, disconnectDatabase } from './connection.js';
export {
  claimUpdate,
  finishUpdate,
  releaseUpdate,
  forgetUpdatesBefore,
} from './processed-update.js';
export { mongoOutbox } from './outbox.js';
export { isDatabaseUnavailable } from './errors.js';

/** The stores the core uses, over MongoDB. `voterSecret` keys the one-way hash of voters. */
export function createMongoStores(options: { voterSecret: string }): Stores {
  return {
    users: mongoUserStore,
    drafts: mongoDraftStore,
    entries: mongoEntryStore,
    votes: createVoteStore(options.voterSecret),
    reports: mongoReportStore,
    results: mongoResultStore,
    events: mongoEventStore,
    broadcasts: mongoBroadcastStore,
    admin: mongoAdminStore,
  };
}
