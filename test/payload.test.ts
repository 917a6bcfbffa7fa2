import { describe, expect, it } from 'vitest';
import { ButtonCodec, button } from '../handlers/actions.js';
import { buttons, menuCommands } from '../handlers/index.js';
import { part, payload } from '../handlers/payload.js';

/** The press as the router reads it: the button's code and its values. */
const parsePayload = (data: string) => {
  const pressed = buttons.parse(data);
  return pressed ? [pressed.action.code, ...pressed.values] : null;
};

describe('button payloads', () => {
  it('reads the payloads the bot makes', () => {
    expect(parsePayload('lang:kk')).toEqual(['lang', 'kk']);
    expect(parsePayload('d:cat:animals')).toEqual(['d:cat', 'animals']);
    expect(parsePayload('mod:rr:0123456789abcdef01234567:2')).toEqual([
      'mod:rr',
      '0123456789abcdef01234567',
      2,
    ]);
    expect(parsePayload('v:v:17:kk1ab2c3.AbC-_0123456')).toEqual([
      'v:v',
      17,
      'kk1ab2c3.AbC-_0123456',
    ]);
    expect(parsePayload('v:v:17')).toEqual(['v:v', 17]);
  });

  it.each([
    ['an unknown verb', 'vote:1'],
    ['a missing part', 'mod:ok'],
    ['an extra part', 'lang:kk:x'],
    ['an id that is not an ObjectId', 'mod:ok:{"$ne":null}'],
    ['an operator as category', 'd:cat:$where'],
    ['over 64 bytes', `d:cat:${'a'.repeat(60)}`],
    ['a reason out of range', 'mod:rr:0123456789abcdef01234567:0'],
    ['a press token of the wrong shape', 'v:v:1:xx12.abcdefghijkl'],
    ['a press token on another button', 'v:nx:1:kk1a.abcdefghijkl'],
  ])('refuses %s', (_, data) => {
    expect(parsePayload(data)).toBeNull();
  });

  it('refuses two buttons that would read the same data', () => {
    const vote = button('v:v', [part.entryNumber], () => undefined);
    expect(() => new ButtonCodec([vote, vote])).toThrow('two buttons declare v:v/1');
    const lang = button('lang', [part.lang], () => undefined);
    const langX = button('lang:x', [], () => undefined);
    expect(() => new ButtonCodec([lang, langX])).toThrow('also the first word of another');
  });

  it('builds the command menu from the commands the features declare for it', () => {
    expect(menuCommands()).toEqual([
      'start',
      'submit',
      'nominate',
      'vote',
      'results',
      'transparency',
      'notifications',
      'language',
      'mydata',
      'deleteme',
      'cancel',
      'help',
    ]);
  });

  it('refuses to build a payload Telegram would reject', () => {
    expect(() => payload('d', 'cat', 'x'.repeat(70))).toThrow(/over 64 bytes/);
  });
});
