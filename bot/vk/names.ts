import { LRUCache } from 'lru-cache';
import type { API } from 'vk-io';

// VK events do not carry the person's name, which moderators see on an entry's card. It is asked
// for with users.get, once per person a process meets, and people met within a few tens of
// milliseconds are asked for together (one call for up to a thousand), so a crowd arriving at
// once costs a few calls, not one each.

const GATHER_MS = 50;
const BATCH = 1_000;

export class VkNames {
  private readonly known = new LRUCache<string, string>({ max: 50_000 });
  private waiting = new Map<string, ((name: string | undefined) => void)[]>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly api: API) {}

  /** The person's name, from VK the first time. Undefined when VK could not say. */
  nameOf(userId: string): Promise<string | undefined> {
    const known = this.known.get(userId);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve) => {
      this.waiting.set(userId, [...(this.waiting.get(userId) ?? []), resolve]);
      if (this.waiting.size >= BATCH) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), GATHER_MS);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = this.waiting;
    this.waiting = new Map();
    void this.ask(batch);
  }

  private async ask(batch: Map<string, ((name: string | undefined) => void)[]>): Promise<void> {
    try {
      const users = await this.api.users.get({ user_ids: [...batch.keys()] });
      for (const user of users) {
        const name = `${user.first_name} ${user.last_name}`.trim();
        if (name) this.known.set(String(user.id), name);
      }
    } catch {
      // Without a name the card shows the account: nothing is lost.
    }
    for (const [id, resolvers] of batch)
      for (const resolve of resolvers) resolve(this.known.get(id));
  }
}
