import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import type { RequestHandler } from '../http-server.js';
import { DeliverAgain } from '../event-flow.js';

// The Callback API: VK posts each event to our address and wants "ok" at once (it repeats an
// event that is not answered in time). Every request must carry the community's secret key;
// one without it gets 403 and changes nothing. The answer goes before the work; an event that
// met the database away is kept in memory and tried again until it is back.

const BODY_LIMIT = 1024 * 1024;
const RETRY_FOR_MS = 10 * 60 * 1000;

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function vkCallback(options: {
  secret: string;
  confirmation: string;
  groupId: number;
  handle(event: unknown): Promise<void>;
  log: Logger;
}): RequestHandler {
  const { secret, confirmation, groupId, handle, log } = options;

  async function work(event: unknown, since: number): Promise<void> {
    try {
      await handle(event);
    } catch (error) {
      if (error instanceof DeliverAgain && Date.now() - since < RETRY_FOR_MS) {
        setTimeout(() => void work(event, since), 2_000).unref();
      } else log.error({ err: error }, 'VK callback event failed');
    }
  }

  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const body = await readBody(req);
    let parsed: unknown = null;
    try {
      parsed = body === null ? null : JSON.parse(body);
    } catch {
      parsed = null;
    }
    if (!parsed || typeof parsed !== 'object') return void res.writeHead(400).end();
    const event = parsed as { type?: unknown; secret?: unknown; group_id?: unknown };
    if (typeof event.secret !== 'string' || !same(event.secret, secret))
      return void res.writeHead(403).end();
    if (event.type === 'confirmation') {
      if (event.group_id !== groupId) return void res.writeHead(403).end();
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(confirmation);
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    void work(event, Date.now());
  };
}
