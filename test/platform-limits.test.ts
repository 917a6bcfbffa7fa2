import { describe, expect, it } from 'vitest';
import { checkKeyboard, pressNotice } from '../bot/limits.js';
import type { Reply } from '../handlers/protocol.js';
import { TERMINAL_LIMITS } from '../bot/terminal/chat.js';
import { MAX_PAYLOAD_BYTES } from '../handlers/payload.js';
import { TELEGRAM_LIMITS } from '../bot/telegram/render.js';
import { keyboardOf, VK_LIMITS } from '../bot/vk/render.js';

// Each edge declares what its messages hold (PlatformLimits); its renderer enforces the same
// figures. VK's inline keyboards hold ten buttons: a longer list is the core's to page (pages.ts),
// and a keyboard that would not fit is refused out loud rather than losing its last buttons.

const button = (i: number, data = `x:${i}`) => ({
  label: { key: 'plain', args: { value: `B${i}` } },
  data,
});

describe('a VK keyboard', () => {
  it('packs more than six rows of ten buttons two to a row', () => {
    const keyboard = JSON.parse(
      keyboardOf(
        'en',
        Array.from({ length: 8 }, (_, i) => [button(i)]),
      )!,
    ) as { buttons: unknown[][] };
    expect(keyboard.buttons.map((row) => row.length)).toEqual([2, 2, 2, 2]);
  });

  it('refuses eleven buttons instead of cutting the last ones', () => {
    expect(() =>
      keyboardOf(
        'en',
        Array.from({ length: 11 }, (_, i) => [button(i)]),
      ),
    ).toThrow("a keyboard of 11 buttons does not fit vk's 10");
  });

  it('ends a label longer than VK shows in an ellipsis', () => {
    const long = { label: { key: 'plain', args: { value: 'A'.repeat(60) } }, data: 'x' };
    const keyboard = JSON.parse(keyboardOf('en', [[long]])!) as {
      buttons: { action: { label: string } }[][];
    };
    expect(keyboard.buttons[0]![0]!.action.label).toBe(`${'A'.repeat(39)}…`);
  });
});

describe('the limits each edge declares', () => {
  it('refuses a button whose data the platform would not carry back', () => {
    const data = `v:${'9'.repeat(70)}`;
    expect(() => checkKeyboard('telegram', TELEGRAM_LIMITS, [[button(1, data)]])).toThrow(
      "a button's data of 72 bytes",
    );
    // VK carries 247 bytes: the same button fits there.
    expect(() => checkKeyboard('vk', VK_LIMITS, [[button(1, data)]])).not.toThrow();
  });

  it('lets the core build no button data that some platform would refuse', () => {
    // payload() refuses data over MAX_PAYLOAD_BYTES (payload.test.ts): it must be the smallest.
    const smallest = Math.min(
      ...[TELEGRAM_LIMITS, VK_LIMITS, TERMINAL_LIMITS].map((limits) => limits.dataBytes),
    );
    expect(MAX_PAYLOAD_BYTES).toBe(smallest);
  });
});

describe('the answer to a button press', () => {
  const to = { platform: 'telegram', id: '1' };
  const notice = (value: string, alert = false): Reply => ({
    to,
    lang: 'en',
    view: { kind: 'notice', text: { key: 'plain', args: { value } }, alert },
  });
  const card: Reply = {
    to,
    lang: 'en',
    view: { kind: 'text', text: { key: 'plain', args: { value: 'Card' } } },
  };

  it('shows a notice that fits as the platform’s toast, and sends the rest', () => {
    const answer = pressNotice([notice('Counted'), card], TELEGRAM_LIMITS);
    expect(answer.text).toBe('Counted');
    expect(answer.sends).toEqual([card]);
  });

  it('sends a notice too long for the toast as a message instead of losing it', () => {
    const long = 'x'.repeat(TELEGRAM_LIMITS.noticeChars + 1);
    const answer = pressNotice([notice(long), card], TELEGRAM_LIMITS);
    expect(answer.text).toBe('');
    expect(answer.sends.map((r) => r.view.kind)).toEqual(['text', 'text']);
    expect(answer.sends[0]!.view).toMatchObject({ text: { args: { value: long } } });
  });

  it('sends an alert as a message where the platform has no alert box (VK)', () => {
    const answer = pressNotice([notice('Voting is closed', true)], VK_LIMITS);
    expect(answer.text).toBe('');
    expect(answer.sends[0]!.view.kind).toBe('text');
  });
});
