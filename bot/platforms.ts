import { telegram } from './telegram/platform.js';
import { vk } from './vk/platform.js';

/** Every platform the bot can run on; each configured one gets an edge (bot/app.ts). */
export const PLATFORMS = [telegram, vk] as const;
