import type { SendOutcome, Transport } from '../outbox-sender.js';
import {
  cannotWriteTo,
  classifyVkError,
  messageOf,
  randomIdOf,
  sendVk,
  type VkOut,
} from './render.js';

// The outbox on VK. A community may send one message to up to 100 people in one messages.send
// (peer_ids): identical text messages that are due together (an announcement, a broadcast) go
// out in such batches, which keeps a national announcement within VK's 20 requests a second.
// Every call carries a random_id made from the message's key, so a call retried after a lost
// answer is not delivered twice.

const BATCH_MAX = 100;
/** How long the first message of a batch waits for others like it. */
const GATHER_MS = 500;

interface Waiting {
  peerId: number;
  done(outcome: SendOutcome): void;
}

interface Batch {
  params: Record<string, unknown>;
  randomId: number;
  waiting: Waiting[];
  timer: NodeJS.Timeout;
}

interface PeerResult {
  peer_id: number;
  message_id?: number;
  error?: { code: number; description?: string };
}

export function vkTransport(out: VkOut): Transport {
  const batches = new Map<string, Batch>();

  async function flush(group: string): Promise<void> {
    const batch = batches.get(group);
    if (!batch) return;
    batches.delete(group);
    clearTimeout(batch.timer);
    const peers = batch.waiting.map((w) => w.peerId);
    try {
      const results = (await out.api.messages.send({
        ...batch.params,
        peer_ids: peers,
        random_id: batch.randomId,
      } as never)) as unknown as PeerResult[];
      const byPeer = new Map(results.map((r) => [r.peer_id, r]));
      for (const w of batch.waiting) {
        const r = byPeer.get(w.peerId);
        if (r?.error) {
          const code = r.error.code;
          w.done(
            cannotWriteTo(code)
              ? { kind: 'unreachable', reason: r.error.description ?? String(code) }
              : { kind: 'transient', reason: r.error.description ?? String(code) },
          );
        } else w.done({ kind: 'sent' });
      }
    } catch (error) {
      const outcome = classifyVkError(error);
      for (const w of batch.waiting) w.done(outcome);
    }
  }

  return {
    gathers: true,
    platform: 'vk',
    async send(reply, key, options) {
      const peerId = Number(reply.to.id);
      // Only plain text batches: a card or a file is uploaded and sent on its own.
      if (reply.view.kind !== 'text') {
        try {
          await sendVk(out, reply, key);
          return { kind: 'sent' };
        } catch (error) {
          return classifyVkError(error);
        }
      }
      const params = { ...(await messageOf(out, reply, peerId)) };
      // The batch the core named (the same message to many), else this message alone. A retry
      // keeps its batch, so its random_id is the same and VK drops a message it already
      // delivered when only the answer was lost.
      const identity = options?.batch ?? key.split('~')[0]!;
      const group = `${identity}\n${JSON.stringify(params)}`;
      return new Promise<SendOutcome>((resolve) => {
        let batch = batches.get(group);
        if (!batch) {
          batch = {
            params,
            randomId: randomIdOf(identity),
            waiting: [],
            timer: setTimeout(() => void flush(group), GATHER_MS),
          };
          batches.set(group, batch);
        }
        batch.waiting.push({ peerId, done: resolve });
        if (batch.waiting.length >= BATCH_MAX) void flush(group);
      });
    },
  };
}
