import type { Stores } from '../handlers/ports.js';
import { mongoDraftStore } from './draft.js';
import { mongoEntryStore } from './entry.js';
import { mongoUserStore } from './user.js';

export { connectDatabase, disconnectDatabase } from './connection.js';
export {
  claimUpdate,
  finishUpdate,
  releaseUpdate,
  forgetUpdatesBefore,
} from './processed-update.js';

export const mongoStores: Stores = {
  users: mongoUserStore,
  drafts: mongoDraftStore,
  entries: mongoEntryStore,
};
