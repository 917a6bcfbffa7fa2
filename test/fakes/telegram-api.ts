import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'grammy/types';

// A local server that speaks the part of the Telegram Bot API the bot uses. It queues updates
// for getUpdates, records every call the bot makes, and answers like Telegram does (message
// objects with ids, file paths for getFile, errors on request).

export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  result?: unknown;
  /** When the server accepted the call (ms since the epoch). */
  at?: number;
}

interface Waiter {
  resolve: () => void;
}

interface Failure {
  method: string;
  chatId?: number;
  code: number;
  description: string;
  parameters?: Record<string, unknown>;
}

/** An update as a test writes it: any shape (a fuzz test sends broken ones), id optional. */
export type RawUpdate = Record<string, unknown> & { update_id?: number };

export const BOT_ID = 7000001;
export const BOT_USERNAME = 'dogoodthings_test_bot';

export class FakeTelegramApi {
  readonly calls: ApiCall[] = [];
  private server: Server;
  private queue: Update[] = [];
  private nextUpdateId = 1;
  private confirmedOffset = 0;
  private pollers: Waiter[] = [];
  private processedWaiters: { updateId: number; resolve: () => void }[] = [];
  private messageIds = new Map<number, number>();
  private failures: Failure[] = [];
  readonly files = new Map<string, Buffer>();
  /** When set, sends above this many a second get 429 with retry_after, as Telegram does. */
  rateLimit: { perSecond: number; retryAfter: number } | null = null;
  /** Sends with allow_paid_broadcast have a limit of their own (Telegram: 1,000 a second). */
  paidRateLimit = 1000;
  tooManyRequests = 0;
  private window: number[] = [];
  private paidWindow: number[] = [];
  /** Webhook deliveries answered other than 2xx (Telegram delivers those again). */
  readonly webhookRefusals: { updateId: number; status: number }[] = [];
  private stopped = false;
  /** Chats whose sends are answered this many milliseconds late (a slow way to them). */
  readonly slowChats = new Map<number, number>();
  /** Members of channels, for getChatMember: channel → user ids. */
  readonly channelMembers = new Map<string, Set<number>>();

  constructor() {
    this.server = createServer((req, res) => void this.route(req, res));
  }

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const p of this.pollers.splice(0)) p.resolve();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  /** When set, updates are posted to the bot's webhook instead of waiting for getUpdates. */
  webhook: { url: string; secret: string } | null = null;

  /**
   * Posts an update to the webhook as Telegram does: an answer other than 2xx (or none) means
   * "not delivered", and the update is posted again, a little later each time.
   */
  private async post(update: RawUpdate): Promise<void> {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId++ };
    for (let attempt = 0; !this.stopped && this.webhook; attempt += 1) {
      let status = 0;
      try {
        const res = await fetch(this.webhook.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-telegram-bot-api-secret-token': this.webhook.secret,
          },
          body: JSON.stringify(full),
        });
        status = res.status;
        // The bot may answer with a method call (a webhook reply): Telegram performs it.
        const reply = await res.text();
        if (res.ok) {
          if (reply.startsWith('{')) {
            const { method, ...params } = JSON.parse(reply) as { method?: string };
            if (method) this.calls.push({ method, params, at: Date.now(), result: true });
          }
          return;
        }
      } catch {
        // Connection refused or reset: the bot is down. Telegram tries again later.
      }
      this.webhookRefusals.push({ updateId: full.update_id, status });
      await new Promise((r) => setTimeout(r, Math.min(1_000, 100 * 2 ** attempt)));
    }
  }

  /** Queues an update and resolves once the bot has confirmed it (asked for the next offset);
   * with a webhook set, posts it there and resolves when the bot answered. */
  deliver(update: RawUpdate): Promise<void> {
    if (this.webhook) return this.post(update);
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId++ } as Update;
    this.nextUpdateId = Math.max(this.nextUpdateId, full.update_id + 1);
    // Telegram hands out updates in increasing id order; so does this queue.
    const at = this.queue.findIndex((u) => u.update_id > full.update_id);
    if (at === -1) this.queue.push(full);
    else this.queue.splice(at, 0, full);
    for (const p of this.pollers.splice(0)) p.resolve();
    return new Promise((resolve) =>
      this.processedWaiters.push({ updateId: full.update_id, resolve }),
    );
  }

  /** Queues several updates at once (one getUpdates batch) and waits until all are confirmed. */
  async deliverAll(updates: RawUpdate[]): Promise<void> {
    await Promise.all(updates.map((u) => this.deliver(u)));
  }

  newUpdateId(): number {
    return this.nextUpdateId++;
  }

  /** Makes the next call of `method` (to `chatId`, if given) fail like Telegram would. */
  failNext(failure: Failure): void {
    this.failures.push(failure);
  }

  callsTo(chatId: number, since = 0): ApiCall[] {
    return this.calls.slice(since).filter((c) => Number(c.params.chat_id) === chatId);
  }

  private confirm(offset: number): void {
    if (offset <= this.confirmedOffset) return;
    this.confirmedOffset = offset;
    this.queue = this.queue.filter((u) => u.update_id >= offset);
    const done = this.processedWaiters.filter((w) => w.updateId < offset);
    this.processedWaiters = this.processedWaiters.filter((w) => w.updateId >= offset);
    for (const w of done) w.resolve();
  }

  private async getUpdates(params: Record<string, unknown>): Promise<Update[]> {
    const offset = Number(params.offset ?? 0);
    if (offset) this.confirm(offset);
    const limit = Number(params.limit ?? 100);
    const timeout = Math.min(Number(params.timeout ?? 0), 30);
    const ready = () => this.queue.filter((u) => u.update_id >= offset).slice(0, limit);
    if (!ready().length && timeout > 0) {
      await new Promise<void>((resolve) => {
        const waiter = { resolve };
        this.pollers.push(waiter);
        setTimeout(resolve, timeout * 1000).unref();
      });
    }
    return ready();
  }

  private message(chatId: number, extra: Record<string, unknown>): Record<string, unknown> {
    const id = (this.messageIds.get(chatId) ?? 1000) + 1;
    this.messageIds.set(chatId, id);
    return {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private' },
      from: { id: BOT_ID, is_bot: true, first_name: 'DoGoodThings', username: BOT_USERNAME },
      ...extra,
    };
  }

  private result(method: string, params: Record<string, unknown>): unknown {
    const chatId = Number(params.chat_id);
    switch (method) {
      case 'getMe':
        return { id: BOT_ID, is_bot: true, first_name: 'DoGoodThings', username: BOT_USERNAME };
      case 'sendMessage':
        return this.message(chatId, { text: params.text, reply_markup: params.reply_markup });
      case 'sendPhoto':
        return this.message(chatId, {
          photo: [{ file_id: params.photo, file_unique_id: 'u', width: 1, height: 1 }],
          caption: params.caption,
        });
      case 'sendVideo':
        return this.message(chatId, {
          video: { file_id: params.video, file_unique_id: 'u' },
          caption: params.caption,
        });
      case 'editMessageMedia':
        return this.message(chatId, { message_id: params.message_id });
      case 'getChatMember': {
        const member = this.channelMembers.get(String(params.chat_id))?.has(Number(params.user_id));
        const user = { id: Number(params.user_id), is_bot: false, first_name: 'Member' };
        return { status: member ? 'member' : 'left', user };
      }
      case 'sendMediaGroup':
        return (params.media as unknown[]).map(() => this.message(chatId, {}));
      case 'editMessageText':
        return this.message(chatId, { message_id: params.message_id, text: params.text });
      case 'getFile': {
        const fileId = String(params.file_id);
        return { file_id: fileId, file_unique_id: `u-${fileId}`, file_path: `files/${fileId}` };
      }
      default:
        return true;
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = /^\/file\/bot[^/]+\/files\/(.+)$/.exec(url.pathname);
    if (file) {
      const body = this.files.get(decodeURIComponent(file[1]!));
      res.writeHead(body ? 200 : 404).end(body ?? 'Not Found');
      return;
    }
    const match = /^\/bot[^/]+\/(\w+)$/.exec(url.pathname);
    if (!match) {
      res
        .writeHead(404)
        .end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      return;
    }
    const method = match[1]!;
    const params = { ...Object.fromEntries(url.searchParams), ...(await readJson(req)) };
    const send = (status: number, body: unknown) => {
      if (!res.writableEnded)
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (method === 'getUpdates') {
      send(200, { ok: true, result: await this.getUpdates(params) });
      return;
    }
    if (method.startsWith('send') && this.overRate(params.allow_paid_broadcast === true)) {
      this.tooManyRequests += 1;
      const retryAfter = this.rateLimit!.retryAfter;
      send(429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${retryAfter}`,
        parameters: { retry_after: retryAfter },
      });
      return;
    }
    this.calls.push({ method, params, at: Date.now() });
    const failure = this.takeFailure(method, Number(params.chat_id));
    if (failure) {
      send(failure.code, {
        ok: false,
        error_code: failure.code,
        description: failure.description,
        ...(failure.parameters ? { parameters: failure.parameters } : {}),
      });
      return;
    }
    const call = this.calls[this.calls.length - 1]!;
    const result = this.result(method, params);
    call.result = result;
    const slow = this.slowChats.get(Number(params.chat_id));
    if (slow) await new Promise((r) => setTimeout(r, slow));
    send(200, { ok: true, result });
  }

  /** A sliding one-second window over accepted sends (paid ones have a window of their own). */
  private overRate(paid: boolean): boolean {
    if (!this.rateLimit) return false;
    const now = Date.now();
    const limit = paid ? this.paidRateLimit : this.rateLimit.perSecond;
    let window = paid ? this.paidWindow : this.window;
    let start = 0;
    while (start < window.length && window[start]! <= now - 1000) start += 1;
    if (start) window = window.slice(start);
    if (paid) this.paidWindow = window;
    else this.window = window;
    if (window.length >= limit) return true;
    window.push(now);
    return false;
  }

  private takeFailure(method: string, chatId: number): Failure | undefined {
    const i = this.failures.findIndex(
      (f) => f.method === method && (f.chatId === undefined || f.chatId === chatId),
    );
    return i >= 0 ? this.failures.splice(i, 1)[0] : undefined;
  }
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  if (!body) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  if (type.includes('x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body));
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (type.includes('multipart/form-data') && boundary)
    return parseMultipart(body, boundary[1] ?? boundary[2]!);
  return {};
}

/** Enough of multipart/form-data for the bot's uploads: fields as strings, files as {filename, content}. */
function parseMultipart(body: string, boundary: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const part of body.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const content = part.slice(split + 4).replace(/\r\n$/, '');
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (!name) continue;
    // grammY writes filename=entries.csv without quotes; browsers quote it.
    const filename = /filename="?([^";\r\n]+)"?/.exec(headers)?.[1];
    params[name] = filename ? { filename, content } : tryJson(content);
  }
  // grammY attaches a file as "attach://<id>" under the method's field; resolve it.
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' && value.startsWith('attach://'))
      params[key] = params[value.slice(9)];
  }
  return params;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
