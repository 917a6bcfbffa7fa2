import type { Deps } from '../../handlers/index.js';
import type { Event } from '../../handlers/protocol.js';
import { createEventFlow } from '../event-flow.js';
import type { InFlight } from '../in-flight.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { incomingOf } from './incoming.js';
import { deliverVk, randomIdOf, type VkOut } from './render.js';
import { translate } from '../../locales/index.js';

export interface VkEdgeOptions {
  out: VkOut;
  deps: Deps;
  metrics: Metrics;
  inFlight: InFlight;
  processId: string;
  /** How long another process's claim on an event holds (see createEventFlow). */
  claimLeaseMs: number;
  log: Logger;
  /** A person's name (users.get, batched and cached): on entry cards and "decided by …". */
  nameOf(userId: string): Promise<string | undefined>;
  /** The moderators' VK ids: their button presses carry their names too. */
  moderators: string[];
}

export interface VkEdge {
  /** Handles one event; throws DeliverAgain when it must come again. */
  handle(raw: unknown): Promise<void>;
  /** Tells the sender that the event will be handled once the database is back. */
  tellAway(raw: unknown, eventId: string): Promise<void>;
}

/** The VK edge: one event in (from Long Poll or the Callback API), the core asked, replies out. */
export function createVkEdge(options: VkEdgeOptions): VkEdge {
  const { out, deps, metrics, inFlight, processId, claimLeaseMs, log } = options;
  const flow = createEventFlow({ platform: 'vk', deps, metrics, processId, claimLeaseMs, log });
  const admins = new Set(options.moderators);

  /**
   * The person's name, for moderators (on "decided by …") and for anyone who writes a message
   * (it is kept with them, and shown on their entry's card). A button press by someone else
   * goes without: the voting path asks VK for nothing.
   */
  async function named(event: Event): Promise<Event> {
    const writes = event.input.kind !== 'button';
    if (event.actor.displayName || !(writes || admins.has(event.actor.id))) return event;
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
    await flow.run({
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
        // The random_id is the event's: VK drops the same apology sent again on a redelivery.
        await out.api.messages.send({
          peer_id,
          random_id: randomIdOf(`sorry:${eventId}`),
          message,
        });
      },
    });
  }

  async function tellAway(raw: unknown, eventId: string): Promise<void> {
    const first = incomingOf(raw)?.events[0];
    if (!first) return;
    const lang = flow.languageOf(first.actor);
    await out.api.messages.send({
      peer_id: Number(first.actor.id),
      random_id: randomIdOf(`sorry:${eventId}`),
      message: translate(lang, { key: 'error-database-away' }),
    });
  }

  return { handle: (raw) => inFlight.update(() => handle(raw)), tellAway };
}
