import { describe, expect, it } from 'vitest';
import { keyboardOf } from '../bot/vk/render.js';

// VK's inline keyboards hold ten buttons: a longer list is the core's to page (pages.ts), and a
// keyboard that would not fit is refused out loud rather than losing its last buttons.

const button = (i: number) => ({
  label: { key: 'plain', args: { value: `B${i}` } },
  data: `x:${i}`,
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
    ).toThrow("a keyboard of 11 buttons does not fit VK's 10");
  });
});
