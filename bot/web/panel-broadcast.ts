import { LANGS, type Reply } from '../../handlers/protocol.js';
import { asInChat, panelPage, said, type Panel } from './panel-page.js';

// An organiser's announcement from the panel: the chat's /broadcast, step by step through the
// core (the text, the audience, the count to confirm, Send), so it is queued once, under the
// same lease, exactly as from the chat.

const AUDIENCES = ['all', ...LANGS] as const;

/** The data of the buttons an answer carries. */
const buttonData = (replies: Reply[]) =>
  replies.flatMap((r) =>
    'buttons' in r.view && r.view.buttons
      ? r.view.buttons.flat().flatMap((b) => ('data' in b ? [b.data] : []))
      : [],
  );

export async function broadcastPage(p: Panel, outcomes: string[]): Promise<void> {
  panelPage(
    p,
    'panel-broadcast',
    {
      title: p.tr('panel-nav-broadcast'),
      intro: p.tr('broadcast-ask'),
      textLabel: p.tr('panel-broadcast-text'),
      audienceLabel: p.tr('panel-broadcast-audience'),
      preview: p.tr('panel-broadcast-preview'),
      audiences: AUDIENCES.map((a) => ({ id: a, label: p.tr(`broadcast-audience-${a}`) })),
    },
    outcomes,
  );
}

/** Writes the draft and shows how many people it would reach, to confirm or cancel. */
export async function previewBroadcast(p: Panel, form: URLSearchParams) {
  const text = form.get('text') ?? '';
  const audience = AUDIENCES.find((a) => a === form.get('audience')) ?? 'all';
  await asInChat(p, { kind: 'command', name: 'broadcast', arg: '' }, 'bc');
  const drafted = await asInChat(p, { kind: 'text', text }, 'bc-text');
  const choose = buttonData(drafted).find(
    (d) => d.startsWith('bc:to:') && d.endsWith(`:${audience}`),
  );
  // Too long or empty: the chat's answer, and the page to write it again.
  if (!choose)
    return { to: '/panel/broadcast', lines: drafted.map((r) => said(p, r)).filter(Boolean) };
  const counted = await asInChat(p, { kind: 'button', data: choose }, 'bc-to');
  const [send = '', cancel = ''] = buttonData(counted);
  panelPage(p, 'panel-broadcast-confirm', {
    title: p.tr('panel-nav-broadcast'),
    confirm: said(
      p,
      counted.find((r) => r.view.kind === 'text'),
    ),
    send,
    cancel,
    sendLabel: p.tr('broadcast-send'),
    cancelLabel: p.tr('button-cancel'),
  });
  return null;
}

/** Send or Cancel, as the chat's buttons under the count. */
export async function confirmBroadcast(p: Panel, form: URLSearchParams) {
  const data = form.get('press') ?? '';
  if (!/^bc:(go|no):/.test(data)) return { to: '/panel/broadcast', lines: [] };
  const answer = await asInChat(p, { kind: 'button', data }, 'bc-go');
  const text = answer.find((r) => r.view.kind === 'text') ?? answer[0];
  return { to: '/panel/broadcast', lines: [said(p, text)].filter(Boolean) };
}
