import { createHash } from 'node:crypto';
import mongoose, { Schema, model } from 'mongoose';
import {
  LANES,
  type Outbox,
  type OutboxItem,
  type Platform,
  type Reply,
  type UserRef,
} from '../handlers/protocol.js';
import { isDuplicateKey } from './errors.js';
import { accountKey } from './keys.js';

// The durable outbox: every message the bot sends unprompted is a row here first, until it went.
//
// Rows are queued in chunks: what one enqueue call queued (an update's messages, a thousand
// recipients of a broadcast). A chunk is queued once: its id comes from its content (or from the
// job that queues it), so queuing it again after a crash or a redelivery is a no-op. The sender
// of a platform works through a chunk in order and records how far it got as one number on the
// chunk, in one write for many messages; a finished chunk's rows are deleted together. Nothing
// is updated row by row: on FerretDB an update costs about 2 ms a document while inserting and
// deleting cost a tenth of that, and on MongoDB fewer writes are cheaper too.
//
// What was sent is not kept (a person's messages leave the database once delivered); failures
// are kept in outboxfailures, the platform's id of a channel post in outboxrefs, and the totals
// in the delivery counters.

const outboxRowSchema = new Schema({
  /** The purpose and the recipient ("voting-opened:telegram:42"). */
  _id: { type: String, required: true },
  chunk: { type: String, required: true },
  /** Its place in the chunk: rows go out in this order. */
  n: { type: Number, required: true },
  platform: { type: String, required: true },
  /** The message as JSON text: keyboards are arrays of arrays, which FerretDB cannot store. */
  reply: { type: String, required: true },
  /** accountKey of the recipient, and of anyone else whose data the message carries. */
  recipient: { type: String, required: true },
  about: { type: [String], default: [] },
  /** Keep the platform's id of the sent message (a channel post, to take down later). */
  keepRef: { type: Boolean, default: false },
  /** The same message to many people (see OutboxItem.batch). */
  batch: String,
  attempts: { type: Number, default: 0 },
  createdAt: { type: Date, required: true },
});
outboxRowSchema.index({ chunk: 1 });
outboxRowSchema.index({ recipient: 1 });
outboxRowSchema.index({ about: 1 });
export const OutboxModel = model('Outbox', outboxRowSchema);

const outboxChunkSchema = new Schema({
  _id: { type: String, required: true },
  platform: { type: String, required: true },
  /** Its place in LANES (the most urgent of its rows): lower goes first. */
  lane: { type: Number, required: true },
  size: { type: Number, required: true },
  /** Rows before this place are finished (sent, failed, or queued again for later). */
  done: { type: Number, default: 0 },
  open: { type: Boolean, required: true },
  /** Not before this (a message queued again after a 429 or a passing failure). */
  nextAt: { type: Date, required: true },
  createdAt: { type: Date, required: true },
  finishedAt: Date,
});
outboxChunkSchema.index({ platform: 1, open: 1 });
export const OutboxChunkModel = model('OutboxChunk', outboxChunkSchema);

const outboxFailureSchema = new Schema({
  _id: { type: String, required: true },
  platform: { type: String, required: true },
  recipient: { type: String, required: true },
  error: { type: String, required: true },
  at: { type: Date, required: true },
});
outboxFailureSchema.index({ recipient: 1 });
export const OutboxFailureModel = model('OutboxFailure', outboxFailureSchema);

const outboxRefSchema = new Schema({
  _id: { type: String, required: true },
  platform: { type: String, required: true },
  chat: { type: String, required: true },
  ref: { type: String, required: true },
  at: { type: Date, required: true },
});
export const OutboxRefModel = model('OutboxRef', outboxRefSchema);

export interface OutboxRow {
  id: string;
  chunk: string;
  n: number;
  reply: Reply;
  batch?: string;
  attempts: number;
  lane: number;
  keepRef: boolean;
  about: string[];
}

export interface OutboxChunk {
  id: string;
  platform: Platform;
  lane: number;
  size: number;
  done: number;
  nextAt: Date;
  createdAt: Date;
}

const laneOf = (item: OutboxItem) => Math.max(0, LANES.indexOf(item.lane ?? 'personal'));

/** A chunk's id from its keys: the same messages queued again make the same chunk. */
export function chunkIdOf(items: OutboxItem[]): string {
  const hash = createHash('sha256');
  for (const item of items) hash.update(item.key).update('\n');
  return hash.digest('base64url').slice(0, 24);
}

/**
 * Queues one chunk per platform; returns how many rows were new. `chunkId` names the unit of
 * work when the caller has one (a broadcast's page of recipients); by default the keys name it.
 */
export async function enqueueChunk(
  items: OutboxItem[],
  chunkId = chunkIdOf(items),
  nextAt = new Date(),
  attempts = 0,
): Promise<number> {
  const byPlatform = new Map<Platform, OutboxItem[]>();
  for (const item of items) {
    const list = byPlatform.get(item.reply.to.platform) ?? [];
    list.push(item);
    byPlatform.set(item.reply.to.platform, list);
  }
  let queued = 0;
  for (const [platform, list] of byPlatform) {
    const id = byPlatform.size > 1 ? `${chunkId}:${platform}` : chunkId;
    queued += await enqueueOne(platform, list, id, nextAt, attempts);
  }
  return queued;
}

async function enqueueOne(
  platform: Platform,
  items: OutboxItem[],
  chunk: string,
  nextAt: Date,
  attempts: number,
): Promise<number> {
  // Queued before (a redelivered update, a job resumed after a crash): nothing to do.
  if (await OutboxChunkModel.exists({ _id: chunk })) return 0;
  const now = new Date();
  const rows = items.map((item, n) => ({
    _id: item.key,
    chunk,
    n,
    platform,
    reply: JSON.stringify(item.reply),
    recipient: accountKey(item.reply.to),
    about: (item.reply.about ?? []).map(accountKey),
    keepRef: Boolean(item.reply.keepRef),
    ...(item.batch ? { batch: item.batch } : {}),
    attempts,
    createdAt: now,
  }));
  let inserted: number;
  try {
    // Through the driver: the rows are built here, already of their schema's types, and
    // mongoose's casting and validation of a thousand rows a page cost more than the insert.
    inserted = (await OutboxModel.collection.insertMany(rows as never[], { ordered: false }))
      .insertedCount;
  } catch (error) {
    // A key queued in another chunk still waiting is the point of the key: not queued twice.
    if (!(error instanceof mongoose.mongo.MongoBulkWriteError)) throw error;
    const errors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
    if (!errors.every((e) => e.code === 11000)) throw error;
    inserted = error.insertedCount;
  }
  // The rows first, then the chunk that makes them visible: a failure in between leaves rows
  // that the same chunk, queued again, makes visible.
  try {
    await OutboxChunkModel.create({
      _id: chunk,
      platform,
      lane: Math.min(...items.map(laneOf)),
      size: items.length,
      done: 0,
      open: true,
      nextAt,
      createdAt: now,
    });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return 0;
  }
  return inserted;
}

export const mongoOutbox: Outbox = { enqueue: (items, chunkId) => enqueueChunk(items, chunkId) };

/** The chunks of a platform still to send, most urgent first. */
export async function openChunks(platform: Platform): Promise<OutboxChunk[]> {
  const docs = await OutboxChunkModel.find({ platform, open: true }).lean();
  return docs
    .map((d) => ({
      id: d._id,
      platform,
      lane: d.lane,
      size: d.size,
      done: d.done ?? 0,
      nextAt: d.nextAt,
      createdAt: d.createdAt,
    }))
    .sort((a, b) => a.lane - b.lane || a.createdAt.getTime() - b.createdAt.getTime());
}

/** A chunk's rows not yet finished, in order. */
export async function rowsOf(chunk: OutboxChunk): Promise<OutboxRow[]> {
  const docs = await OutboxModel.find({ chunk: chunk.id }).lean();
  return docs
    .filter((d) => d.n >= chunk.done)
    .sort((a, b) => a.n - b.n)
    .map((d) => ({
      id: d._id,
      chunk: d.chunk,
      n: d.n,
      reply: JSON.parse(d.reply) as Reply,
      ...(d.batch ? { batch: d.batch } : {}),
      attempts: d.attempts ?? 0,
      lane: chunk.lane,
      keepRef: Boolean(d.keepRef),
      about: d.about ?? [],
    }));
}

/** What the sender learned since its last write, written together. */
export interface Progress {
  /** Per chunk: rows before this place are finished. */
  done: Map<string, number>;
  /** Chunks finished: closed, and their rows deleted. */
  closed: string[];
  failures: { id: string; recipient: string; error: string }[];
  refs: { id: string; chat: string; ref: string }[];
  /** Rows to try again later, each as a chunk of its own. */
  later: { row: OutboxRow; at: Date; counts: boolean }[];
}

// FerretDB runs the statements of one bulk write at once and deadlocks its own connection pool
// past about forty: writes go in bulks well below that.
const BULK = 20;

export async function recordProgress(platform: Platform, p: Progress): Promise<void> {
  const now = new Date();
  // Rows to try again at the same moment go in one chunk (a failed VK batch of a hundred is
  // tried again as a hundred rows together, not a hundred chunks of one).
  const groups = new Map<string, { at: Date; attempts: number; items: OutboxItem[] }>();
  for (const { row, at, counts } of p.later) {
    // A new row under a new key: the row it replaces counts as finished.
    const attempts = row.attempts + (counts ? 1 : 0);
    const item: OutboxItem = {
      // The original key, tried again: "<key>~<attempts>", and a wait that was no attempt stamped.
      key: `${row.id.split('~')[0]}~${attempts}${counts ? '' : `.${at.getTime()}`}`,
      reply: row.reply,
      lane: LANES[row.lane] ?? 'personal',
      ...(row.batch ? { batch: row.batch } : {}),
    };
    const group = `${at.getTime()}:${attempts}`;
    const list = groups.get(group) ?? { at, attempts, items: [] };
    list.items.push(item);
    groups.set(group, list);
  }
  for (const { at, attempts, items } of groups.values()) {
    // Named by its keys' hash: a key may hold the recipient's id, a chunk outlives its rows.
    await enqueueChunk(items, `later:${chunkIdOf(items)}`, at, attempts);
  }
  if (p.failures.length) {
    await OutboxFailureModel.insertMany(
      p.failures.map((f) => ({
        _id: f.id,
        platform,
        recipient: f.recipient,
        error: f.error,
        at: now,
      })),
      { ordered: false },
    ).catch((error: unknown) => {
      if (!(error as { writeErrors?: unknown[] }).writeErrors?.every(isDuplicateKey)) throw error;
    });
  }
  if (p.refs.length) {
    await OutboxRefModel.insertMany(
      p.refs.map((r) => ({ _id: r.id, platform, chat: r.chat, ref: r.ref, at: now })),
      { ordered: false },
    ).catch((error: unknown) => {
      if (!(error as { writeErrors?: unknown[] }).writeErrors?.every(isDuplicateKey)) throw error;
    });
  }
  const closed = new Set(p.closed);
  const moves = [...p.done].filter(([chunk]) => !closed.has(chunk));
  for (let i = 0; i < moves.length; i += BULK) {
    await OutboxChunkModel.bulkWrite(
      moves.slice(i, i + BULK).map(([chunk, done]) => ({
        updateOne: { filter: { _id: chunk }, update: { $max: { done } } },
      })),
      { ordered: false },
    );
  }
  for (const chunk of closed) {
    await OutboxChunkModel.updateOne(
      { _id: chunk },
      { $set: { open: false, finishedAt: now, done: p.done.get(chunk) ?? 0 } },
    );
    await OutboxModel.deleteMany({ chunk });
  }
}

/** Messages waiting: queued and not yet finished (from the open chunks: a small read). */
export async function outboxWaiting(platform?: Platform, dueOnly = false): Promise<number> {
  const docs = await OutboxChunkModel.find(
    { open: true, ...(platform ? { platform } : {}) },
    { size: 1, done: 1, nextAt: 1 },
  ).lean();
  const now = Date.now();
  return docs
    .filter((d) => !dueOnly || d.nextAt.getTime() <= now)
    .reduce((n, d) => n + d.size - (d.done ?? 0), 0);
}

/** Removes finished chunks and failures older than `before` (their figures live on as counters). */
export async function pruneOutbox(before: Date): Promise<number> {
  const chunks = await OutboxChunkModel.deleteMany({
    open: false,
    finishedAt: mongoose.trusted({ $lt: before }),
  });
  const failures = await OutboxFailureModel.deleteMany({ at: mongoose.trusted({ $lt: before }) });
  return chunks.deletedCount + failures.deletedCount;
}

/** Everything queued for or about a person, and their failures: removed with their data. */
export async function forgetPersonInOutbox(ref: UserRef): Promise<number> {
  const key = accountKey(ref);
  const rows = await OutboxModel.deleteMany({ recipient: key });
  const about = await OutboxModel.deleteMany({ about: key });
  await OutboxFailureModel.deleteMany({ recipient: key });
  return rows.deletedCount + about.deletedCount;
}

/** The platform's ids of messages sent under these keys (channel posts to take down). */
export async function sentRefs(
  keys: string[],
): Promise<{ key: string; chat: string; ref: string }[]> {
  const docs = await OutboxRefModel.find({ _id: mongoose.trusted({ $in: keys }) }).lean();
  return docs.map((d) => ({ key: d._id, chat: d.chat, ref: d.ref }));
}

export async function forgetRefs(keys: string[]): Promise<void> {
  await OutboxRefModel.deleteMany({ _id: mongoose.trusted({ $in: keys }) });
}

/** Failures recorded for a key (tests, and an organiser's question "did X get it?"). */
export async function outboxFailure(key: string): Promise<string | null> {
  const doc = await OutboxFailureModel.findById(key).lean();
  return doc?.error ?? null;
}

/** Whether a key is queued and not yet finished. */
export async function isQueued(key: string): Promise<boolean> {
  const row = await OutboxModel.findById(key, { chunk: 1, n: 1 }).lean();
  if (!row) return false;
  const chunk = await OutboxChunkModel.findById(row.chunk, { open: 1, done: 1 }).lean();
  return Boolean(chunk?.open && (chunk.done ?? 0) <= row.n);
}

/**
 * Rows written by the outbox before chunks (one status per row): those still waiting join a
 * chunk of their platform, the rest go. Run at connection; does nothing once they are adopted.
 */
export async function adoptUnchunkedRows(): Promise<number> {
  const old = await OutboxModel.collection
    .find({ chunk: mongoose.trusted({ $exists: false }) } as never)
    .toArray();
  if (!old.length) return 0;
  const waiting = old.filter((r) => r.status === 'pending' || r.status === 'sending');
  const byPlatform = new Map<string, typeof waiting>();
  for (const row of waiting)
    byPlatform.set(row.platform, [...(byPlatform.get(row.platform) ?? []), row]);
  const now = new Date();
  for (const [platform, rows] of byPlatform) {
    const chunk = `adopted:${platform}:${now.getTime()}`;
    for (const [n, row] of rows.entries()) {
      const reply = JSON.parse(String(row.reply)) as Reply;
      await OutboxModel.collection.updateOne(
        { _id: row._id },
        {
          $set: {
            chunk,
            n,
            recipient: accountKey(reply.to),
            about: [],
            keepRef: false,
            createdAt: now,
          },
        },
      );
    }
    await OutboxChunkModel.create({
      _id: chunk,
      platform,
      lane: 0,
      size: rows.length,
      done: 0,
      open: true,
      nextAt: now,
      createdAt: now,
    });
  }
  await OutboxModel.collection.deleteMany({ chunk: mongoose.trusted({ $exists: false }) } as never);
  return waiting.length;
}
