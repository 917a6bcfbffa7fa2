import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { handleEvent, type Deps } from '../../handlers/index.js';
import type {
  Actor,
  Input,
  Keyboard,
  Lang,
  Media,
  PlatformLimits,
  Reply,
  Text,
} from '../../handlers/protocol.js';
import { translate } from '../../locales/index.js';
import { languageFromHint } from '../../handlers/start.js';
import type { Logger } from '../logger.js';
import { OutboxSender } from '../outbox-sender.js';
import { splitReplies } from '../replies.js';

// A third front end: the same conversations in a terminal, to try the whole contest before
// creating a bot. Buttons become numbered choices, each with its own number for the whole session
// (an older card's buttons keep working after newer ones are shown); a photo or video is sent by
// giving its path. Like the other adapters it only translates input in and views out.

/** What a terminal prints where a chat would show the person's own input line. */
const PROMPT = '> ';

export const TERMINAL_USER: Actor = { platform: 'terminal', id: 'local', displayName: 'You' };

/** A terminal holds any text and any number of choices; what it printed stays printed. */
export const TERMINAL_LIMITS: PlatformLimits = {
  buttonsPerMessage: Infinity,
  buttonsPerRow: Infinity,
  rowsPerMessage: Infinity,
  labelChars: Infinity,
  dataBytes: Infinity,
  messageChars: Infinity,
  captionChars: Infinity,
  noticeChars: Infinity,
  alerts: false,
};

function mediaInput(kind: 'photo' | 'video', path: string): Input | null {
  const file = resolve(path.trim());
  if (!existsSync(file)) return null;
  const size = statSync(file).size;
  const media: Media = {
    type: kind,
    platform: 'terminal',
    fileId: file,
    uniqueId: createHash('sha1').update(`${file}:${size}`).digest('hex').slice(0, 16),
    sizeBytes: size,
  };
  return kind === 'photo' ? { kind, media } : { kind, media };
}

export interface TerminalChatOptions {
  deps: Deps;
  input: Readable;
  output: Writable;
  /** Where CSV exports are written. */
  exportDir: string;
  /** Called before each line is handled (the campaign clock's work). */
  onLine?: () => Promise<void>;
  /** Printed after the hint (the demo says whether it is new or goes on). */
  greeting?: Text;
  /** The website's local address, printed with the hint. */
  site?: string;
  /** A one-time link into the organisers' panel for the person here (the demo's moderator). */
  panel?: string;
  /** The demo's own commands (/nextphase, /restartdemo): what to say, or null for another command. */
  demoCommand?: (name: string) => Promise<Text | null>;
  log: Logger;
}

/**
 * What the terminal prints, and how a line typed is read back: every button shown this session
 * gets its own number (an older card's buttons keep working after newer ones are shown).
 */
class Printer {
  /** Every button shown this session, by its number. */
  private readonly buttons = new Map<number, string>();

  constructor(
    private readonly output: Writable,
    private readonly exportDir: string,
  ) {}

  write(line: string): void {
    this.output.write(`${line}\n`);
  }

  /** Shows replies that arrived together; a notice repeating one of their messages is left out. */
  show(replies: Reply[]): void {
    const said = new Set(
      replies.flatMap(({ view, lang }) =>
        view.kind === 'text' || view.kind === 'card' ? [translate(lang, view.text)] : [],
      ),
    );
    for (const reply of replies) this.render(reply, said);
  }

  inputOf(line: string): Input | null {
    const text = line.trim();
    const choice = /^\d{1,6}$/.test(text) ? this.buttons.get(Number(text)) : undefined;
    if (choice !== undefined) return { kind: 'button', data: choice };
    const media = /^(photo|video)\s+(.+)$/i.exec(text);
    if (media) return mediaInput(media[1]!.toLowerCase() as 'photo' | 'video', media[2]!);
    const command = /^\/(\w+)(?:\s+(.*))?$/.exec(text);
    if (command) return { kind: 'command', name: command[1]!.toLowerCase(), arg: command[2] ?? '' };
    return { kind: 'text', text: line };
  }

  private numbered(lang: Lang, keyboard: Keyboard | undefined): void {
    for (const b of (keyboard ?? []).flat()) {
      if ('url' in b) {
        this.write(`  • ${translate(lang, b.label)} → ${b.url}`);
        continue;
      }
      const number = this.buttons.size + 1;
      this.buttons.set(number, b.data);
      this.write(`  [${number}] ${translate(lang, b.label)}`);
    }
  }

  private media(lang: Lang, m: Media): void {
    this.write(
      translate(lang, {
        key: 'terminal-media',
        args: { kind: { key: `media-kind-${m.type}` }, path: m.fileId },
      }),
    );
  }

  private render({ view, lang }: Reply, alsoSaid: Set<string>): void {
    switch (view.kind) {
      case 'notice':
        // A chat shows a press's short notice over the buttons; here it is a line, and only when
        // it says something: not the bare acknowledgement, not what a message right beside says.
        if (view.text.key === 'button-ok') return;
        if (alsoSaid.has(translate(lang, view.text))) return;
        return this.write(`» ${translate(lang, view.text)}`);
      case 'retract':
        return;
      case 'media':
        if (view.caption) this.write(translate(lang, view.caption));
        return view.media.forEach((m) => this.media(lang, m));
      case 'document': {
        mkdirSync(this.exportDir, { recursive: true });
        const path = join(this.exportDir, view.filename);
        writeFileSync(path, view.content);
        return this.write(translate(lang, { key: 'terminal-file', args: { path } }));
      }
      case 'card':
        if (view.media) this.media(lang, view.media);
        this.write(translate(lang, view.text));
        return this.numbered(lang, view.buttons);
      case 'text':
        this.write(translate(lang, view.text));
        return this.numbered(lang, view.buttons);
    }
  }
}

export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { deps, input, output, exportDir, onLine, greeting, demoCommand, site, panel, log } =
    options;
  const actor: Actor = { ...TERMINAL_USER, langHint: process.env.LANG?.slice(0, 2) ?? '' };
  // Until the person has a language of their own, the terminal's (LANG) or the campaign's.
  const hintLang = languageFromHint(actor.langHint, deps.campaign.defaultLanguage);
  const printer = new Printer(output, exportDir);
  const write = (line: string) => printer.write(line);
  const show = (replies: Reply[]) => printer.show(replies);
  const inputOf = (line: string) => printer.inputOf(line);

  // The terminal is one more transport of the outbox's one sender: announcements and decisions
  // for the person here are shown; the demo's other people are fictional, theirs only count sent.
  const sender = new OutboxSender(
    {
      platform: TERMINAL_USER.platform,
      send: async (reply) => {
        if (reply.to.id === actor.id) show([reply]);
        return { kind: 'sent' };
      },
    },
    log,
    {
      owner: 'terminal',
      ratePerSecond: 1000,
      perChatIntervalMs: 0,
      inFlight: 50,
      maxAttempts: 3,
      // Nothing is queued here but by a line typed, and settled() wakes it after each one.
      idleMs: 60_000,
      onUnreachable: async () => undefined,
    },
  );
  sender.start();
  /** What the line queued (for this person: shown) is sent before the next prompt. */
  const showQueued = () => sender.settled();

  const lines = createInterface({ input, crlfDelay: Infinity });
  write(translate(hintLang, { key: 'terminal-hint' }));
  if (site) write(translate(hintLang, { key: 'terminal-site', args: { url: site } }));
  if (panel) write(translate(hintLang, { key: 'terminal-panel', args: { url: panel } }));
  if (greeting) write(translate(hintLang, greeting));
  output.write(PROMPT);
  try {
    for await (const line of lines) {
      await handleLine(line);
      output.write(PROMPT);
    }
  } finally {
    await sender.stop();
  }
  write('');

  async function handleLine(line: string): Promise<void> {
    if (!line.trim()) return;
    const lang = (await deps.stores.users.find(actor))?.lang ?? hintLang;
    const bare = /^\/(\w+)\s*$/.exec(line.trim());
    const said = bare && demoCommand ? await demoCommand(bare[1]!.toLowerCase()) : null;
    if (said) {
      write(translate(lang, said));
      await onLine?.();
      await showQueued();
      return;
    }
    await onLine?.();
    const parsed = inputOf(line);
    if (!parsed) {
      write(translate(lang, { key: 'terminal-no-file' }));
      return;
    }
    const replies = await handleEvent({ actor, input: parsed }, deps);
    // What answers the person here is shown now (they are the moderator too); the rest goes to
    // the outbox like any unprompted message, and whatever of it is for this person shows next.
    const { own, outbox } = splitReplies(actor, replies, `terminal:${Date.now()}`);
    show(own);
    await deps.outbox.enqueue(outbox);
    await showQueued();
  }
}
