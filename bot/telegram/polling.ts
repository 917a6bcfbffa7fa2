import { BotError, GrammyError, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../logger.js';
import { handleInPersonOrder } from '../person-order.js';
import { albumPlaces } from './incoming.js';

// Long polling that is both concurrent and at-least-once. grammY's runner confirms offsets before
// handlers finish (a SIGKILL loses up to a batch); bot.start() is safe but handles one update at
// a time. Here a batch is handled concurrently — one user's updates in order, different users in
// parallel — and its offset is confirmed only by the next getUpdates, after the whole batch ended.

export interface PollingOptions {
  allowedUpdates: ('message' | 'callback_query')[];
  /** Seconds Telegram holds a getUpdates open when there is nothing to deliver. */
  timeoutSeconds?: number;
  /** How long stop() waits for handlers in progress. */
  stopDeadlineMs?: number;
}

function senderOf(update: Update): string {
  const from = update.message?.from ?? update.callback_query?.from;
  return from ? String(from.id) : `update-${update.update_id}`;
}

/** Marks each photo of an album that came whole in this batch with its place in the album. */
function markAlbums(updates: Update[]): void {
  const albums = new Map<string, Update[]>();
  for (const update of updates) {
    const group = update.message?.media_group_id;
    if (!group) continue;
    const key = `${update.message!.from?.id}:${group}`;
    albums.set(key, [...(albums.get(key) ?? []), update]);
  }
  for (const photos of albums.values())
    photos.forEach((update, index) => albumPlaces.set(update, { index, size: photos.length }));
}

export class TelegramPolling {
  private running = false;
  private offset = 0;
  private abort = new AbortController();
  private loop: Promise<void> = Promise.resolve();
  private batch: Promise<unknown> = Promise.resolve();

  constructor(
    private bot: Bot,
    private log: Logger,
    private options: PollingOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    this.loop = this.run();
  }

  /** Stops taking updates, waits for handlers in progress (up to a deadline), confirms the offset. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.abort.abort();
    await this.loop;
    const deadline = new Promise((r) =>
      setTimeout(r, this.options.stopDeadlineMs ?? 10_000).unref(),
    );
    await Promise.race([this.batch, deadline]);
    if (this.offset) {
      await this.bot.api
        .getUpdates({ offset: this.offset, limit: 1, timeout: 0 })
        .catch(() => undefined);
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let updates: Update[];
      try {
        updates = await this.bot.api.getUpdates(
          {
            offset: this.offset,
            limit: 100,
            timeout: this.options.timeoutSeconds ?? 30,
            allowed_updates: this.options.allowedUpdates,
          },
          // grammY types its signal with the abort-controller polyfill; Node's is the same at run time.
          this.abort.signal as Parameters<Bot['api']['getUpdates']>[1],
        );
      } catch (error) {
        if (!this.running) return;
        const conflict = error instanceof GrammyError && error.error_code === 409;
        this.log.warn(
          { err: error },
          conflict ? 'another process polls this bot' : 'getUpdates failed',
        );
        await new Promise((r) => setTimeout(r, conflict ? 5_000 : 1_000));
        continue;
      }
      if (!updates.length) continue;
      markAlbums(updates);
      const batch = handleInPersonOrder(
        updates,
        senderOf,
        async (update) => {
          // handleUpdate wraps what the middleware threw in a BotError.
          await this.bot.handleUpdate(update).catch((error: unknown) => {
            throw error instanceof BotError ? error.error : error;
          });
        },
        (error, update) =>
          this.log.error({ err: error, updateId: update.update_id }, 'update handler threw'),
      );
      this.batch = batch;
      const deferred = await batch;
      if (deferred.length) {
        // The database was away: leave the offset at the first update that must come again
        // (the ones after it that went through are skipped as duplicates), and wait a little.
        this.offset = Math.min(...deferred.map((u) => u.update_id));
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      this.offset = updates[updates.length - 1]!.update_id + 1;
    }
  }
}
