import { EntryModel } from './entry.js';

// The vote count on an entry's card while voting is open. Counting an entry's stored votes for
// every card shown costs a scan of all of them (on FerretDB, of the whole collection), thousands
// of times a minute on the busy day. So each entry carries a counter that every process adds the
// votes it cast to, in one write a second, and the counters of all published entries are read
// back in one query a second. A card shows that reading plus this process's votes not yet in it,
// so a voter always sees their own vote, and other processes' votes within about two seconds.
//
// The counter is for show: if a process dies, the votes it had not written yet (a second's worth)
// are missing from it until reconcileVoteCounts finds and corrects the difference. Results never
// read it: they are counted from the stored votes.

const SYNC_MS = 1_000;
/** FerretDB runs a bulk write's statements at once and deadlocks past about forty. */
const BULK = 20;

type Counts = Map<string, number>;

function addInto(into: Counts, entryId: string, delta: number): void {
  into.set(entryId, (into.get(entryId) ?? 0) + delta);
}

export class VoteCounts {
  /** Cast here and not yet written. */
  private pending: Counts = new Map();
  /** Being written now: not in the reading yet. */
  private writing: Counts = new Map();
  private reading: Counts = new Map();
  private readAt = -Infinity;
  private syncing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly syncMs: number = SYNC_MS) {}

  /** Counts a vote cast here (-1 for the entry a moved vote left). */
  add(entryId: string, delta: number): void {
    addInto(this.pending, entryId, delta);
    // Written within a second even when nobody looks at a card meanwhile.
    this.timer ??= setInterval(() => {
      if (this.pending.size) this.sync().catch(() => undefined); // tried again next second
    }, this.syncMs).unref();
  }

  /** Votes for an entry, as of the last reading (at most a second old) plus this process's. */
  async countFor(entryId: string): Promise<number> {
    if (Date.now() - this.readAt >= this.syncMs) await this.sync();
    const count =
      (this.reading.get(entryId) ?? 0) +
      (this.writing.get(entryId) ?? 0) +
      (this.pending.get(entryId) ?? 0);
    // A vote moved here from an entry whose count has not been read with it yet: never below 0.
    return Math.max(0, count);
  }

  /** Writes this process's votes, then reads every published entry's counter; one at a time. */
  sync(): Promise<void> {
    this.syncing ??= this.writeThenRead().finally(() => (this.syncing = null));
    return this.syncing;
  }

  /** Stops the timer and writes what is held (on shutdown). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.syncing) await this.syncing.catch(() => undefined);
    if (this.pending.size) await this.sync();
  }

  private async writeThenRead(): Promise<void> {
    this.writing = this.pending;
    this.pending = new Map();
    const changes = [...this.writing].filter(([, delta]) => delta !== 0);
    try {
      for (let i = 0; i < changes.length; i += BULK) {
        // Each write moves the entry's countVersion: a reconciliation that saw it still knows
        // whether a write came in between its two looks.
        await EntryModel.bulkWrite(
          changes.slice(i, i + BULK).map(([id, delta]) => ({
            updateOne: {
              filter: { _id: id },
              update: { $inc: { voteCount: delta, countVersion: 1 } },
            },
          })),
          { ordered: false },
        );
      }
    } catch (error) {
      // Not written (or not known to be): kept, and written with the next sync.
      for (const [id, delta] of this.writing) addInto(this.pending, id, delta);
      this.writing = new Map();
      throw error;
    }
    // Read only after the write: the reading then holds what was written, and `writing` can go.
    try {
      const docs = await EntryModel.find({ status: 'published' }, { voteCount: 1 }).lean();
      this.reading = new Map(docs.map((d) => [d._id.toHexString(), d.voteCount ?? 0]));
      this.readAt = Date.now();
    } finally {
      // Written either way: a failed read is tried again by the next card.
      this.writing = new Map();
    }
  }
}
