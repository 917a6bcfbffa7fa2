import type { Keyboard, Platform, PlatformLimits } from '../handlers/protocol.js';

// The renderers' side of each edge's declared limits (PlatformLimits): the same figures the core
// pages its lists by, enforced where the platform's message is built.

/** The text as the platform takes it: one longer than `chars` ends in "…". */
export function fit(text: string, chars: number): string {
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}

/**
 * Refuses a keyboard the platform would not take whole: more buttons than a message holds, or a
 * button whose data is longer than the platform carries back. Whoever built it is at fault (the
 * core pages long lists, see handlers/pages.ts); cutting it would lose a choice without a word.
 */
export function checkKeyboard(
  platform: Platform,
  limits: PlatformLimits,
  keyboard: Keyboard | undefined,
): void {
  const buttons = (keyboard ?? []).flat();
  if (buttons.length > limits.buttonsPerMessage)
    throw new Error(
      `a keyboard of ${buttons.length} buttons does not fit ${platform}'s ${limits.buttonsPerMessage}`,
    );
  for (const b of buttons) {
    if (!('data' in b)) continue;
    const bytes = Buffer.byteLength(b.data, 'utf8');
    if (bytes > limits.dataBytes)
      throw new Error(
        `a button's data of ${bytes} bytes ("${b.data}") does not fit ${platform}'s ${limits.dataBytes}`,
      );
  }
}

/**
 * The keyboard's rows within the platform's rows and buttons per row: rows too long are split,
 * and when there are too many rows the buttons are laid out anew, as many to a row as fit.
 */
export function laidOut(limits: PlatformLimits, keyboard: Keyboard): Keyboard {
  const split = keyboard.flatMap((row) => chunks(row, limits.buttonsPerRow));
  if (split.length <= limits.rowsPerMessage) return split;
  const buttons = keyboard.flat();
  const perRow = Math.min(limits.buttonsPerRow, Math.ceil(buttons.length / limits.rowsPerMessage));
  return chunks(buttons, perRow);
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
