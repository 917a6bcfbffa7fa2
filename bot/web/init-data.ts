import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../handlers/protocol.js';

// A Telegram Mini App's launch data (initData), checked as Telegram documents it: the fields but
// `hash`, sorted and joined "key=value" by newlines, signed with HMAC-SHA256 under a key that is
// HMAC-SHA256("WebAppData", bot token). Data that does not verify, or is older than allowed, is
// refused: whoever holds it could otherwise vote as someone else.

export interface MiniAppPerson {
  actor: Actor;
  /** What the Mini App was opened with (`startapp=e17` → "e17"). */
  startParam?: string;
}

export function checkInitData(
  initData: string,
  botToken: string,
  now: Date,
  maxAgeSeconds: number,
): MiniAppPerson | null {
  if (initData.length > 4096) return null;
  const fields = new URLSearchParams(initData);
  const hash = fields.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/.test(hash)) return null;
  fields.delete('hash');
  const checked = [...fields.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  const key = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const expected = createHmac('sha256', key).update(checked).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) return null;
  const authDate = Number(fields.get('auth_date'));
  if (!Number.isInteger(authDate) || now.getTime() / 1000 - authDate > maxAgeSeconds) return null;
  let user: { id?: unknown; language_code?: unknown; first_name?: unknown; last_name?: unknown };
  try {
    user = JSON.parse(fields.get('user') ?? '') as typeof user;
  } catch {
    return null;
  }
  if (typeof user.id !== 'number' || !Number.isSafeInteger(user.id)) return null;
  const name = [user.first_name, user.last_name].filter((n) => typeof n === 'string').join(' ');
  const startParam = fields.get('start_param');
  return {
    actor: {
      platform: 'telegram',
      id: String(user.id),
      ...(typeof user.language_code === 'string' ? { langHint: user.language_code } : {}),
      ...(name ? { displayName: name.slice(0, 200) } : {}),
    },
    ...(startParam ? { startParam } : {}),
  };
}

/** Signs launch data as Telegram does (tests, and a local try-out of the Mini App). */
export function signInitData(fields: Record<string, string>, botToken: string): string {
  const checked = Object.entries(fields)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
  const key = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const hash = createHmac('sha256', key).update(checked).digest('hex');
  return new URLSearchParams({ ...fields, hash }).toString();
}

/**
 * A VK Mini App's launch parameters, checked as VK documents: the vk_* parameters sorted by name,
 * joined as a query string, signed with HMAC-SHA256 under the app's secret key, base64url without
 * padding in `sign`. Also refused when older than allowed (vk_ts) or for another app.
 */
export function checkVkLaunch(
  query: string,
  app: { id: string; secret: string },
  now: Date,
  maxAgeSeconds: number,
): MiniAppPerson | null {
  if (query.length > 4096) return null;
  const params = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const sign = params.get('sign');
  if (!sign) return null;
  const signed = [...params.entries()]
    .filter(([k]) => k.startsWith('vk_'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const expected = createHmac('sha256', app.secret)
    .update(new URLSearchParams(signed).toString())
    .digest('base64url');
  const given = Buffer.from(sign);
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected)))
    return null;
  if (params.get('vk_app_id') !== app.id) return null;
  const ts = Number(params.get('vk_ts'));
  if (!Number.isInteger(ts) || now.getTime() / 1000 - ts > maxAgeSeconds) return null;
  const id = params.get('vk_user_id') ?? '';
  if (!/^[1-9]\d{0,18}$/.test(id)) return null;
  const language = params.get('vk_language');
  return { actor: { platform: 'vk', id, ...(language ? { langHint: language } : {}) } };
}

/** Signs launch parameters as VK does (tests). */
export function signVkLaunch(params: Record<string, string>, secret: string): string {
  const sorted = Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sign = createHmac('sha256', secret)
    .update(new URLSearchParams(sorted).toString())
    .digest('base64url');
  return new URLSearchParams({ ...params, sign }).toString();
}
