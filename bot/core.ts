import type { Campaign } from '../handlers/campaign.js';
import type { Deps, Stores } from '../handlers/turn.js';
import type { Clock, Links, Membership } from '../handlers/ports.js';
import type { Outbox, Platform, PlatformLimits, UserRef } from '../handlers/protocol.js';
import { RateLimiter } from '../handlers/rate-limit.js';
import { sharedCounts } from '../models/rate-counts.js';
import type { Config } from './config.js';
import { pressTokens } from './press-tokens.js';

// The core as every front end gets it: the app (Telegram, VK, the website) and the terminal chat
// build their Deps here, from the configuration and what their edges declare.

export interface CoreOptions {
  config: Config;
  campaign: Campaign;
  clock: Clock;
  stores: Stores;
  outbox: Outbox;
  /** Names this process in leases (campaign events, broadcast jobs). */
  processId: string;
  /** Several processes share one database: limits are counted there too, cards are signed. */
  shared: boolean;
  /** Gives an album's photos a moment to arrive, when the edge cannot say how many there are. */
  albumSettleMs: number;
  /** What the edges declare (see bot/platform.ts and fromEdges in app.ts). */
  admins: UserRef[];
  organisers?: UserRef[];
  channels: UserRef[];
  links: Links;
  platformLimits?: Partial<Record<Platform, PlatformLimits>>;
  sharesContacts?: Platform[];
  membership?: Partial<Record<Platform, Membership>>;
  /** Long work after the answer (see Deps.afterAnswer). */
  afterAnswer?: (work: () => Promise<void>) => void;
  /** Rests between pages of long work (see Deps.giveWay). */
  giveWay?: (workedMs: number) => Promise<void>;
  /** One-time links into the organisers' panel (the website). */
  panelLink?: (who: UserRef) => Promise<string>;
}

export function createCore(o: CoreOptions): Deps {
  const { config } = o;
  const limiter = (name: string, limit: number) =>
    o.shared
      ? new RateLimiter(limit, 10_000, sharedCounts(name, config.VOTER_HASH_SECRET))
      : new RateLimiter(limit, 10_000);
  return {
    stores: o.stores,
    campaign: o.campaign,
    clock: o.clock,
    admins: o.admins,
    channels: o.channels,
    links: o.links,
    ...(o.organisers ? { organisers: o.organisers } : {}),
    ...(o.platformLimits ? { platformLimits: o.platformLimits } : {}),
    ...(o.sharesContacts ? { sharesContacts: o.sharesContacts } : {}),
    ...(o.membership ? { membership: o.membership } : {}),
    ...(o.panelLink ? { panelLink: o.panelLink } : {}),
    ...(o.afterAnswer ? { afterAnswer: o.afterAnswer } : {}),
    ...(o.giveWay ? { giveWay: o.giveWay } : {}),
    limits: {
      presses: limiter('presses', config.BUTTON_PRESSES_PER_10S),
      messages: limiter('messages', config.MESSAGES_PER_10S),
    },
    ...(o.shared ? { pressTokens: pressTokens(config.VOTER_HASH_SECRET) } : {}),
    outbox: o.outbox,
    processId: o.processId,
    albumSettle: o.albumSettleMs
      ? () => new Promise((resolve) => setTimeout(resolve, o.albumSettleMs))
      : async () => undefined,
  };
}
