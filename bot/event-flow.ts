import { handleEvent, isRepeatSafeEvent, type Deps } from '../handlers/index.js';
import type { Event, Platform, Reply } from '../handlers/ports.js';
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

/** The database was away: the person was told to try again, and the update must come again. */
export class DeliverAgain extends Error {
  override name = 'DeliverAgain';
}

export interface EventFlowOptions {
  platform: Platform;
  deps: Deps;
  metrics: Metrics;
  /** Names this process in update claims, so a restarted process can take over a dead one's. */
  processId: string;
  /** How old another process's unfinished claim must be before this one takes it over. */
  takeOverAfterMs: number;
  log: Logger;
}

/** One delivery from a platform (a Telegram update, a VK event), already translated. */
export interface Delivery {
  /** The platform's id for it: a redelivery has the same one. */
  id: string;
  /** What it means to the core; several for a VK message with several photos. */
  events: Event[];
  /** Sends what the core answered the person who sent it. */
  deliver(own: Reply[], log: Logger): Promise<void>;
  /** Tells the person to try again in a moment (the database is away or something broke). */
  sorry(text: string): Promise<void>;
}

/**
 * What every platform does with an update, in one place: claim its id once (a vote or a page
 * turn is not claimed: done twice, it looks the same as done once), ask the core, queue what goes
 * to other people, answer the sender, mark it done. When the database is away the person hears
 * "try again" and DeliverAgain is thrown, so the platform delivers the update again.
 */
export function createEventFlow(options: EventFlowOptions): (delivery: Delivery) => Promise<void> {
  const { platform, deps, metrics, processId, takeOverAfterMs, log } = options;
  const failedWhileAway = new Set<string>();

  return async function run({ id, events, deliver, sorry }: Delivery): Promise<void> {
    const [first] = events;
    if (!first) return;
    const timer = metrics.handlerSeconds.startTimer({ platform });
    const updateLog = log.child({ platform, updateId: id, userId: first.actor.id });
    const repeatSafe = events.length === 1 && isRepeatSafeEvent(first);
    let own: Reply[];
    try {
      // An update this process failed on while the database was away comes back: take it.
      const retrying = failedWhileAway.delete(id);
      if (
        !repeatSafe &&
        !(await claimUpdate(platform, id, processId, takeOverAfterMs)) &&
        !retrying
      ) {
        updateLog.debug('duplicate update skipped');
        return;
      }
      const replies: Reply[] = [];
      for (const event of events) replies.push(...(await handleEvent(event, deps)));
      const split = splitReplies(first.actor, replies, `${platform}:${id}`);
      await deps.outbox.enqueue(split.outbox);
      own = split.own;
    } catch (error) {
      const away = isDatabaseUnavailable(error);
      updateLog.error({ err: error, databaseAway: away }, 'update failed');
      metrics.errors.inc({ platform });
      if (away) failedWhileAway.add(id);
      else if (!repeatSafe) await releaseUpdate(platform, id).catch(() => undefined);
      // Tell the person in their language instead of going silent.
      const lang = languageFromHint(first.actor.langHint, deps.campaign.defaultLanguage);
      await sorry(translate(lang, { key: 'error-try-again' })).catch(() => undefined);
      if (away) throw new DeliverAgain(id);
      return;
    }
    await deliver(own, updateLog);
    timer();
    if (repeatSafe) return;
    // Not awaited: the person has their answer; a lost "done" only lets a redelivery through.
    finishUpdate(platform, id).catch((error: unknown) =>
      updateLog.warn({ err: error }, 'could not mark the update done'),
    );
  };
}
