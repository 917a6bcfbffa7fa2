import type { Deps } from '../../handlers/index.js';
import type { Event } from '../../handlers/ports.js';
import { createEventFlow } from '../event-flow.js';
import type { InFlight } from '../in-flight.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { incomingOf } from './incoming.js';
import { deliverVk, type VkOut } from './render.js';

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
  const run = createEventFlow({ platform: 'vk', deps, metrics, processId, takeOverAfterMs, log });
  const admins = new Set(deps.admins.filter((a) => a.platform === 'vk').map((a) => a.id));

  async function named(event: Event): Promise<Event> {
    if (!admins.has(event.actor.id) || event.actor.displayName) return event;
    const displayName = await options.nameOf(event.actor.id).catch(() => undefined);
    return displayName ? { ...event, actor: { ...event.actor, displayName } } : event;
  }

  async function handle(raw: unknown): Promise<void> {
    const incoming = incomingOf(raw);
    const first = incoming?.events[0];
    metrics.updates.inc({ platform: 'vk', kind: first?.input.kind ?? 'ignored' });
    if (!incoming || !first) return;
    const { eventId, source } = incoming;
    const peer_id = Number(first.actor.id);
    await run({
      id: eventId,
      events: await Promise.all(incoming.events.map(named)),
      deliver: (own, eventLog) =>
        deliverVk({ ...out, log: eventLog }, own, `vk:${eventId}`, source),
      // VK has no alert box: the press is answered without a snackbar and the text is a message.
      sorry: async (message) => {
        if (source) {
          await out.api.messages.sendMessageEventAnswer({
            event_id: source.eventId,
            user_id: source.userId,
            peer_id: source.peerId,
          });
        }
        await out.api.messages.send({ peer_id, random_id: 0, message });
      },
    });
  }

  return (raw) => inFlight.run(() => handle(raw));
}
