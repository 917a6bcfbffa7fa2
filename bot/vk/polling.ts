import type { API } from 'vk-io';
import type { Logger } from '../logger.js';
import { handleInPersonOrder } from '../person-order.js';

// Bots Long Poll for one machine, at least once: the position (ts) moves past a batch only when
// every event in it was handled. One person's events are handled in order; different people's
// at the same time. If the database was away for some of them, the same batch is asked for
// again, and what was already done is skipped by its event id.

interface PollServer {
  server: string;
  key: string;
  ts: string;
}

type PollAnswer =
  { ts: string; updates: unknown[] } | { failed: 1; ts: string } | { failed: 2 | 3; ts?: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function personOf(event: unknown): string {
  const o = (event as { object?: Record<string, unknown> } | null)?.object;
  const message = o?.message as { from_id?: unknown } | undefined;
  return String(message?.from_id ?? o?.user_id ?? '');
}

export class VkLongPoll {
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private abort = new AbortController();

  constructor(
    private readonly api: API,
    private readonly groupId: number,
    private readonly handle: (event: unknown) => Promise<void>,
    private readonly log: Logger,
    private readonly waitSeconds = 25,
  ) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await this.loop;
  }

  private async server(): Promise<PollServer> {
    const s = await this.api.groups.getLongPollServer({ group_id: this.groupId });
    return { server: s.server, key: s.key, ts: String(s.ts) };
  }

  private async run(): Promise<void> {
    let poll: PollServer | null = null;
    while (this.running) {
      try {
        poll ??= await this.server();
        const url = `${poll.server}?act=a_check&key=${encodeURIComponent(poll.key)}&ts=${encodeURIComponent(poll.ts)}&wait=${this.waitSeconds}`;
        const response = await fetch(url, { signal: this.abort.signal });
        const answer = (await response.json()) as PollAnswer;
        if ('failed' in answer) {
          // 1: history lost, go on from the given ts; 2: key expired; 3: key and ts lost.
          if (answer.failed === 1) poll.ts = answer.ts;
          else if (answer.failed === 2) poll = { ...(await this.server()), ts: poll.ts };
          else poll = null;
          continue;
        }
        if (await this.handleBatch(answer.updates)) poll.ts = answer.ts;
        else await sleep(500);
      } catch (error) {
        if (!this.running) return;
        this.log.error({ err: error }, 'VK long poll failed; retrying');
        await sleep(2_000);
      }
    }
  }

  /** True when every event was handled; false when some must be asked for again. */
  private async handleBatch(events: unknown[]): Promise<boolean> {
    const again = await handleInPersonOrder(events, personOf, this.handle, (error) =>
      this.log.error({ err: error }, 'VK event failed'),
    );
    return !again.length;
  }
}
