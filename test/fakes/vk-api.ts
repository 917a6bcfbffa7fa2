import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the part of the VK API the bot uses: Bots Long Poll (getLongPollServer
// and the a_check endpoint, with history, so asking again for the same ts gets the same events),
// the Callback API (posting events to the bot with the secret), messages.send (peer_id or
// peer_ids, random_id remembered per peer as VK does), messages.edit,
// messages.sendMessageEventAnswer, photo and document uploads, users.get and groups.isMember.
// It records every call and what each person was sent.

export const VK_GROUP_ID = 77_000_001;

export interface VkCall {
  method: string;
  params: Record<string, string>;
  at: number;
}

/** A message as a person sees it in their dialog with the community. */
export interface VkMessage {
  peerId: number;
  conversationMessageId: number;
  text: string;
  attachments: string[];
  keyboard?: { inline?: boolean; buttons: VkButton[][] };
}

export interface VkButton {
  action: { type: string; label: string; payload?: string; link?: string };
}

interface Stored {
  bytes: Buffer;
  sha256: string;
}

interface Failure {
  method: string;
  peerId?: number;
  code: number;
  message: string;
  /** Do the work, then answer with the error: the answer was lost on its way back. */
  afterDelivery?: boolean;
}

/** VK's errors for people the community cannot write to. */
class PeerError extends Error {
  constructor(readonly code: number) {
    super(code === 901 ? "Can't send messages for users without permission" : 'Access denied');
  }
}

export class FakeVkApi {
  readonly calls: VkCall[] = [];
  /** Every event handed to the bot, by its position in the long poll history. */
  private history: Record<string, unknown>[] = [];
  private pollers: (() => void)[] = [];
  /** What each peer's dialog shows: sent messages, edited in place by messages.edit. */
  readonly dialogs = new Map<number, VkMessage[]>();
  /** Uploaded or user-sent files by attachment string ("photo-1_5_key"), with their hash. */
  readonly files = new Map<string, Stored>();
  readonly members = new Set<number>();
  /** People who have not allowed the community to write to them (error 901). */
  readonly blocked = new Set<number>();
  readonly names = new Map<number, [string, string]>();
  /** messages.send calls accepted, with how many peers each. */
  readonly sendRequests: { peers: number[]; randomId: number }[] = [];
  private seenRandom = new Map<string, number>();
  private failures: Failure[] = [];
  private nextId = 1;
  private nextEventId = 1;
  private server = createServer((req, res) => void this.route(req, res));
  root = '';
  /** When set, events are posted to the bot's Callback API instead of waiting in long poll. */
  callback: { url: string; secret: string } | null = null;

  async start(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.root = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return `${this.root}/method`;
  }

  async stop(): Promise<void> {
    for (const wake of this.pollers.splice(0)) wake();
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  /** Hands an event to the bot (long poll or callback); resolves when the bot took it. */
  async push(event: Record<string, unknown>): Promise<string> {
    const eventId = String(event.event_id ?? `ev${this.nextEventId++}`);
    const full = { group_id: VK_GROUP_ID, v: '5.199', ...event, event_id: eventId };
    if (this.callback) {
      await this.postCallback(full);
      return eventId;
    }
    this.history.push(full);
    const position = this.history.length;
    for (const wake of this.pollers.splice(0)) wake();
    // The bot has handled an event once it asks for the events after it.
    await new Promise<void>((resolve) => this.confirmWaiters.push({ position, resolve }));
    return eventId;
  }

  /** Callback answers other than "ok" (VK sends those events again). */
  readonly callbackRefusals: { eventId: string; status: number }[] = [];

  /** Posts an event to the Callback API as VK does: again, a little later, until it hears "ok". */
  private async postCallback(full: Record<string, unknown>): Promise<void> {
    for (let attempt = 0; this.callback && this.server.listening; attempt += 1) {
      let status = 0;
      try {
        const res = await fetch(this.callback.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...full, secret: this.callback.secret }),
        });
        status = res.status;
        if ((await res.text()) === 'ok' && res.ok) return;
      } catch {
        // The bot is down: VK tries again.
      }
      this.callbackRefusals.push({ eventId: String(full.event_id), status });
      await new Promise((r) => setTimeout(r, Math.min(1_000, 100 * 2 ** attempt)));
    }
  }

  /** How far the bot's long poll has confirmed (the ts it asked for last). */
  confirmedTs = 1;
  private confirmWaiters: { position: number; resolve: () => void }[] = [];

  /** A photo a person attaches, as VK gives it to the community: sizes with download URLs. */
  userPhoto(bytes: Buffer, ownerId: number): Record<string, unknown> {
    const id = this.nextId++;
    this.files.set(`photo${ownerId}_${id}`, { bytes, sha256: sha(bytes) });
    return {
      type: 'photo',
      photo: {
        id,
        owner_id: ownerId,
        access_key: 'k',
        sizes: [
          {
            type: 's',
            url: `${this.root}/files/photo${ownerId}_${id}?size=s`,
            width: 75,
            height: 75,
          },
          { type: 'x', url: `${this.root}/files/photo${ownerId}_${id}`, width: 604, height: 453 },
        ],
      },
    };
  }

  /** Makes the next call of `method` (to `peerId`, if given) fail with a VK error. */
  failNext(failure: Failure): void {
    this.failures.push(failure);
  }

  dialog(peerId: number): VkMessage[] {
    return this.dialogs.get(peerId) ?? [];
  }

  /** Calls of a method that get no answer at all (the bot is killed meanwhile): method names. */
  readonly stalled = new Set<string>();

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (body: unknown, status = 200) => {
      if (!res.writableEnded)
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (url.pathname === '/lp') return reply(await this.longPoll(url.searchParams));
    const file = /^\/files\/(\w+)$/.exec(url.pathname);
    if (file) {
      const stored = this.files.get(file[1]!);
      if (!stored) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': 'image/png' }).end(stored.bytes);
    }
    if (url.pathname === '/upload/photo' || url.pathname === '/upload/doc') {
      const parts = await readMultipart(req);
      const part = parts.photo ?? parts.file;
      if (!part) return reply({ error: 'no file' });
      // VK's photo server takes pictures only, by their file name.
      if (url.pathname === '/upload/photo' && !/\.(jpe?g|png|gif)$/i.test(part.filename ?? ''))
        return reply({ server: 1, photo: '[]', hash: 'h' });
      const token = `up${this.nextId++}`;
      this.uploads.set(token, part.bytes);
      return reply(
        url.pathname === '/upload/photo' ? { server: 1, photo: token, hash: 'h' } : { file: token },
      );
    }
    const method = /^\/method\/([\w.]+)$/.exec(url.pathname)?.[1];
    if (!method) return reply({ error: 'not found' }, 404);
    const params = { ...Object.fromEntries(url.searchParams), ...(await readForm(req)) };
    this.calls.push({ method, params, at: Date.now() });
    if (this.stalled.has(method)) return; // never answered
    const failure = this.takeFailure(method, Number(params.peer_id ?? params.user_id));
    const fail = (code: number, message: string) =>
      reply({ error: { error_code: code, error_msg: message, request_params: [] } });
    if (failure && !failure.afterDelivery) return fail(failure.code, failure.message);
    try {
      const response = this.result(method, params);
      if (failure) return fail(failure.code, failure.message);
      reply({ response });
    } catch (error) {
      if (error instanceof PeerError) return fail(error.code, error.message);
      fail(100, String(error));
    }
  }

  private uploads = new Map<string, Buffer>();

  private async longPoll(q: URLSearchParams): Promise<unknown> {
    if (q.get('key') !== 'lp-key') return { failed: 2 };
    const ts = Number(q.get('ts'));
    this.confirmedTs = Math.max(this.confirmedTs, ts);
    const done = this.confirmWaiters.filter((w) => w.position < this.confirmedTs);
    this.confirmWaiters = this.confirmWaiters.filter((w) => w.position >= this.confirmedTs);
    for (const w of done) w.resolve();
    if (ts > this.history.length + 1) return { failed: 1, ts: String(this.history.length + 1) };
    if (this.history.length < ts) {
      const wait = Math.min(Number(q.get('wait') ?? 25), 25) * 1000;
      await new Promise<void>((resolve) => {
        this.pollers.push(resolve);
        setTimeout(resolve, wait).unref();
      });
    }
    const updates = this.history.slice(ts - 1);
    return { ts: String(ts + updates.length), updates };
  }

  private result(method: string, p: Record<string, string>): unknown {
    switch (method) {
      case 'groups.getLongPollServer':
        // From what the last poller confirmed: a restarted bot gets what it had not finished.
        return { key: 'lp-key', server: `${this.root}/lp`, ts: String(this.confirmedTs) };
      case 'messages.send':
        return this.send(p);
      case 'messages.edit': {
        const peer = Number(p.peer_id);
        const message = this.dialog(peer).find(
          (m) => m.conversationMessageId === Number(p.conversation_message_id),
        );
        if (!message) throw new Error('message not found');
        Object.assign(message, this.content(p));
        return 1;
      }
      case 'messages.sendMessageEventAnswer':
        return 1;
      case 'users.get':
        return p.user_ids!.split(',').map((id) => {
          const [first_name, last_name] = this.names.get(Number(id)) ?? ['Vk', `User${id}`];
          return { id: Number(id), first_name, last_name };
        });
      case 'groups.isMember':
        return this.members.has(Number(p.user_id)) ? 1 : 0;
      case 'photos.getMessagesUploadServer':
        return { upload_url: `${this.root}/upload/photo`, album_id: -3, group_id: VK_GROUP_ID };
      case 'photos.saveMessagesPhoto': {
        const bytes = this.uploads.get(p.photo!);
        if (!bytes) throw new Error('unknown upload');
        const id = this.nextId++;
        const name = `photo-${VK_GROUP_ID}_${id}`;
        this.files.set(name, { bytes, sha256: sha(bytes) });
        return [
          {
            id,
            owner_id: -VK_GROUP_ID,
            access_key: 'ak',
            sizes: [{ type: 'x', url: `${this.root}/files/${name}`, width: 604, height: 453 }],
          },
        ];
      }
      case 'docs.getMessagesUploadServer':
        return { upload_url: `${this.root}/upload/doc` };
      case 'docs.save': {
        const bytes = this.uploads.get(p.file!);
        if (!bytes) throw new Error('unknown upload');
        const id = this.nextId++;
        const name = `doc-${VK_GROUP_ID}_${id}`;
        this.files.set(name, { bytes, sha256: sha(bytes) });
        return {
          type: 'doc',
          doc: {
            id,
            owner_id: -VK_GROUP_ID,
            title: 'file',
            size: bytes.length,
            ext: 'csv',
            url: `${this.root}/files/${name}`,
          },
        };
      }
      default:
        throw new Error(`method ${method} is not in the fake`);
    }
  }

  private content(p: Record<string, string>): Omit<VkMessage, 'peerId' | 'conversationMessageId'> {
    // vk-io's attachment strings carry the access key; the files map knows them without it.
    const attachments = p.attachment
      ? p.attachment.split(',').map((a) => a.replace(/_[a-z]+$/, ''))
      : [];
    return {
      text: p.message ?? '',
      attachments,
      ...(p.keyboard ? { keyboard: JSON.parse(p.keyboard) as VkMessage['keyboard'] } : {}),
    };
  }

  private send(p: Record<string, string>): unknown {
    const many = p.peer_ids !== undefined;
    const peers = (p.peer_ids ?? p.peer_id ?? '').split(',').filter(Boolean).map(Number);
    const randomId = Number(p.random_id ?? 0);
    this.sendRequests.push({ peers, randomId });
    if (!many && this.blocked.has(peers[0]!)) throw new PeerError(901);
    const results = peers.map((peer) => {
      if (this.blocked.has(peer)) {
        const error = new PeerError(901);
        return { peer_id: peer, error: { code: error.code, description: error.message } };
      }
      // VK drops a message whose random_id this community already used for this peer.
      const seen = randomId ? this.seenRandom.get(`${peer}:${randomId}`) : undefined;
      if (seen !== undefined)
        return { peer_id: peer, message_id: seen, conversation_message_id: seen };
      const dialog = this.dialogs.get(peer) ?? [];
      const id = dialog.length + 1;
      dialog.push({ peerId: peer, conversationMessageId: id, ...this.content(p) });
      this.dialogs.set(peer, dialog);
      if (randomId) this.seenRandom.set(`${peer}:${randomId}`, id);
      return { peer_id: peer, message_id: id, conversation_message_id: id };
    });
    return many ? results : results[0]!.message_id;
  }

  private takeFailure(method: string, peerId: number): Failure | undefined {
    const i = this.failures.findIndex(
      (f) => f.method === method && (f.peerId === undefined || f.peerId === peerId),
    );
    return i >= 0 ? this.failures.splice(i, 1)[0] : undefined;
  }
}

export function sha(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const body = (await readBody(req)).toString('utf8');
  return body ? Object.fromEntries(new URLSearchParams(body)) : {};
}

/** multipart/form-data with binary files: each named part's raw bytes and file name. */
async function readMultipart(
  req: IncomingMessage,
): Promise<Record<string, { bytes: Buffer; filename?: string }>> {
  const type = req.headers['content-type'] ?? '';
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  const body = await readBody(req);
  if (!boundary) return {};
  const text = body.toString('latin1');
  const parts: Record<string, { bytes: Buffer; filename?: string }> = {};
  for (const part of text.split(`--${boundary[1] ?? boundary[2]}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const headers = part.slice(0, split);
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    const bytes = Buffer.from(part.slice(split + 4).replace(/\r\n$/, ''), 'latin1');
    if (name) parts[name] = { bytes, ...(filename ? { filename } : {}) };
  }
  return parts;
}
