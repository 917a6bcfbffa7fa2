import type { OutboxItem, Reply, UserRef } from '../handlers/ports.js';

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
  replies.forEach((reply, i) => {
    if (reply.to.platform === actor.platform && reply.to.id === actor.id) own.push(reply);
    else outbox.push({ key: `${keyPrefix}:${i}`, reply });
  });
  return { own, outbox };
}
