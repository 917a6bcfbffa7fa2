import type { Campaign } from '../../handlers/campaign.js';
import type { Deps } from '../../handlers/index.js';
import type { Clock } from '../../handlers/ports.js';
import { PressLimiter } from '../../handlers/press-limit.js';
import { publishDue } from '../../handlers/publish.js';
import { runDueEvents } from '../../handlers/schedule.js';
import {
  connectDatabase,
  createMongoStores,
  disconnectDatabase,
  mongoOutbox,
} from '../../models/index.js';
import type { Config } from '../config.js';
import { runTerminalChat, TERMINAL_USER } from './chat.js';

/** The bot in the terminal: the same core and database, the person at the keyboard moderating too. */
export async function startTerminal(
  config: Config,
  campaign: Campaign,
  clock: Clock,
): Promise<void> {
  await connectDatabase(config.MONGODB_URI);
  const deps: Deps = {
    stores: createMongoStores({ voterSecret: config.VOTER_HASH_SECRET }),
    campaign,
    clock,
    admins: [{ platform: TERMINAL_USER.platform, id: TERMINAL_USER.id }],
    links: { entry: (_platform, number) => `/start e${number}` },
    channels: [],
    pressLimiter: new PressLimiter(config.BUTTON_PRESSES_PER_10S, 10_000),
    outbox: mongoOutbox,
  };
  // The campaign clock's work (publication) runs as the person types: no timers to wait for.
  const tick = async () => {
    await publishDue(deps);
    await runDueEvents(deps, 'terminal');
  };
  await tick();
  try {
    await runTerminalChat({
      deps,
      input: process.stdin,
      output: process.stdout,
      exportDir: '.data/exports',
      onLine: tick,
    });
  } finally {
    await disconnectDatabase();
  }
}
