import type { z, ZodObject, ZodRawShape } from 'zod';
import type { Deps } from '../handlers/index.js';
import type { Campaign } from '../handlers/campaign.js';
import type { Platform, PlatformLimits } from '../handlers/protocol.js';
import type { Membership } from '../handlers/ports.js';
import type { Config } from './config.js';
import type { InFlight } from './in-flight.js';
import type { Logger } from './logger.js';
import type { MediaLibrary } from './media-library.js';
import type { Metrics } from './metrics.js';
import type { Transport } from './outbox-sender.js';
import type { RequestHandler } from './http-server.js';
import type { MiniAppKeys } from './web/site.js';

/** What the app gives each platform's edge when opening it, before the core exists. */
export interface EdgeContext {
  config: Config;
  campaign: Campaign;
  metrics: Metrics;
  inFlight: InFlight;
  library: MediaLibrary;
  processId: string;
  log: Logger;
}

/**
 * One platform, opened (its API reached, its bot's name known): what it declares to the core
 * and to its outbox sender, and how the app sends there. It takes updates only once connected
 * to the core, which is built from these declarations: nothing is filled in after the start.
 */
export interface PlatformEdge {
  platform: Platform;
  transport: Transport;
  /** Outbox pacing for this platform. */
  ratePerSecond: number;
  /** A paid lane above the free rate (Telegram's paid broadcast), when the operator turned it on. */
  paid?: { ratePerSecond: number; budget: number };
  perChatIntervalMs: number;
  inFlight: number;
  /** What its messages and buttons hold; the core pages longer lists (pages.ts). */
  limits: PlatformLimits;
  membership?: Membership;
  /** People here can share their own phone number with a button (rules.requirePhone). */
  sharesContacts?: boolean;
  /** The ids of the moderators here (from this platform's configuration). */
  moderators: string[];
  /**
   * The ids of the organisers here: they moderate too, and also broadcast, export, void votes and
   * see the results before they are public. None on any platform: every moderator is one.
   */
  organisers?: string[];
  /** Channels here that get a post per published entry, and the results. */
  channels?: string[];
  /** The entry in the contest's Mini App, where this platform opens one. */
  appLink?(number: number): string;
  /** The link that opens an entry in this platform's bot, for sharing. */
  entryLink(number: number): string;
  /** What the website checks a Mini App's launch data with, when this platform opens one. */
  miniApp?: MiniAppKeys;
  /** Hands the edge the core: its updates are handled from now on. */
  connect(deps: Deps): ConnectedEdge;
}

/** An edge connected to the core. */
export interface ConnectedEdge {
  /** Webhook paths served by the HTTP server. */
  webhooks: Record<string, RequestHandler>;
  /** Starts taking updates (long polling, or registering the webhook). */
  receive(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A platform the bot can run on: its environment variables (validated with the rest of the
 * configuration) and how its edge is opened. Adding a platform is its folder, one of these, and
 * its line in bot/platforms.ts.
 */
export interface PlatformModule<S extends ZodRawShape = ZodRawShape> {
  settings: S;
  /** The variables whose values must never reach a log line. */
  secrets: (keyof S & string)[];
  /** Set up in this environment (its token given): the app opens its edge. */
  configured(env: z.infer<ZodObject<S>>): boolean;
  /** Rules between its variables: `issue` names one that is missing or wrong. */
  check(env: z.infer<ZodObject<S>>, issue: (name: keyof S & string, message: string) => void): void;
  open(ctx: EdgeContext, options: { poll: boolean }): Promise<PlatformEdge>;
}

/** Declares a platform, keeping its settings' types. */
export function definePlatform<S extends ZodRawShape>(
  module: PlatformModule<S>,
): PlatformModule<S> {
  return module;
}
