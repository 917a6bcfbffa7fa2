import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { sameSecret } from './http-body.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { OutboxFigures } from './outbox-figures.js';

// One small HTTP server per process: the platforms' webhooks, /healthz for the load balancer and
// /metrics for Prometheus (on a port of its own, or behind a token). Health is one ping;
// metrics are counters in memory. No answer names a host, a port or a driver's error.

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface HttpServerOptions {
  host: string;
  port: number;
  metrics: Metrics;
  outbox: OutboxFigures;
  log: Logger;
  /** Path → handler for platform webhooks (e.g. /telegram). */
  webhooks: Record<string, RequestHandler>;
  /** Every other request: the contest's website (and its Mini App's calls). */
  site?: RequestHandler;
  /** /metrics on this server for a scraper that sends this bearer token. */
  metricsToken?: string;
  /** Or /metrics on a server of its own. */
  metricsPort?: number;
  metricsHost?: string;
}

const PING_DEADLINE_MS = 2_000;

async function databaseAnswers(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || mongoose.connection.readyState !== 1) return false;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.admin().ping(),
      new Promise((_, fail) => {
        timer = setTimeout(() => fail(new Error('ping timed out')), PING_DEADLINE_MS);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

interface Started {
  server: Server;
  port: number;
  close(): Promise<void>;
}

async function listen(server: Server, host: string, port: number): Promise<Started> {
  // A client that trickles its headers or body is cut off instead of holding a socket.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

export async function startHttpServer(
  options: HttpServerOptions,
): Promise<Started & { metricsPort?: number }> {
  const { metrics, outbox, log, webhooks } = options;

  const health = async (res: ServerResponse) => {
    const ok = await databaseAnswers();
    const backlog = outbox.snapshot.pending;
    json(res, ok ? 200 : 503, {
      ok,
      database: ok ? 'ok' : 'unavailable',
      ...(outbox.snapshot.at ? { outboxBacklog: backlog } : {}),
    });
  };
  const exposition = async (res: ServerResponse) => {
    res
      .writeHead(200, { 'content-type': metrics.registry.contentType })
      .end(await metrics.registry.metrics());
  };

  const route =
    (serveMetrics: (req: IncomingMessage) => boolean) =>
    (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0]!;
      const answer = async () => {
        const webhook = webhooks[path];
        if (webhook && req.method === 'POST') return webhook(req, res);
        if (path === '/healthz') return health(res);
        if (path === '/metrics' && serveMetrics(req)) return exposition(res);
        if (options.site) return options.site(req, res);
        res.writeHead(404).end('Not Found');
      };
      Promise.resolve(answer()).catch((error: unknown) => {
        log.error({ err: error, path }, 'HTTP request failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
    };

  const token = options.metricsToken;
  const bearer = (req: IncomingMessage) =>
    Boolean(token) && sameSecret(req.headers.authorization, `Bearer ${token}`);
  const main = await listen(createServer(route(bearer)), options.host, options.port);
  log.info({ port: main.port }, 'HTTP server listening (webhooks, /healthz)');
  if (options.metricsPort === undefined) return main;

  const side = await listen(
    createServer(route(() => true)),
    options.metricsHost ?? '127.0.0.1',
    options.metricsPort,
  );
  log.info({ metricsPort: side.port }, 'metrics listening');
  return {
    ...main,
    metricsPort: side.port,
    close: async () => {
      await Promise.all([main.close(), side.close()]);
    },
  };
}
