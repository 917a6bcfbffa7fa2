import type { Campaign } from '../../handlers/campaign.js';
import { localDate, phaseAt } from '../../handlers/campaign-clock.js';
import type { Deps } from '../../handlers/index.js';
import type { Text, UserRef } from '../../handlers/protocol.js';
import type { Clock } from '../../handlers/ports.js';
import { entryLinkArg } from '../../handlers/links.js';
import { publishDue } from '../../handlers/publish.js';
import { runDueEvents } from '../../handlers/schedule.js';
import {
  connectDatabase,
  createMongoStores,
  disconnectDatabase,
  eraseDemoDatabase,
  loadDemoState,
  mongoOutbox,
  saveDemoState,
  type MongoStores,
} from '../../models/index.js';
import { secretsOf, type Config } from '../config.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { createLogger, type Logger } from '../logger.js';
import { MediaLibrary } from '../media-library.js';
import { createSite } from '../web/site.js';
import { panelRoute } from '../web/panel.js';
import { PANEL_ACCESS } from '../web/panel-access.js';
import { runTerminalChat, TERMINAL_LIMITS, TERMINAL_USER } from './chat.js';
import { createCore } from '../core.js';
import {
  DEMO_ENTRIES,
  DemoClock,
  demoCampaign,
  demoDatabaseUri,
  nextPhase,
  seedDemo,
} from './demo.js';

/**
 * The website beside the terminal chat, on HTTP_PORT (another free port when that one is taken):
 * the demo's entries, pictures and results, as the contest's site shows them. It listens first
 * (its address goes into the core's panel links) and serves once given the core.
 */
async function openSite(
  config: Config,
  log: Logger,
): Promise<{ url: string; serve(deps: Deps): void; close(): Promise<void> }> {
  const library = new MediaLibrary(log);
  // The terminal's "photo PATH": the file is the media.
  library.registerDownload('terminal', async (media) => ({
    bytes: await readFile(media.fileId),
    contentType: 'application/octet-stream',
  }));
  let handler: ReturnType<typeof createSite> | undefined;
  const server = createServer((req, res) => {
    if (!handler) return void res.writeHead(503).end();
    handler(req, res).catch(() => res.headersSent || res.writeHead(500).end());
  });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const port = await listen(config.HTTP_PORT).catch(() => listen(0));
  const siteUrl = `http://localhost:${port}`;
  return {
    url: siteUrl,
    serve(deps) {
      handler = createSite(deps, library, { siteUrl, platforms: [], log }, [
        (s) => panelRoute(s, PANEL_ACCESS),
      ]);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * The bot in the terminal: the same core and database, the person at the keyboard moderating too.
 * Unless DEMO=0, a demo campaign with dates around today, entries by other people and a movable
 * clock, in a database of its own; a second run goes on where the first stopped, and
 * /restartdemo starts it over.
 */
export async function startTerminal(
  config: Config,
  campaign: Campaign,
  realClock: Clock,
): Promise<void> {
  const demo = process.env.DEMO !== '0';
  await connectDatabase(demo ? demoDatabaseUri(config.MONGODB_URI) : config.MONGODB_URI);
  const newStores = () => createMongoStores({ voterSecret: config.VOTER_HASH_SECRET });
  const log = createLogger('warn', secretsOf(config));
  const site = await openSite(config, log);
  // The person at the keyboard moderates: /panel gives them a link, as in the bot.
  const panelLink = async (who: UserRef) =>
    `${site.url}/panel/login?t=${await PANEL_ACCESS.issue(who, new Date())}`;
  const deps = createCore({
    config,
    campaign,
    clock: realClock,
    stores: newStores(),
    outbox: mongoOutbox,
    processId: 'terminal',
    // One person at one keyboard: nothing to share, and one photo at a time.
    shared: false,
    albumSettleMs: 0,
    admins: [{ platform: TERMINAL_USER.platform, id: TERMINAL_USER.id }],
    channels: [],
    links: { entry: (_platform, number) => `/start ${entryLinkArg(number)}` },
    platformLimits: { [TERMINAL_USER.platform]: TERMINAL_LIMITS },
    panelLink,
  });
  site.serve(deps);

  /** The day the demo's dates are built around: kept with its clock, so a second run goes on. */
  let anchor = '';
  /** A new demo (first run, or /restartdemo): dates around today, the clock at now, seeded. */
  const freshDemo = async (): Promise<void> => {
    const now = realClock.now();
    anchor = localDate(campaign, now);
    Object.assign(deps, { campaign: demoCampaign(campaign, anchor), clock: new DemoClock() });
    await seedDemo(deps, now);
    await saveDemoState({ anchor, at: now });
  };

  let greeting: Text | undefined;
  if (demo) {
    const state = await loadDemoState();
    if (state) {
      anchor = state.anchor;
      const clock = new DemoClock(state.at);
      Object.assign(deps, { campaign: demoCampaign(campaign, state.anchor), clock });
      const phase = phaseAt(deps.campaign, clock.now());
      greeting = {
        key: 'terminal-demo-resumed',
        args: {
          phase: { key: `phase-name-${phase}` },
          date: { date: localDate(deps.campaign, clock.now()) },
        },
      };
    } else {
      await freshDemo();
      greeting = { key: 'terminal-demo-new', args: { entries: DEMO_ENTRIES } };
    }
  }

  // The campaign clock's work (publication, announcements) runs as the person types; the demo
  // remembers where its clock stands.
  const tick = async () => {
    await publishDue(deps);
    await runDueEvents(deps, 'terminal');
    if (deps.clock instanceof DemoClock) await saveDemoState({ anchor, at: deps.clock.now() });
  };

  const demoCommand = async (name: string): Promise<Text | null> => {
    const clock = deps.clock;
    if (!(clock instanceof DemoClock)) return null;
    if (name === 'nextphase') {
      const phase = nextPhase(deps.campaign, clock);
      return phase
        ? { key: 'terminal-next-phase', args: { phase: { key: `phase-name-${phase}` } } }
        : { key: 'terminal-last-phase' };
    }
    if (name === 'restartdemo') {
      // The vote counts this process holds belong to the demo being erased.
      await (deps.stores as MongoStores).close();
      await eraseDemoDatabase();
      deps.stores = newStores();
      await freshDemo();
      return { key: 'terminal-demo-restarted', args: { entries: DEMO_ENTRIES } };
    }
    return null;
  };

  try {
    await runTerminalChat({
      deps,
      input: process.stdin,
      output: process.stdout,
      exportDir: '.data/exports',
      onLine: tick,
      ...(greeting ? { greeting } : {}),
      site: `${site.url}/`,
      panel: await panelLink(TERMINAL_USER),
      ...(demo ? { demoCommand } : {}),
      log,
    });
  } finally {
    await site.close();
    await (deps.stores as MongoStores).close().catch(() => undefined);
    await disconnectDatabase();
  }
}
