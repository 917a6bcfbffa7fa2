import type { z } from 'zod';
import { MAX_PAYLOAD_BYTES } from './payload.js';
import type { Turn } from './turn.js';

// What a person can do, declared where it is handled. A button is a code ("v:nx"), the schema of
// the parts its data carries after the code, what it does, and whether a repeated press could be
// noticed; a command is a name, who may use it, and what it does. The router, the payload codec
// and Telegram's command menu are all built from these declarations (see index.ts), so a button
// is added in its feature's file alone, and two buttons cannot claim the same data.

/** A part of a button's data: read from text, checked, and turned into what the handler takes. */
export type Part<T> = z.ZodType<T, string>;
type Values<P extends readonly Part<unknown>[]> = { [K in keyof P]: z.output<P[K]> };

export interface ButtonAction {
  /** One or two words before the parts: "lang", "v:nx". */
  readonly code: string;
  readonly parts: readonly Part<unknown>[];
  /**
   * A press whose repetition nobody could notice (a vote: its id is the rule; browsing): the edge
   * may skip remembering such an update, which saves two writes on the busiest path.
   */
  readonly repeatSafe: boolean;
  run(turn: Turn, values: unknown[]): Promise<void> | void;
}

export function button<const P extends readonly Part<unknown>[]>(
  code: string,
  parts: P,
  run: (turn: Turn, ...values: Values<P>) => Promise<void> | void,
  options: { repeatSafe?: boolean } = {},
): ButtonAction {
  return {
    code,
    parts,
    repeatSafe: options.repeatSafe ?? false,
    run: (turn, values) => run(turn, ...(values as Values<P>)),
  };
}

/** Who may use a command; anyone else is told it is unknown, as for a command that is not. */
export type Audience = 'everyone' | 'moderators' | 'organisers' | 'jurors';

export interface CommandAction {
  readonly name: string;
  readonly who: Audience;
  /** Its place in Telegram's command menu (described by `command-<name>`); none: not there. */
  readonly menu?: number;
  run(turn: Turn, arg: string): Promise<void> | void;
}

export function command(
  name: string,
  run: (turn: Turn, arg: string) => Promise<void> | void,
  options: { who?: Audience; menu?: number } = {},
): CommandAction {
  return {
    name,
    who: options.who ?? 'everyone',
    ...(options.menu !== undefined ? { menu: options.menu } : {}),
    run,
  };
}

export interface PressedButton {
  action: ButtonAction;
  values: unknown[];
}

/** Reads button data against the declared buttons; each is found by its code and part count. */
export class ButtonCodec {
  private readonly byKey = new Map<string, ButtonAction>();
  private readonly firstWords = new Set<string>();
  private readonly recent = new Map<string, PressedButton | null>();

  constructor(actions: ButtonAction[]) {
    for (const action of actions) {
      const key = `${action.code}/${action.parts.length}`;
      if (this.byKey.has(key)) throw new Error(`two buttons declare ${key}`);
      this.byKey.set(key, action);
      const words = action.code.split(':');
      if (words.length === 2) this.firstWords.add(words[0]!);
    }
    // "lang" alone and "lang:x" as a two-word code would read the same data two ways.
    for (const action of actions) {
      if (!action.code.includes(':') && this.firstWords.has(action.code))
        throw new Error(`the code ${action.code} is also the first word of another`);
    }
  }

  /** The button and its values, or null for data this bot could not have made. */
  parse(data: string): PressedButton | null {
    const known = this.recent.get(data);
    if (known !== undefined) return known;
    const pressed = this.read(data);
    // Shared by every reader of the same press (the edge, the router): read it, never change it.
    if (this.recent.size >= 1_000) this.recent.clear();
    this.recent.set(data, pressed);
    return pressed;
  }

  private read(data: string): PressedButton | null {
    if (data.length > MAX_PAYLOAD_BYTES || Buffer.byteLength(data, 'utf8') > MAX_PAYLOAD_BYTES)
      return null;
    const parts = data.split(':');
    const two = this.byKey.get(`${parts[0]}:${parts[1]}/${parts.length - 2}`);
    const action = two ?? this.byKey.get(`${parts[0]}/${parts.length - 1}`);
    if (!action) return null;
    const rest = parts.slice(two ? 2 : 1);
    const values: unknown[] = [];
    for (const [i, part] of action.parts.entries()) {
      const parsed = part.safeParse(rest[i]);
      if (!parsed.success) return null;
      values.push(parsed.data);
    }
    return { action, values };
  }
}
