import { DeliverAgain } from './event-flow.js';

// What long polling does with a batch, on every platform: one person's updates in the order they
// came, different people's at the same time. An update that must come again (the database was
// away) stops its person's queue, so their later updates wait for it; the platform asks for the
// batch again, and what was already done is skipped by its id.

/**
 * Handles `items`, one person's in order and different people's at once; returns the items that
 * must come again (each the first of its person's that did not go through).
 */
export async function handleInPersonOrder<T>(
  items: T[],
  personOf: (item: T) => string,
  handle: (item: T) => Promise<void>,
  failed: (error: unknown, item: T) => void,
): Promise<T[]> {
  const queues = new Map<string, T[]>();
  for (const item of items) {
    const person = personOf(item);
    const queue = queues.get(person);
    if (queue) queue.push(item);
    else queues.set(person, [item]);
  }
  const again: T[] = [];
  await Promise.all(
    [...queues.values()].map(async (queue) => {
      for (const item of queue) {
        try {
          await handle(item);
        } catch (error) {
          if (error instanceof DeliverAgain) {
            again.push(item);
            return;
          }
          failed(error, item);
        }
      }
    }),
  );
  return again;
}
