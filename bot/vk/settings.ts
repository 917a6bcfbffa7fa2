import { z } from 'zod';
import { flag, idList, webhookSecret } from '../settings.js';

/** VK's environment variables, validated with the rest of the configuration. */
export const vkSettings = {
  /** A community token (Manage community → API usage) with messages, photos and docs rights. */
  VK_TOKEN: z.string().min(20, 'does not look like a VK community token').optional(),
  /** The community's numeric id (without the minus). Required with VK_TOKEN. */
  VK_GROUP_ID: z
    .string()
    .regex(/^\d{1,12}$/, 'must be the numeric community id')
    .optional(),
  VK_API_ROOT: z.url().default('https://api.vk.ru/method'),
  /** Requests a second to the VK API: a community token allows 20. */
  VK_API_LIMIT: z.coerce.number().int().min(1).max(20).default(20),
  VK_ADMIN_IDS: idList,
  VK_ORGANISER_IDS: idList,
  /** longpoll: one machine. callback: VK posts events to VK_CALLBACK_PATH on the HTTP server. */
  VK_MODE: z.enum(['longpoll', 'callback']).default('longpoll'),
  VK_CALLBACK_PATH: z
    .string()
    .regex(/^\/[\w/-]*$/, 'must be a path such as /vk')
    .default('/vk'),
  /** The "Secret key" set in the community's Callback API settings; checked on every request. */
  VK_CALLBACK_SECRET: webhookSecret.optional(),
  /** The "String to be returned" shown in the community's Callback API settings. */
  VK_CONFIRMATION: z
    .string()
    .regex(/^\w{4,64}$/, 'must be the confirmation string VK shows')
    .optional(),
  /** Messages a second the outbox sends on VK (identical messages go out 100 to a request). */
  VK_RATE_PER_SECOND: z.coerce.number().positive().max(5000).default(100),
  /** When true, only members of the community may vote on VK (groups.isMember). */
  VK_VOTE_MEMBERS_ONLY: flag,
  /** A VK Mini App of the contest (its id and secret key): its launch parameters are checked. */
  VK_APP_ID: z
    .string()
    .regex(/^\d{1,12}$/)
    .optional(),
  VK_APP_SECRET: z.string().min(8).optional(),
};
