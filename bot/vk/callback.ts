import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, readBody, sameSecret } from '../http-body.js';
import type { RequestHandler } from '../http-server.js';
import type { InboxWorker } from '../inbox-worker.js';

// The Callback API: VK posts each event to our address and wants "ok". VK does not send an event
// again once it heard "ok", so "ok" is said only after the event is kept in the database (the
// inbox); it is handled from there, at once, or after a restart by whichever process looks.
// While the database is away the answer is 503 (VK sends the event again) and the event waits
// in memory to be kept when the database is back. Every request must carry the community's
// secret key; one without it gets 403 and changes nothing.

export function vkCallback(options: {
  secret: string;
  confirmation: string;
  groupId: number;
  inbox: InboxWorker;
}): RequestHandler {
  const { secret, confirmation, groupId, inbox } = options;

  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return void res.writeHead(405).end();
    let body: string;
    let parsed: unknown;
    try {
      body = (await readBody(req)).toString('utf8');
      parsed = JSON.parse(body);
    } catch (error) {
      return void res.writeHead(error instanceof BodyTooLarge ? 413 : 400).end();
    }
    if (!parsed || typeof parsed !== 'object') return void res.writeHead(400).end();
    const event = parsed as {
      type?: unknown;
      secret?: unknown;
      group_id?: unknown;
      event_id?: unknown;
    };
    if (!sameSecret(event.secret, secret)) return void res.writeHead(403).end();
    if (event.type === 'confirmation') {
      if (event.group_id !== groupId) return void res.writeHead(403).end();
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(confirmation);
    }
    const ok = () => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    // Without an id it cannot be told apart from a redelivery: not one the bot acts on.
    if (typeof event.event_id !== 'string' || !event.event_id || event.event_id.length > 100)
      return void ok();
    // Kept without the secret key: it has no business in the database.
    const kept = JSON.stringify({ ...event, secret: undefined });
    if (await inbox.keep(event.event_id, kept)) return void ok();
    res.writeHead(503, { 'retry-after': '2' }).end();
  };
}
