import { z } from 'zod';
import { button, command } from './actions.js';
import { part, payload } from './payload.js';
import { LANGS, type OutboxItem } from './protocol.js';
import type { Audience, BroadcastJob, RecipientFilter } from './ports.js';
import { givingWay, langOf, t, type Deps, type Turn } from './turn.js';

// An organiser's announcement to everyone: written, previewed, sent to an audience chosen by
// language, queued once. Queuing a country is a job under a lease that walks the recipients a
// chunk at a time; a process that dies while queuing leaves it to the clock of another, which
// goes on from the last chunk (each recipient's row has one key, so nobody gets it twice).

const MAX_LENGTH = 4000;

export async function startBroadcast(turn: Turn): Promise<void> {
  await turn.deps.stores.users.setAwaiting(turn.event.actor, { what: 'broadcast-text' });
  turn.say(t('broadcast-ask'));
}

export async function onBroadcastText(turn: Turn, raw: string): Promise<void> {
  const text = raw.trim();
  if (!text || text.length > MAX_LENGTH)
    return turn.say(t('broadcast-length', { max: MAX_LENGTH }));
  // The draft first, the question closed after: a failure in between leaves the question open.
  const id = await turn.deps.stores.broadcasts.create(text, turn.event.actor, turn.now);
  await turn.deps.stores.users.setAwaiting(turn.event.actor, null);
  const audiences: Audience[] = ['all', ...LANGS];
  turn.say(t('broadcast-preview', { text }), [
    ...audiences.map((a) => [
      { label: t(`broadcast-audience-${a}`), data: payload('bc', 'to', id, a) },
    ]),
    [{ label: t('button-cancel'), data: payload('bc', 'no', id) }],
  ]);
}

const filterFor = (audience: Audience): RecipientFilter =>
  audience === 'all' ? { wantsAnnouncements: true } : { wantsAnnouncements: true, lang: audience };

export async function onBroadcastButton(
  turn: Turn,
  action: 'to' | 'go' | 'no',
  id: string,
  audience?: Audience,
  /** On Send: how many people the organiser was shown (not counted again). */
  confirmed?: number,
): Promise<void> {
  if (!turn.isOrganiser) return turn.notice(t('mod-not-allowed'), true);
  const { broadcasts, users } = turn.deps.stores;
  const broadcast = await broadcasts.get(id);
  if (!broadcast || broadcast.status !== 'draft') {
    const status = broadcast?.status ?? 'cancelled';
    return turn.notice(t('broadcast-already', { status }), true);
  }
  turn.notice(t('button-ok'));
  if (action === 'no') {
    await broadcasts.cancel(id);
    return turn.replace(t('broadcast-cancelled'));
  }
  const target = audience ?? 'all';
  const count =
    action === 'go' && confirmed !== undefined ? confirmed : await users.count(filterFor(target));
  if (action === 'to') {
    return turn.replace(
      t('broadcast-confirm', {
        count,
        audience: t(`broadcast-audience-${target}`),
        text: broadcast.text,
      }),
      [
        [{ label: t('broadcast-send'), data: payload('bc', 'go', id, target, count) }],
        [{ label: t('button-cancel'), data: payload('bc', 'no', id) }],
      ],
    );
  }
  const job = await broadcasts.startQueuing(id, target, turn.deps.processId);
  if (!job) return;
  turn.replace(t('broadcast-queuing', { count }));
  // Queuing a country outlasts a webhook's request on a busy night: the organiser is answered
  // first, and hears "queued" when it is done. Should this process stop before, the job's lease
  // runs out and the clock of another (or this one restarted) goes on from its cursor.
  const queue = () => queueBroadcast(turn.deps, job);
  if (turn.deps.afterAnswer) turn.deps.afterAnswer(queue);
  else await queue();
}

/** Walks the job's recipients from its cursor, queues each one's message, tells the organiser. */
export async function queueBroadcast(deps: Deps, job: BroadcastJob): Promise<void> {
  const { broadcasts, users } = deps.stores;
  const owner = deps.processId;
  let ours = true;
  let pageStart = job.cursor;
  await users.eachRecipientChunk(
    filterFor(job.audience),
    givingWay(deps, async (chunk, cursor) => {
      if (!ours) return;
      const page = `broadcast:${job.id}:${pageStart}`;
      pageStart = cursor;
      const items: OutboxItem[] = chunk.map((u) => ({
        key: `broadcast:${job.id}:${u.platform}:${u.id}`,
        lane: 'announcement',
        batch: `broadcast:${job.id}`,
        reply: {
          to: { platform: u.platform, id: u.id },
          lang: u.lang,
          view: { kind: 'text', text: t('plain', { value: job.text }) },
        },
      }));
      // The page is queued once, by its place: a job resumed after a crash skips it.
      await deps.outbox.enqueue(items, page);
      // Counted by the people walked (a page queued before a crash is walked again, once).
      // Another process took the job over (this one stalled past its lease): it goes on.
      ours = await broadcasts.advance(job.id, owner, cursor, items.length);
    }),
    job.cursor,
  );
  if (!ours) return;
  const total = await broadcasts.finish(job.id, owner);
  if (total === null) return;
  const lang = await langOf(deps, job.by);
  await deps.outbox.enqueue([
    {
      key: `broadcast-queued:${job.id}`,
      reply: {
        to: job.by,
        lang,
        view: { kind: 'text', text: t('broadcast-queued', { count: total }) },
      },
    },
  ]);
}

/** Finishes broadcasts whose queuing process died; the clock calls it. */
export async function resumeBroadcasts(deps: Deps): Promise<number> {
  let resumed = 0;
  for (let job = await deps.stores.broadcasts.takeStalled(deps.processId); job;) {
    await queueBroadcast(deps, job);
    resumed += 1;
    job = await deps.stores.broadcasts.takeStalled(deps.processId);
  }
  return resumed;
}

const audience = z.enum(['all', ...LANGS]);

export const broadcastButtons = [
  button('bc:no', [part.objectId], (turn, id) => onBroadcastButton(turn, 'no', id)),
  button('bc:to', [part.objectId, audience], (turn, id, to) =>
    onBroadcastButton(turn, 'to', id, to),
  ),
  // Send carries the count the organiser confirmed: counting a country's users again while it
  // votes could outlast the platform's deadline for an answer.
  button('bc:go', [part.objectId, audience, part.count], (turn, id, to, count) =>
    onBroadcastButton(turn, 'go', id, to, count),
  ),
];

export const broadcastCommands = [command('broadcast', startBroadcast, { who: 'organisers' })];
