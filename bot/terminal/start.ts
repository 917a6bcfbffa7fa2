import type { Campaign } from '../../handlers/campaign.js';
import type { Deps } from '../../handlers/index.js';
import type { Clock } from '../../handlers/ports.js';
import { RateLimiter } from '../../handlers/rate-limit.js';
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
import { DemoClock, demoCampaign, nextPhase, seedDemo } from './demo.js';

/**
 * The bot in the terminal: the same core and database, the person at the keyboard moderating too.
 * Unless DEMO=0, a demo campaign with dates around today, a few entries and a movable clock.
 */
export async function startTerminal(
  config: Config,
  campaign: Campaign,
  realClock: Clock,
): Promise<void> {
  const demo = process.env.DEMO !== '0';
  const clock = demo ? new DemoClock() : realClock;
  const activeCampaign = demo ? demoCampaign(campaign, realClock.now()) : campaign;
  await connectDatabase(config.MONGODB_URI);
  const stores = createMongoStores({ voterSecret: config.VOTER_HASH_SECRET });
  const deps: Deps = {
    stores,
    campaign: activeCampaign,
    clock,
    admins: [{ platform: TERMINAL_USER.platform, id: TERMINAL_USER.id }],
    links: { entry: (_platform, number) => `/start e${number}` },
    channels: [],
    limits: {
      presses: new RateLimiter(config.BUTTON_PRESSES_PER_10S, 10_000),
      messages: new RateLimiter(config.MESSAGES_PER_10S, 10_000),
    },
    outbox: mongoOutbox,
    processId: 'terminal',
  };
  if (demo) await seedDemo(deps, clock.now());
  // The campaign clock's work (publication, announcements) runs as the person types.
  const tick = async () => {
    await publishDue(deps);
    await runDueEvents(deps, 'terminal');
  };
  try {
    await runTerminalChat({
      deps,
      input: process.stdin,
      output: process.stdout,
      exportDir: '.data/exports',
      onLine: tick,
      ...(clock instanceof DemoClock ? { nextPhase: () => nextPhase(activeCampaign, clock) } : {}),
    });
  } finally {
    await stores.close().catch(() => undefined);
    await disconnectDatabase();
  }
}
