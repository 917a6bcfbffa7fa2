import { definePlatform } from '../platform.js';
import { vkSettings } from './settings.js';

/** VK: a community's bot, on Bots Long Poll or the Callback API. */
export const vk = definePlatform({
  settings: vkSettings,
  secrets: ['VK_TOKEN', 'VK_CALLBACK_SECRET', 'VK_APP_SECRET'],
  configured: (env) => Boolean(env.VK_TOKEN),
  check(env, issue) {
    if (!env.VK_TOKEN) return;
    if (!env.VK_GROUP_ID) issue('VK_GROUP_ID', 'is required with VK_TOKEN');
    if (env.VK_MODE !== 'callback') return;
    if (!env.VK_CALLBACK_SECRET) issue('VK_CALLBACK_SECRET', 'is required when VK_MODE=callback');
    if (!env.VK_CONFIRMATION) issue('VK_CONFIRMATION', 'is required when VK_MODE=callback');
  },
  // vk-io is loaded only when VK is configured.
  open: async (ctx, options) => (await import('./start.js')).openVk(ctx, options),
});
