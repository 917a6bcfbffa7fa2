import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import mongoose from 'mongoose';
import { outboxCounts } from '../models/outbox.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

// One small HTTP server per process: the Telegram webhook (when in webhook mode), /healthz for the
// load balancer, /metrics for Prometheus.

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface HttpServerOptions {
  host: string;
  port: number;
  metrics: Metrics;
  log: Logger;
  /** Path → handler for platform webhooks (e.g. /telegram). */
  webhooks: Record<string, RequestHandler>;
}

async function health(): Promise<{ ok: boolean; database: string; outboxBacklog?: number }> {
  try {
    const db = mongoose.connection.db;
    if (!db) return { ok: false, database: 'disconnected' };
    await Promise.race([
      db.admin().ping(),
      new Promise((_, fail) => setTimeout(() => fail(new Error('ping timed out')), 2_000)),
    ]);
    const counts = await outboxCounts();
    return { ok: true, database: 'ok', outboxBacklog: counts.pending + counts.sending };
  } catch (error) {
    return { ok: false, database: String((error as Error).message ?? error) };
  }
}

export async function startHttpServer(
  options: HttpServerOptions,
): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const { metrics, log, webhooks } = options;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const webhook = webhooks[path];
    const answer = async () => {
      if (webhook && req.method === 'POST') return webhook(req, res);
      if (path === '/healthz') {
        const state = await health();
        res
          .writeHead(state.ok ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify(state));
        return;
      }
      if (path === '/metrics') {
        res
          .writeHead(200, { 'content-type': metrics.registry.contentType })
          .end(await metrics.registry.metrics());
        return;
      }
      res.writeHead(404).end('Not Found');
    };
    Promise.resolve(answer()).catch((error: unknown) => {
      log.error({ err: error, path }, 'HTTP request failed');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const port = (server.address() as AddressInfo).port;
  log.info({ port }, 'HTTP server listening (/healthz, /metrics, webhooks)');
  return {
    server,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
