import { handleEvent, isRepeatSafeEvent, type Deps } from '../../handlers/index.js';
import type { Event, Reply } from '../../handlers/ports.js';
import { languageFromHint } from '../../handlers/start.js';
import { translate } from '../../locales/index.js';
import {
  claimUpdate,
  finishUpdate,
  isDatabaseUnavailable,
  releaseUpdate,
} from '../../models/index.js';
import type { InFlight } from '../in-flight.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { splitReplies } from '../replies.js';
import { incomingOf } from './incoming.js';
import { deliverVk, type VkOut } from './render.js';

/** The database was away: the person was told to try again, and the event must be handled later. */
export class VkDeliverAgain extends Error {
  override name = 'VkDeliverAgain';
}

export interface VkEdgeOptions {
  out: VkOut;
  deps: Deps;
  metrics: Metrics;
  inFlight: InFlight;
  processId: string;
  /** How old another process's unfinished claim must be before this one takes it over. */
  takeOverAfterMs: number;
  log: Logger;
  /** Display names of moderators, for "already decided by …" (fetched with users.get). */
  nameOf(userId: string): Promise<string | undefined>;
}

/** The VK edge: one event in (from Long Poll or the Callback API), the core asked, replies out. */
export function createVkEdge(options: VkEdgeOptions): (raw: unknown) => Promise<void> {
  const { out, deps, metrics, inFlight, processId, takeOverAfterMs, log } = options;
  const failedWhileAway = new Set<string>();
  const admins = new Set(deps.admins.filter((a) => a.platform === 'vk').map((a) => a.id));

  async function named(event: Event): Promise<Event> {
    if (!admins.has(event.actor.id) || event.actor.displayName) return event;
    const displayName = await options.nameOf(event.actor.id).catch(() => undefined);
    return displayName ? { ...event, actor: { ...event.actor, displayName } } : event;
  }

  async function handle(raw: unknown): Promise<void> {
    const timer = metrics.handlerSeconds.startTimer({ platform: 'vk' });
    const incoming = incomingOf(raw);
    const first = incoming?.events[0];
    metrics.updates.inc({ platform: 'vk', kind: first?.input.kind ?? 'ignored' });
    if (!incoming || !first) return;
    const { eventId, events, source } = incoming;
    const eventLog = log.child({ platform: 'vk', eventId, userId: first.actor.id });
    const repeatSafe = events.length === 1 && isRepeatSafeEvent(first);
    let own: Reply[];
    try {
      const retrying = failedWhileAway.delete(eventId);
      if (
        !repeatSafe &&
        !(await claimUpdate('vk', eventId, processId, takeOverAfterMs)) &&
        !retrying
      ) {
        eventLog.debug('duplicate event skipped');
        return;
      }
      const replies: Reply[] = [];
      // Several photos in one message arrive as one event: the core hears them one by one.
      for (const event of events) replies.push(...(await handleEvent(await named(event), deps)));
      const split = splitReplies(first.actor, replies, `vk:${eventId}`);
      await deps.outbox.enqueue(split.outbox);
      own = split.own;
    } catch (error) {
      const away = isDatabaseUnavailable(error);
      eventLog.error({ err: error, databaseAway: away }, 'event failed');
      metrics.errors.inc({ platform: 'vk' });
      if (away) failedWhileAway.add(eventId);
      else if (!repeatSafe) await releaseUpdate('vk', eventId).catch(() => undefined);
      const lang = languageFromHint(first.actor.langHint, deps.campaign.defaultLanguage);
      const sorry: Reply = {
        to: first.actor,
        lang,
        view: { kind: 'notice', text: { key: 'error-try-again' }, alert: true },
      };
      if (source) await deliverVk(out, [sorry], `vk:${eventId}:sorry`, source);
      else {
        const message = translate(lang, { key: 'error-try-again' });
        await out.api.messages
          .send({ peer_id: Number(first.actor.id), random_id: 0, message })
          .catch(() => undefined);
      }
      if (away) throw new VkDeliverAgain(eventId);
      return;
    }
    await deliverVk(out, own, `vk:${eventId}`, source);
    timer();
    if (repeatSafe) return;
    finishUpdate('vk', eventId).catch((error: unknown) =>
      eventLog.warn({ err: error }, 'could not mark the event done'),
    );
  }

  return (raw) => inFlight.run(() => handle(raw));
}
