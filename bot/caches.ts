import type { Entry, EntryStore, PrivacyStore, ResultStore, VoteStore } from '../handlers/ports.js';
import type { Metrics } from './metrics.js';

// On the day a celebrity shares a link, thousands of people a minute open and vote for the same
// few entries. The entry wrapper keeps what every one of them reads for one second per process,
// so one read serves them all. Changes made in this process show at once; changes made by another
// process show within the second. (Vote counts are kept by models/vote-counts.ts.)

const TTL_MS = 1_000;

class SecondCache<K, V> {
  private readonly map = new Map<K, { value: Promise<V>; until: number }>();

  get(key: K, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.map.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = load();
    this.map.set(key, { value, until: now + TTL_MS });
    value.catch(() => this.map.delete(key));
    return value;
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }
}

/**
 * Published entries by number. Only published entries are kept (a pending one may be decided any
 * moment); hiding, withdrawing or publishing in this process empties the cache.
 */
export function cachedEntries(entries: EntryStore): CachedEntryStore {
  const byNumber = new SecondCache<number, Entry | null>();
  const published = (n: number) =>
    entries.getByNumber(n).then((e) => {
      if (e?.status !== 'published') byNumber.delete(n);
      return e;
    });
  return {
    ...entries,
    forget: () => byNumber.clear(),
    getByNumber: (n) => byNumber.get(n, () => published(n)),
    async setHidden(...args) {
      byNumber.clear();
      const entry = await entries.setHidden(...args);
      byNumber.clear();
      return entry;
    },
    async publishApproved(...args) {
      const entry = await entries.publishApproved(...args);
      byNumber.clear();
      return entry;
    },
  };
}

/** A person erased: the entries they withdrew leave the cache at once. */
export function clearingEntries(privacy: PrivacyStore, entries: CachedEntryStore): PrivacyStore {
  return {
    ...privacy,
    async erase(ref) {
      const erased = await privacy.erase(ref);
      entries.forget();
      return erased;
    },
  };
}

export type CachedEntryStore = EntryStore & { forget(): void };

/** How long frozen results are kept before they are read again. */
const FROZEN_FRESH_MS = 5_000;

/**
 * Frozen results change only when a void (or its undo) re-freezes them before the results are
 * announced: read at most every few seconds (every card shows them after the close), and at once
 * after a re-freeze here.
 */
export function cachedResults(results: ResultStore): ResultStore {
  let frozen: { at: number; value: Awaited<ReturnType<ResultStore['frozen']>> } | null = null;
  return {
    ...results,
    async frozen() {
      if (frozen && Date.now() - frozen.at < FROZEN_FRESH_MS) return frozen.value;
      const value = await results.frozen();
      // Not frozen yet: asked again next time (the freeze may come any moment).
      frozen = value ? { at: Date.now(), value } : null;
      return value;
    },
    async refreeze(rows, at) {
      await results.refreeze(rows, at);
      frozen = null;
    },
  };
}

/** Votes counted by outcome for /metrics. */
export function countedVotes(votes: VoteStore, metrics: Metrics): VoteStore {
  return {
    ...votes,
    async cast(voter, entry, at, since, eventId, personKey) {
      const result = await votes.cast(voter, entry, at, since, eventId, personKey);
      metrics.votes.inc({ outcome: result.outcome });
      return result;
    },
  };
}
