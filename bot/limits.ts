import type { Keyboard, Platform, PlatformLimits, Reply } from '../handlers/protocol.js';
import { translate } from '../locales/index.js';

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

/**
 * The short answer to a button press, as the platform can show it: the notice's text when it
 * fits the platform's toast (and, where the platform has no alert box, is not an alert), and the
 * replies left to send. A notice that does not fit goes as a message of its own, never lost.
 */
export function pressNotice(
  replies: Reply[],
  limits: PlatformLimits,
): { text: string; alert: boolean; sends: Reply[] } {
  const sends = [...replies];
  const at = sends.findIndex((r) => r.view.kind === 'notice');
  const notice = sends[at];
  if (!notice || notice.view.kind !== 'notice') return { text: '', alert: false, sends };
  const text = translate(notice.lang, notice.view.text);
  const alert = Boolean(notice.view.alert);
  if (text.length <= limits.noticeChars && (limits.alerts || !alert)) {
    sends.splice(at, 1);
    return { text, alert, sends };
  }
  sends[at] = { ...notice, view: { kind: 'text', text: notice.view.text } };
  return { text: '', alert: false, sends };
}
