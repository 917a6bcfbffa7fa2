import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildFerretDb,
  FERRETDB_VERSION,
  freePort,
  hasGo,
  waitForPort,
} from '../../bot/embedded-db.js';

// Tests talk to a real MongoDB wire-protocol server, in this order of preference:
//   1. the one MONGODB_URI names;
//   2. FerretDB v1.24.2 on SQLite, built from the Go module proxy once and cached;
//   3. mongodb-memory-server, where it can download a MongoDB binary.

/**
 * A fresh PostgreSQL database for FerretDB's PostgreSQL backend, when a local PostgreSQL lets us
 * in (this machine kind runs one). FerretDB 1.x on SQLite scans a whole collection for every
 * write, which makes the outbox tests crawl; on PostgreSQL a write by _id takes a few ms.
 */
function createPostgresDatabase(): { url: string; drop: () => void } | null {
  const url = process.env.FERRETDB_POSTGRESQL_URL ?? 'postgres://postgres@127.0.0.1:5432';
  const name = `ferretdb_test_${process.pid}_${Date.now()}`;
  try {
    execFileSync('psql', [`${url}/postgres`, '-qc', `CREATE DATABASE ${name}`], {
      stdio: 'ignore',
      timeout: 5_000,
    });
  } catch {
    return null;
  }
  return {
    // PostgreSQL allows 100 connections, and another copy of the suite (or a benchmark) may run
    // beside this one: each server gets at most 40, not FerretDB's default 50, unless told.
    url: `${url}/${name}?pool_max_conns=${process.env.FERRETDB_POOL_MAX_CONNS ?? 40}`,
    drop: () => {
      try {
        execFileSync(
          'psql',
          [`${url}/postgres`, '-qc', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`],
          { stdio: 'ignore' },
        );
      } catch {
        // A database left behind is only disk space.
      }
    },
  };
}

function isFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

let portsTaken = 0;

/**
 * A port for a test's own database, below the range the system hands out for port 0 (32768 and
 * up, where every other test server listens): a server killed and started again on it cannot
 * find it taken by another test meanwhile, and each vitest worker picks from a hundred of its
 * own, so two workers starting databases at once never pick the same one (with port 0 they once
 * did, and one test talked to the other's database).
 */
async function testPort(): Promise<number> {
  const worker = Number(process.env.VITEST_POOL_ID ?? 0) % 100;
  for (let tries = 0; tries < 100; tries += 1) {
    const port = 20_000 + worker * 100 + (portsTaken++ % 100);
    if (await isFree(port)) return port;
  }
  return freePort();
}

async function startFerretDb(backend: 'postgresql' | 'sqlite'): Promise<ControllableMongoServer> {
  const binary = await buildFerretDb((line) => console.log(`[test setup] ${line}`));
  const dir = mkdtempSync(join(tmpdir(), 'ferretdb-data-'));
  const port = await testPort();
  const postgres =
    backend === 'sqlite' || process.env.FERRETDB_BACKEND === 'sqlite'
      ? null
      : createPostgresDatabase();
  const handler = postgres
    ? ['--handler=postgresql', `--postgresql-url=${postgres.url}`]
    : [
        '--handler=sqlite',
        // Tests need a real server, not durability: no fsync on every write.
        `--sqlite-url=file:${dir}/?_pragma=synchronous(off)`,
      ];
  const args = [
    ...handler,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    '--state-dir=-',
    '--log-level=error',
    `--debug-addr=${process.env.FERRETDB_DEBUG_ADDR ?? '-'}`,
  ];
  // FerretDB logs every duplicate key as an error; the tests provoke those on purpose.
  // Its garbage collector ran at every doubling of a small heap: a fifth of its CPU under the
  // surge bench. Collecting at every fifth (GOGC=400) costs a few tens of MiB.
  const launch = () =>
    spawn(binary, args, {
      stdio: ['ignore', 'ignore', process.env.FERRETDB_LOG ? 'inherit' : 'ignore'],
      env: { ...process.env, GOGC: process.env.GOGC ?? '400' },
    });
  let child = launch();
  await waitForPort(port, child);
  if (backend === 'postgresql')
    console.log(
      `[test setup] FerretDB ${FERRETDB_VERSION} on ${postgres ? 'PostgreSQL' : 'SQLite'}`,
    );
  const kill = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  };
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    // The same server, same data, same port: for tests of a database that goes away and returns.
    kill,
    restart: async () => {
      child = launch();
      await waitForPort(port, child);
    },
    // A stalled primary: the process is there, its sockets open, and it answers nothing.
    freeze: async () => void child.kill('SIGSTOP'),
    thaw: async () => void child.kill('SIGCONT'),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGCONT');
      await kill();
      rmSync(dir, { recursive: true, force: true });
      postgres?.drop();
    },
  };
}

async function startMemoryServer(): Promise<ControllableMongoServer> {
  const { MongoMemoryServer } = await import('mongodb-memory-server-core');
  const server = await MongoMemoryServer.create();
  const pid = () => server.instanceInfo?.instance.mongodProcess?.pid;
  const signal = (name: NodeJS.Signals) => {
    const p = pid();
    if (p) process.kill(p, name);
  };
  return {
    uri: server.getUri(),
    kill: async () => void (await server.stop({ doCleanup: false, force: true })),
    restart: async () => void (await server.start(true)),
    freeze: async () => signal('SIGSTOP'),
    thaw: async () => signal('SIGCONT'),
    stop: async () => {
      signal('SIGCONT');
      await server.stop();
    },
  };
}

export interface MongoServer {
  uri: string;
  stop(): Promise<void>;
}

/** A server the tests started themselves, so they can take it away and bring it back. */
export interface ControllableMongoServer extends MongoServer {
  /** Kills the server (SIGKILL). */
  kill(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  restart(): Promise<void>;
  /** Stops it answering (SIGSTOP), as a stalled primary or a replica-set election does. */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
}

/** A Mongo-wire server for tests and benchmarks: MONGODB_URI, else FerretDB, else mongodb-memory-server. */
export async function startMongoServer(): Promise<MongoServer> {
  if (process.env.MONGODB_URI) return { uri: process.env.MONGODB_URI, stop: async () => undefined };
  return hasGo() ? startFerretDb('postgresql') : startMemoryServer();
}

/**
 * A server of the tests' own, whatever MONGODB_URI says: the tests of a database that goes away
 * must be able to take it away, so they never skip for want of one.
 */
export async function startOwnMongoServer(): Promise<ControllableMongoServer> {
  // On SQLite: these hold little data, and take no PostgreSQL connections from the main server
  // (or from another copy of the suite running beside this one).
  return hasGo() ? startFerretDb('sqlite') : startMemoryServer();
}
