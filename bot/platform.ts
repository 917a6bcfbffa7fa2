import type { Deps } from '../handlers/index.js';
import type { Platform } from '../handlers/protocol.js';
import type { Membership } from '../handlers/ports.js';
import type { Config } from './config.js';
import type { InFlight } from './in-flight.js';
import type { Logger } from './logger.js';
import type { MediaLibrary } from './media-library.js';
import type { Metrics } from './metrics.js';
import type { Transport } from './outbox-sender.js';
import type { RequestHandler } from './http-server.js';

/** What the app gives each platform's edge. */
export interface EdgeContext {
  config: Config;
  deps: Deps;
  metrics: Metrics;
  inFlight: InFlight;
  library: MediaLibrary;
  processId: string;
  log: Logger;
}

/** One platform, started: how the app sends there, receives from it, and stops it. */
export interface PlatformEdge {
  platform: Platform;
  /** How people call it ("Telegram"): on the website's "Vote in …" links. */
  name: string;
  transport: Transport;
  /** Outbox pacing for this platform. */
  ratePerSecond: number;
  /** A paid lane above the free rate (Telegram's paid broadcast), when the operator turned it on. */
  paid?: { ratePerSecond: number; budget: number };
  perChatIntervalMs: number;
  inFlight: number;
  /** Webhook paths served by the HTTP server. */
  webhooks: Record<string, RequestHandler>;
  membership?: Membership;
  /** The most buttons one message may carry here; the core pages longer lists (pages.ts). */
  buttonsPerMessage?: number;
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
  /** Starts taking updates (long polling, or registering the webhook). */
  receive(): Promise<void>;
  stop(): Promise<void>;
}
