import mongoose from 'mongoose';
import { isDuplicateKey } from './errors.js';

// Group commit for inserts: while one write is on its way to the database, the inserts that come
// in meanwhile wait and go together in the next one (insertMany, unordered). A lone insert goes
// at once, so a quiet bot waits for nothing; under a surge, many votes share one round trip. Each
// caller hears about its own document only once that write came back: a vote is answered after
// it is durable, as before.

export type InsertOutcome = 'inserted' | 'duplicate';

interface Waiting {
  doc: mongoose.mongo.Document;
  done(outcome: InsertOutcome): void;
  fail(error: unknown): void;
}

export class GroupInsert {
  private queue: Waiting[] = [];
  private writing = 0;

  /**
   * @param maxBatch documents in one write (FerretDB 1.x deadlocks on very large bulk writes)
   * @param maxWriting writes on their way at once
   */
  constructor(
    private readonly collection: () => mongoose.mongo.Collection,
    private readonly maxBatch = 20,
    private readonly maxWriting = 2,
  ) {}

  /** Inserts `doc`; "duplicate" when a document with its _id (or another unique key) exists. */
  insert(doc: mongoose.mongo.Document): Promise<InsertOutcome> {
    return new Promise((done, fail) => {
      this.queue.push({ doc, done, fail });
      this.next();
    });
  }

  private next(): void {
    while (this.writing < this.maxWriting && this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.writing += 1;
      void this.write(batch).finally(() => {
        this.writing -= 1;
        this.next();
      });
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) {
      const [one] = batch as [Waiting];
      try {
        await this.collection().insertOne(one.doc);
        one.done('inserted');
      } catch (error) {
        if (isDuplicateKey(error)) one.done('duplicate');
        else one.fail(error);
      }
      return;
    }
    try {
      await this.collection().insertMany(
        batch.map((w) => w.doc),
        { ordered: false },
      );
      for (const w of batch) w.done('inserted');
    } catch (error) {
      if (!(error instanceof mongoose.mongo.MongoBulkWriteError)) {
        for (const w of batch) w.fail(error);
        return;
      }
      // Unordered: every document was tried; the errors name the ones that were not written.
      const failed = new Map<number, { code?: number | string }>();
      const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      for (const e of errors) failed.set(e.index, { code: e.code });
      batch.forEach((w, i) => {
        const problem = failed.get(i);
        if (!problem) w.done('inserted');
        else if (problem.code === 11000) w.done('duplicate');
        else w.fail(error);
      });
    }
  }
}
