import type { OutboxItem, Reply, UserRef } from '../handlers/protocol.js';

/**
 * The answer to an update goes straight back to the person who sent it; everything else the
 * core said (a card for the moderators, a decision for an author) is unprompted and goes through
 * the outbox. Its keys come from the update, so handling a redelivered update again queues
 * nothing twice.
 */
export function splitReplies(
  actor: UserRef,
  replies: Reply[],
  keyPrefix: string,
): { own: Reply[]; outbox: OutboxItem[] } {
  const own: Reply[] = [];
  const outbox: OutboxItem[] = [];
  for (const reply of replies) {
    if (reply.to.platform === actor.platform && reply.to.id === actor.id) {
      own.push(reply);
      continue;
    }
    // Named by the core (Reply.purpose), not by its place among the replies: a redelivery that
    // says one thing more or less still keys every message the same.
    if (!reply.purpose) throw new Error(`a message to ${reply.to.platform} has no purpose`);
    const key = `${keyPrefix}:${reply.purpose}:${reply.to.platform}:${reply.to.id}`;
    outbox.push({ key, reply });
  }
  return { own, outbox };
}

/**
 * A CSV export's bytes as every edge sends them: with a byte-order mark, so spreadsheet programs
 * read the Cyrillic and Kazakh letters as UTF-8.
 */
export function csvBytes(content: string): Buffer {
  return Buffer.from(`\uFEFF${content}`, 'utf8');
}
