import { LRUCache } from 'lru-cache';
import { handleEvent, isRepeatSafeEvent, type Deps } from '../handlers/index.js';
import type { Actor, Event, Lang, Platform, Reply } from '../handlers/protocol.js';
import { languageFromHint } from '../handlers/start.js';
import { translate } from '../locales/index.js';
import {
  claimUpdate,
  finishUpdate,
  isDatabaseUnavailable,
  releaseUpdate,
} from '../models/index.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { splitReplies } from './replies.js';

/**
 * The update was not handled and must come again: the database was away, or another attempt at
 * it is still in hand. Webhooks answer it with a non-2xx status; polling asks for it again.
 */
export class DeliverAgain extends Error {
  override name = 'DeliverAgain';
}

export interface EventFlowOptions {
  platform: Platform;
  deps: Deps;
  metrics: Metrics;
  /** Names this process in update claims, so a restarted process can take over a dead one's. */
  processId: string;
  /** How long another process's claim on an update holds (0 with one consumer: polling). */
  claimLeaseMs: number;
  log: Logger;
}

/** One delivery from a platform (a Telegram update, a VK event), already translated. */
export interface Delivery {
  /** The platform's id for it: a redelivery has the same one. */
  id: string;
  /** What it means to the core; several for a VK message with several photos. */
  events: Event[];
  /**
   * Sends what the core answered the person who sent it. Gives back what the platform refused
   * for its rate limit (a broadcast was taking most of it), in order: it goes to the outbox.
   */
  deliver(own: Reply[], log: Logger): Promise<Reply[] | void>;
  /** Tells the person something went wrong (in their language); never throws for the flow. */
  sorry(text: string): Promise<void>;
}

const REMEMBERED = { max: 10_000, ttl: 15 * 60 * 1000 };

/**
 * What every platform does with an update, in one place: claim its id once (a vote or a page
 * turn is not claimed: done twice, it looks the same as done once), ask the core, queue what goes
 * to other people, answer the sender, mark it done.
 *
 * While the database is away the update is not handled: the person hears once that it will be
 * handled when the database is back, and DeliverAgain is thrown so the platform brings it again.
 * A redelivery that arrives while an attempt is still in hand (in this process, or a live claim
 * of another) is sent back the same way, so nothing is handled twice and nothing is dropped.
 */
export interface EventFlow {
  run(delivery: Delivery): Promise<void>;
  /**
   * The language to tell someone something in without the database: theirs, as seen on their
   * last answered update here, else what their platform says, else the campaign's.
   */
  languageOf(actor: Actor): Lang;
}

export function createEventFlow(options: EventFlowOptions): EventFlow {
  const { platform, deps, metrics, processId, claimLeaseMs, log } = options;
  /** The language of people answered lately (a VK button press does not say it). */
  const spoken = new LRUCache<string, Lang>({ max: 100_000 });
  const languageOf = (actor: Actor): Lang =>
    spoken.get(actor.id) ?? languageFromHint(actor.langHint, deps.campaign.defaultLanguage);
  /** Updates this process failed on while the database was away: their claim is ours to retake. */
  const failedWhileAway = new LRUCache<string, true>(REMEMBERED);
  /** Updates someone was already told about the outage: one apology per update. */
  const apologised = new LRUCache<string, true>(REMEMBERED);
  const inHand = new Set<string>();

  async function handle(delivery: Delivery, repeatSafe: boolean, updateLog: Logger) {
    if (!repeatSafe) {
      const claim = await claimUpdate(platform, delivery.id, {
        owner: processId,
        leaseMs: claimLeaseMs,
        retrying: failedWhileAway.has(delivery.id),
      });
      if (claim === 'done') {
        updateLog.debug('duplicate update skipped');
        return null;
      }
      if (claim === 'busy') throw new DeliverAgain(`${delivery.id} is in hand elsewhere`);
    }
    const replies: Reply[] = [];
    for (const [n, event] of delivery.events.entries()) {
      // The event's own id: the same on every redelivery, one per photo of a VK message.
      const id = `${platform}:${delivery.id}${delivery.events.length > 1 ? `:${n}` : ''}`;
      replies.push(...(await handleEvent({ ...event, id }, deps)));
    }
    const split = splitReplies(delivery.events[0]!.actor, replies, `${platform}:${delivery.id}`);
    await deps.outbox.enqueue(split.outbox);
    return split.own;
  }

  async function failed(delivery: Delivery, error: unknown, repeatSafe: boolean, log: Logger) {
    const lang = languageOf(delivery.events[0]!.actor);
    if (error instanceof DeliverAgain) throw error;
    const away = isDatabaseUnavailable(error);
    metrics.errors.inc({ platform });
    if (!away) {
      log.error({ err: error }, 'update failed');
      // A fault of ours: the person may try again, and a redelivery is handled afresh.
      if (!repeatSafe) await releaseUpdate(platform, delivery.id).catch(() => undefined);
      await delivery.sorry(translate(lang, { key: 'error-try-again' })).catch(() => undefined);
      return;
    }
    failedWhileAway.set(delivery.id, true);
    log.warn({ err: error }, 'the database is away: the update will come again');
    if (!apologised.has(delivery.id)) {
      apologised.set(delivery.id, true);
      await delivery.sorry(translate(lang, { key: 'error-database-away' })).catch(() => undefined);
    }
    throw new DeliverAgain(delivery.id);
  }

  async function run(delivery: Delivery): Promise<void> {
    const [first] = delivery.events;
    if (!first) return;
    if (inHand.has(delivery.id)) throw new DeliverAgain(`${delivery.id} is in hand here`);
    inHand.add(delivery.id);
    const timer = metrics.handlerSeconds.startTimer({ platform });
    const updateLog = log.child({ platform, updateId: delivery.id, userId: first.actor.id });
    const repeatSafe = delivery.events.length === 1 && isRepeatSafeEvent(first);
    let release = true;
    try {
      let own: Reply[] | null;
      try {
        own = await handle(delivery, repeatSafe, updateLog);
      } catch (error) {
        return await failed(delivery, error, repeatSafe, updateLog);
      }
      failedWhileAway.delete(delivery.id);
      if (!own) return;
      const answer = own[0];
      if (answer) spoken.set(first.actor.id, answer.lang);
      const refused = await delivery.deliver(own, updateLog);
      // Not lost: the outbox's most urgent lane, ahead of any broadcast, paced under the limit.
      if (refused?.length) {
        updateLog.info({ replies: refused.length }, 'rate limited: the answer goes by the outbox');
        await deps.outbox
          .enqueue(
            refused.map((reply, i) => ({ key: `${platform}:${delivery.id}:own:${i}`, reply })),
          )
          .catch((error: unknown) =>
            updateLog.error({ err: error }, 'an answer refused for the rate was not queued'),
          );
      }
      timer();
      if (repeatSafe) return;
      // Not awaited: the person has their answer. The update stays "in hand" until it is
      // marked, so a redelivery meanwhile is sent back rather than read as someone else's claim.
      release = false;
      finishUpdate(platform, delivery.id, processId)
        .catch((error: unknown) => updateLog.warn({ err: error }, 'could not mark the update done'))
        .finally(() => inHand.delete(delivery.id));
    } finally {
      if (release) inHand.delete(delivery.id);
    }
  }

  return { run, languageOf };
}
