import type { Readable } from 'node:stream';
import { Agent, request } from 'undici';

// grammY calls the Bot API through node-fetch unless told otherwise. On the busy day every vote
// makes one such call (the card's refresh), and node-fetch's request, header and stream objects
// were the largest cost of a vote in bench:votes that the baseline does not pay. undici's
// request() (from the team that maintains Node's own HTTP client) does the same call with far
// less around it. grammY reads nothing of the response but its JSON body, so that is all this
// gives back; uploads (multipart streams) go the same way.

type Fetch = (url: string | URL, init?: RequestInit) => Promise<Response>;

export function botApiFetch(): Fetch {
  // Connections to the Bot API stay open between calls, as node-fetch's keep-alive agent did.
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  return async (url, init = {}) => {
    const res = await request(url, {
      dispatcher,
      method: (init.method ?? 'GET') as 'GET',
      headers: init.headers as Record<string, string> | undefined,
      // A string of JSON, or grammY's multipart stream (a Node Readable) for uploads.
      body: init.body as string | Readable | null | undefined,
      signal: init.signal ?? undefined,
    });
    return { json: () => res.body.json() } as unknown as Response;
  };
}
