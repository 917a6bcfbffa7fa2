import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { handleEvent, type Deps } from '../../handlers/index.js';
import type { Actor, Input, Keyboard, Media, Reply } from '../../handlers/ports.js';
import { translate } from '../../locales/index.js';
import { languageFromHint } from '../../handlers/start.js';
import { openChunks, recordProgress, rowsOf } from '../../models/outbox.js';

// A third front end: the same conversations in a terminal, to try the whole contest before
// creating a bot. Buttons become numbered choices; a photo or video is sent by giving its path.
// Like the other adapters it only translates input in and views out.

export const TERMINAL_USER: Actor = { platform: 'terminal', id: 'local', displayName: 'You' };

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
  /** In the demo, /nextphase moves the clock on and returns the phase it is now in. */
  nextPhase?: () => string | null;
}

export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { deps, input, output, exportDir, onLine, nextPhase } = options;
  const actor: Actor = { ...TERMINAL_USER, langHint: process.env.LANG?.slice(0, 2) ?? '' };
  // Until the person has a language of their own, the terminal's (LANG) or the campaign's.
  const hintLang = languageFromHint(actor.langHint, deps.campaign.defaultLanguage);
  let buttons: string[] = [];
  const write = (line: string) => output.write(`${line}\n`);

  const render = (reply: Reply) => {
    const { view, lang } = reply;
    const numbered = (keyboard: Keyboard | undefined) => {
      const flat = (keyboard ?? []).flat();
      if (!flat.length) return;
      buttons = flat.map((b) => ('data' in b ? b.data : ''));
      flat.forEach((b, i) =>
        write(`  [${i + 1}] ${translate(lang, b.label)}${'url' in b ? ` → ${b.url}` : ''}`),
      );
    };
    switch (view.kind) {
      case 'notice':
        return write(`» ${translate(lang, view.text)}`);
      case 'retract':
        return;
      case 'media':
        return view.media.forEach((m) =>
          write(translate(lang, { key: 'terminal-media', args: { kind: m.type, path: m.fileId } })),
        );
      case 'document': {
        mkdirSync(exportDir, { recursive: true });
        const path = join(exportDir, view.filename);
        writeFileSync(path, view.content);
        return write(translate(lang, { key: 'terminal-file', args: { path } }));
      }
      case 'card':
        if (view.media)
          write(
            translate(lang, {
              key: 'terminal-media',
              args: { kind: view.media.type, path: view.media.fileId },
            }),
          );
        write(translate(lang, view.text));
        return numbered(view.buttons);
      case 'text':
        write(translate(lang, view.text));
        return numbered(view.buttons);
    }
  };

  const inputOf = (line: string): Input | null => {
    const text = line.trim();
    const choice = /^\d{1,2}$/.test(text) ? buttons[Number(text) - 1] : undefined;
    if (choice !== undefined) return { kind: 'button', data: choice };
    const media = /^(photo|video)\s+(.+)$/i.exec(text);
    if (media) return mediaInput(media[1]!.toLowerCase() as 'photo' | 'video', media[2]!);
    const command = /^\/(\w+)(?:\s+(.*))?$/.exec(text);
    if (command) return { kind: 'command', name: command[1]!.toLowerCase(), arg: command[2] ?? '' };
    return { kind: 'text', text: line };
  };

  /** The terminal's own outbox: announcements and decisions for the person here are shown; the
   * demo's other people are fictional, so theirs are only marked sent. */
  const showQueued = async () => {
    for (const chunk of await openChunks('terminal')) {
      for (const row of await rowsOf(chunk)) if (row.reply.to.id === actor.id) render(row.reply);
      const done = new Map([[chunk.id, chunk.size]]);
      await recordProgress('terminal', {
        done,
        closed: [chunk.id],
        failures: [],
        refs: [],
        later: [],
      });
    }
  };

  const lines = createInterface({ input, crlfDelay: Infinity });
  write(translate(hintLang, { key: 'terminal-hint' }));
  for await (const line of lines) {
    if (!line.trim()) continue;
    const lang = (await deps.stores.users.find(actor))?.lang ?? hintLang;
    if (nextPhase && line.trim() === '/nextphase') {
      const phase = nextPhase();
      const args = { phase: { key: `phase-name-${phase}` } };
      write(
        translate(
          lang,
          phase ? { key: 'terminal-next-phase', args } : { key: 'terminal-last-phase' },
        ),
      );
      await onLine?.();
      await showQueued();
      continue;
    }
    await onLine?.();
    const parsed = inputOf(line);
    if (!parsed) {
      write(translate(lang, { key: 'terminal-no-file' }));
      continue;
    }
    const replies = await handleEvent({ actor, input: parsed }, deps);
    // What answers the person here is shown now (they are the moderator too); the rest goes to
    // the outbox like any unprompted message, and whatever of it is for this person shows next.
    const mine = replies.filter((r) => r.to.platform === actor.platform && r.to.id === actor.id);
    const others = replies.filter((r) => !mine.includes(r));
    for (const reply of mine) render(reply);
    const stamp = Date.now();
    await deps.outbox.enqueue(others.map((reply, i) => ({ key: `terminal:${stamp}:${i}`, reply })));
    await showQueued();
  }
}
