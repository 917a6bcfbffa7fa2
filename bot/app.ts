import { randomUUID } from 'node:crypto';
import type { Campaign } from '../handlers/campaign.js';
import type { Deps } from '../handlers/index.js';
import type { Outbox, UserRef } from '../handlers/protocol.js';
import type { Clock } from '../handlers/ports.js';
import { cachedEntries, cachedResults, clearingEntries, countedVotes } from './caches.js';
import { forgetRateCountsBefore } from '../models/rate-counts.js';
import { forgetSenderLeasesBefore } from '../models/sender-lease.js';
import { publishDue } from '../handlers/publish.js';
import { runDueEvents } from '../handlers/schedule.js';
import { analyseAndAlert } from '../handlers/integrity.js';
import { recheckDue, recheckMembership } from '../handlers/recheck.js';
import { phaseAt } from '../handlers/campaign-clock.js';
import { reconcileVoteCounts } from '../models/vote-reconcile.js';
import { takeSlot } from '../models/slots.js';
import { resumeBroadcasts } from '../handlers/broadcast.js';
import {
  connectDatabase,
  createMongoStores,
  disconnectDatabase,
  forgetUpdatesBefore,
  mongoOutbox,
} from '../models/index.js';
import { deliveryFigures } from '../models/delivery-counters.js';
import { forgetInboxBefore } from '../models/inbox.js';
import { pruneOutbox } from '../models/outbox.js';
import { OutboxFigures } from './outbox-figures.js';
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { OutboxSender } from './outbox-sender.js';
import { startHttpServer, type RequestHandler } from './http-server.js';
import { GiveWay } from './give-way.js';
import { InFlight } from './in-flight.js';
import { MediaLibrary } from './media-library.js';
import type { EdgeContext, PlatformEdge } from './platform.js';
import { PLATFORMS } from './platforms.js';
import { createMetrics, type Metrics } from './metrics.js';
import { createSite, type MiniAppOptions } from './web/site.js';
import { createCore, type CoreOptions } from './core.js';
import { panelRoute } from './web/panel.js';
import { miniAppRoute } from './web/mini-app.js';
import { PANEL_ACCESS } from './web/panel-access.js';

export interface App {
  /** The port of the HTTP server (webhooks, /healthz, /metrics with a token). */
  httpPort: number;
  /** The port of the metrics server, when METRICS_PORT is set. */
  metricsPort?: number;
  deps: Deps;
  /** One outbox sender per configured platform. */
  senders: OutboxSender[];
  /** Nothing claimed or on its way in any sender. */
  readonly outboxIdle: boolean;
  /** Resolves when no update is being handled (a webhook reply can end a request before that). */
  handlersIdle(): Promise<void>;
  /** Runs the clock's work once (publication, announcements); a timer calls it, tests call it too. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface AppOptions {
  /** Take updates (long polling). Off for a process that only sends and keeps the clock. */
  poll?: boolean;
}

/** The stores the core uses, with this process's caches and counters around the database's. */
function storesOf(config: Config, metrics: Metrics) {
  const base = createMongoStores({
    voterSecret: config.VOTER_HASH_SECRET,
    voteCountsWriteMs: config.VOTE_COUNTS_WRITE_MS,
  });
  const entries = cachedEntries(base.entries);
  return {
    base,
    stores: {
      ...base,
      entries,
      privacy: clearingEntries(base.privacy, entries),
      votes: countedVotes(base.votes, metrics),
      results: cachedResults(base.results),
    },
  };
}

/** What each edge declares, for the core: moderators, channels, links, limits, membership rule. */
function fromEdges(
  edges: PlatformEdge[],
): Pick<
  CoreOptions,
  | 'admins'
  | 'organisers'
  | 'channels'
  | 'links'
  | 'platformLimits'
  | 'sharesContacts'
  | 'membership'
> {
  const each = (e: PlatformEdge, ids: string[] = []): UserRef[] =>
    ids.map((id) => ({ platform: e.platform, id }));
  return {
    // Organisers moderate too.
    admins: edges.flatMap((e) => each(e, [...new Set([...e.moderators, ...(e.organisers ?? [])])])),
    organisers: edges.flatMap((e) => each(e, e.organisers)),
    channels: edges.flatMap((e) => each(e, e.channels)),
    // A share link for the platform the author is on, else for the first one configured.
    links: {
      entry: (platform, number) =>
        (edges.find((e) => e.platform === platform) ?? edges[0]!).entryLink(number),
      app: (platform, number) =>
        edges.find((e) => e.platform === platform)?.appLink?.(number) ?? null,
    },
    platformLimits: Object.fromEntries(edges.map((e) => [e.platform, e.limits])),
    sharesContacts: edges.filter((e) => e.sharesContacts).map((e) => e.platform),
    membership: Object.fromEntries(
      edges.flatMap((e) => (e.membership ? [[e.platform, e.membership]] : [])),
    ),
  };
}

/** The Mini App, for the platforms whose edges open one. */
function miniAppOf(config: Config, edges: PlatformEdge[]): MiniAppOptions | undefined {
  const keys = edges.flatMap((e) => (e.miniApp ? [e.miniApp] : []));
  if (!keys.length) return undefined;
  return Object.assign(
    { maxAgeSeconds: config.MINI_APP_MAX_AGE_SECONDS },
    ...keys,
  ) as MiniAppOptions;
}

/** The edges configured: each platform whose token is set, opened but not yet taking updates. */
async function openEdges(ctx: EdgeContext, poll: boolean): Promise<PlatformEdge[]> {
  const edges: PlatformEdge[] = [];
  for (const platform of PLATFORMS)
    if (platform.configured(ctx.config)) edges.push(await platform.open(ctx, { poll }));
  if (!edges.length) throw new Error('no platform configured: set TELEGRAM_BOT_TOKEN or VK_TOKEN');
  return edges;
}

function senderFor(
  edge: PlatformEdge,
  { config, log, processId }: EdgeContext,
  stores: Deps['stores'],
  giveWay: GiveWay,
): OutboxSender {
  return new OutboxSender(edge.transport, log.child({ part: 'outbox', platform: edge.platform }), {
    owner: processId,
    ratePerSecond: edge.ratePerSecond,
    ...(edge.paid
      ? {
          paid: {
            ...edge.paid,
            spent: async () => (await deliveryFigures())[edge.platform]?.paid ?? 0,
          },
        }
      : {}),
    perChatIntervalMs: edge.perChatIntervalMs,
    inFlight: edge.inFlight,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    idleMs: 250,
    onUnreachable: (reply) => stores.users.markUnreachable(reply.to),
    giveWay,
  });
}

/**
 * The campaign clock's work, every CLOCK_TICK_SECONDS, one tick at a time (a tick that outlasts
 * the interval is not joined by the next, which would take over the same work); and the live
 * vote counters checked against the votes while voting, by one process at a time.
 */
function startClock(deps: Deps, { config, library, log, processId }: EdgeContext) {
  const { campaign, clock } = deps;
  let prunedAt = 0;
  const housekeeping = async () => {
    if (Date.now() - prunedAt < HOUR_MS) return;
    prunedAt = Date.now();
    await forgetRateCountsBefore(new Date(Date.now() - HOUR_MS));
    await forgetSenderLeasesBefore(new Date(Date.now() - HOUR_MS));
    const pruned = await pruneOutbox(new Date(Date.now() - config.OUTBOX_KEEP_DAYS * DAY_MS));
    if (pruned) log.info({ pruned }, 'old outbox rows removed');
  };
  // The vote analysis, once an interval of the campaign clock while voting, by one process.
  const scheduledAnalysis = async () => {
    const now = clock.now();
    if (phaseAt(campaign, now) !== 'voting') return;
    const every = campaign.fraud.everyMinutes * 60_000;
    const slot = `fraud-analysis:${Math.floor(now.getTime() / every)}`;
    if (!(await takeSlot(slot, processId, every))) return;
    await analyseAndAlert(deps);
    log.info('vote analysis ran');
  };
  const tickMs = config.CLOCK_TICK_SECONDS * 1000;
  const tick = async () => {
    await library.keepNew();
    await publishDue(deps);
    const ran = await runDueEvents(deps, processId);
    if (ran.length) log.info({ events: ran }, 'campaign events');
    await scheduledAnalysis();
    // Before the close, with a membership rule: a few seconds of re-checking per tick.
    if (recheckDue(deps) && (await takeSlot('membership-recheck', processId, tickMs - 500))) {
      const checked = await recheckMembership(deps, tickMs * 0.8);
      if (checked) log.info({ checked }, 'voters’ membership checked again');
    }
    const resumed = await resumeBroadcasts(deps);
    if (resumed) log.info({ resumed }, 'broadcasts resumed after a stop');
    await housekeeping();
  };
  const counterLooks = new Map();
  const checkEvery = config.VOTE_COUNTS_CHECK_SECONDS * 1000;
  let checking = false;
  const checkCounters = setInterval(() => {
    if (checking || phaseAt(campaign, clock.now()) !== 'voting') return;
    checking = true;
    takeSlot('vote-counts-check', processId, checkEvery - 500)
      .then((mine) => (mine ? reconcileVoteCounts(counterLooks) : 0))
      .then((corrected) => corrected && log.warn({ corrected }, 'vote counters corrected'))
      .catch((error: unknown) => log.warn({ err: error }, 'vote counter check failed'))
      .finally(() => (checking = false));
  }, checkEvery);
  checkCounters.unref();
  let ticking: Promise<void> | null = null;
  const startTick = () => {
    ticking ??= tick()
      .catch((error: unknown) => log.error({ err: error }, 'clock tick failed'))
      .finally(() => (ticking = null));
  };
  const timer = setInterval(startTick, tickMs);
  timer.unref();
  startTick();
  return {
    /** A tick on demand (tests): after the one in hand, never beside it. */
    async tick(): Promise<void> {
      while (ticking) await ticking;
      const run = tick();
      ticking = run.catch(() => undefined).finally(() => (ticking = null));
      return run;
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      clearInterval(checkCounters);
      await ticking;
    },
  };
}

/** Starts the whole bot: database, each configured platform, the outbox senders, the clock. */
export async function startApp(
  config: Config,
  campaign: Campaign,
  clock: Clock,
  log: Logger,
  options: AppOptions = {},
): Promise<App> {
  const processId = randomUUID();
  await connectDatabase(config.MONGODB_URI, config.DATABASE_TIMEOUT_MS);
  // Update and event ids older than a day can no longer be redelivered.
  await forgetUpdatesBefore(new Date(Date.now() - DAY_MS));
  await forgetInboxBefore(new Date(Date.now() - DAY_MS));

  // Queuing wakes the senders at once rather than at their next look.
  let senders: OutboxSender[] = [];
  const outbox: Outbox = {
    async enqueue(items, chunkId) {
      const queued = await mongoOutbox.enqueue(items, chunkId);
      if (queued) senders.forEach((s) => s.poke());
      return queued;
    },
  };
  const figures = new OutboxFigures();
  const metrics = createMetrics(figures);
  const inFlight = new InFlight();
  const { base, stores } = storesOf(config, metrics);
  const siteUrl = config.SITE_URL ?? `http://localhost:${config.HTTP_PORT}`;
  const library = new MediaLibrary(log.child({ part: 'media' }));
  const ctx: EdgeContext = { config, campaign, metrics, inFlight, library, processId, log };
  const edges = await openEdges(ctx, options.poll !== false);
  const giveWay = new GiveWay(() => inFlight.waiting(), config.GIVE_WAY_MS);
  const deps = createCore({
    config,
    campaign,
    clock,
    stores,
    outbox,
    processId,
    shared: true,
    // Telegram's webhook brings an album's photos a few hundred milliseconds apart.
    albumSettleMs: 1_500,
    afterAnswer: (work) =>
      void inFlight
        .run(work)
        .catch((error: unknown) => log.error({ err: error }, 'work after an answer failed')),
    giveWay: (workedMs) => giveWay.rest(workedMs),
    panelLink: async (who) =>
      `${siteUrl}/panel/login?t=${await PANEL_ACCESS.issue(who, new Date())}`,
    ...fromEdges(edges),
  });
  const connected = edges.map((edge) => edge.connect(deps));

  giveWay.start();
  senders = edges.map((edge) => senderFor(edge, ctx, stores, giveWay));
  senders.forEach((s) => s.start());
  figures.start();
  const miniApp = miniAppOf(config, edges);
  const http = await startHttpServer({
    host: config.HTTP_HOST,
    port: config.HTTP_PORT,
    metrics,
    outbox: figures,
    log,
    webhooks: Object.assign({}, ...connected.map((e) => e.webhooks)) as Record<
      string,
      RequestHandler
    >,
    site: createSite(
      deps,
      library,
      {
        siteUrl,
        platforms: edges.map((e) => e.platform),
        ...(miniApp ? { miniApp } : {}),
        log: log.child({ part: 'site' }),
      },
      [miniAppRoute, (site) => panelRoute(site, PANEL_ACCESS)],
    ),
    ...(config.METRICS_TOKEN ? { metricsToken: config.METRICS_TOKEN } : {}),
    ...(config.METRICS_PORT !== undefined
      ? { metricsPort: config.METRICS_PORT, metricsHost: config.METRICS_HOST }
      : {}),
  });
  for (const edge of connected) await edge.receive();
  const ticker = startClock(deps, ctx);

  return {
    httpPort: http.port,
    ...(http.metricsPort !== undefined ? { metricsPort: http.metricsPort } : {}),
    deps,
    senders,
    get outboxIdle() {
      return senders.every((s) => s.idle);
    },
    handlersIdle: () => inFlight.idle(10_000),
    tick: () => ticker.tick(),
    /** Graceful: stop taking updates, finish what is in hand, give back outbox leases. */
    async stop() {
      // The clock stops at once; a tick in hand is waited for below.
      const ticked = ticker.stop();
      giveWay.stop();
      figures.stop();
      for (const edge of connected) await edge.stop();
      await http.close();
      await inFlight.idle(8_000);
      await ticked;
      for (const sender of senders) await sender.stop();
      await base
        .close()
        .catch((error: unknown) => log.warn({ err: error }, 'vote counts not written'));
      await disconnectDatabase();
    },
  };
}
