import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { API, Upload } from 'vk-io';
import type { Membership } from '../../handlers/ports.js';
import { downloadUrl } from '../media-library.js';
import type { EdgeContext, PlatformEdge } from '../platform.js';
import { InboxWorker } from '../inbox-worker.js';
import { defaultInFlight } from '../outbox-sender.js';
import { vkCallback } from './callback.js';
import { createVkEdge } from './edge.js';
import { VkLongPoll } from './polling.js';
import { VK_LIMITS, type VkOut } from './render.js';
import { entryLinkArg } from '../../handlers/links.js';
import { vkTransport } from './transport.js';
import { VkNames } from './names.js';

/** The VK API version the bot is written against. */
export const VK_API_VERSION = '5.199';

/** "Voters must be members of the community", checked with groups.isMember. */
function vkMembership(api: API, groupId: number, ctx: EdgeContext): Membership {
  return {
    channel: `vk.com/club${groupId}`,
    async isMember(user) {
      try {
        const member = await api.groups.isMember({
          group_id: String(groupId),
          user_id: Number(user.id),
        });
        return Number(member) === 1;
      } catch (error) {
        ctx.log.error({ err: error }, 'groups.isMember failed; letting the vote through');
        return true;
      }
    },
  };
}

/** VK: a community bot on Bots Long Poll or the Callback API, and its outbox transport. */
export async function openVk(ctx: EdgeContext, options: { poll: boolean }): Promise<PlatformEdge> {
  const { config, log } = ctx;
  const groupId = Number(config.VK_GROUP_ID);
  // vk-io's default agent speaks HTTPS only; a local API root (tests, a proxy) may be plain HTTP.
  const agent = config.VK_API_ROOT.startsWith('http:')
    ? (new HttpAgent({ keepAlive: true }) as unknown as HttpsAgent)
    : new HttpsAgent({ keepAlive: true });
  const api = new API({
    agent,
    token: config.VK_TOKEN!,
    apiBaseUrl: config.VK_API_ROOT,
    apiVersion: VK_API_VERSION,
    // vk-io's default is 3 requests a second; a community token allows 20.
    apiLimit: config.VK_API_LIMIT,
    apiRetryLimit: 2,
  });
  const upload = new Upload({ api, agent });
  const vkLog = log.child({ platform: 'vk' });
  const out: VkOut = { api, upload, library: ctx.library, log: vkLog };
  ctx.library.registerDownload('vk', async (media) => {
    if (!media.url) throw new Error('a VK video cannot be downloaded with a community token');
    return downloadUrl(media.url);
  });

  const names = new VkNames(api);
  const callback = config.VK_MODE === 'callback';
  return {
    platform: 'vk',
    transport: vkTransport(out),
    ratePerSecond: config.VK_RATE_PER_SECOND,
    perChatIntervalMs: 0,
    // Enough on its way at once for identical messages to gather into batches of 100.
    inFlight: Math.max(config.OUTBOX_IN_FLIGHT ?? defaultInFlight(config.VK_RATE_PER_SECOND), 100),
    limits: VK_LIMITS,
    ...(config.VK_APP_ID && config.VK_APP_SECRET
      ? { miniApp: { vkApp: { id: config.VK_APP_ID, secret: config.VK_APP_SECRET } } }
      : {}),
    ...(config.VK_VOTE_MEMBERS_ONLY ? { membership: vkMembership(api, groupId, ctx) } : {}),
    // VK hands the ref to the bot with the first message after the link: "e17" opens entry 17.
    moderators: config.VK_ADMIN_IDS,
    organisers: config.VK_ORGANISER_IDS,
    entryLink: (number) => `https://vk.me/club${groupId}?ref=${entryLinkArg(number)}`,
    connect(deps) {
      const edge = createVkEdge({
        out,
        deps,
        metrics: ctx.metrics,
        inFlight: ctx.inFlight,
        processId: ctx.processId,
        claimLeaseMs: callback ? 15_000 : 0,
        log,
        nameOf: (userId) => names.nameOf(userId),
        moderators: [...config.VK_ADMIN_IDS, ...config.VK_ORGANISER_IDS],
      });
      const polling = new VkLongPoll(api, groupId, edge.handle, vkLog);
      const inbox = new InboxWorker({
        platform: 'vk',
        owner: ctx.processId,
        // A handler normally ends in well under a second; one killed is taken over this soon.
        leaseMs: 10_000,
        handle: edge.handle,
        tellAway: edge.tellAway,
        log: vkLog,
      });
      const webhooks = callback
        ? {
            [config.VK_CALLBACK_PATH]: vkCallback({
              secret: config.VK_CALLBACK_SECRET!,
              confirmation: config.VK_CONFIRMATION!,
              groupId,
              inbox,
            }),
          }
        : {};
      return {
        webhooks,
        async receive() {
          if (!options.poll) return;
          if (callback) {
            inbox.start();
            vkLog.info({ path: config.VK_CALLBACK_PATH }, 'VK Callback API');
            return;
          }
          polling.start();
          vkLog.info({ groupId }, 'VK Bots Long Poll started');
        },
        async stop() {
          await polling.stop();
          await inbox.stop();
        },
      };
    },
  };
}
