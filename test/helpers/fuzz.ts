// Generators for the fuzz tests: seeded, so a failing run can be replayed.

/** A small seeded generator: a failing run can be replayed. */
export function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

export const ODD_TEXT = [
  '',
  ' ',
  '\u0000',
  '‮gnp.exe',
  'Z͑ͫ̓ͪ̂ͫ̽͏̴̙̤̞͉͚̯̞̠͍A̴̵̜̰͔ͫ͗͢L̠ͨͧͩ͘G̴̻͈͍͔̹̑͗̎̅͛́Ǫ̵̹̻̝̳͂̌̌͘',
  '👩‍👩‍👧‍👦'.repeat(300),
  '\u200b\u200c\u200d\ufeff',
  '{"$gt":""}',
  '<script>alert(1)</script>',
  'Қайырлы таң! Добрый день!',
  '/start e1',
  '/start e99999999',
  '/start ' + 'x'.repeat(500),
  '/hide 1',
  '/restore 1',
  '/broadcast',
  '/export',
  '/deleteme',
  '/vote',
  '/submit',
  '/nominate',
  '/results',
  '/signals 1',
  '/language',
];

/** Log lines at error level or above (pino's level 50+), as { msg, err } for a readable failure. */
export function errorsIn(lines: string[]): { msg: string; err?: unknown }[] {
  return lines
    .map((line) => JSON.parse(line) as { level: number; msg: string; err?: unknown })
    .filter((entry) => entry.level >= 50)
    .map(({ msg, err }) => ({ msg, ...(err ? { err } : {}) }));
}
