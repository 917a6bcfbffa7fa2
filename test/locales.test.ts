import {
  parse,
  type Pattern,
  type Entry,
  Identifier,
  Message,
  SelectExpression,
  VariableReference,
  Placeable,
} from '@fluent/syntax';
import { describe, expect, it } from 'vitest';
import { LANGS, type Arg, type Lang, type Text } from '../handlers/protocol.js';
import { readLocaleSource, translate } from '../locales/index.js';

// The three languages stay in step: the same keys, the same placeholders, and every plural
// written out for each language's own plural categories (Kazakh one/other, Russian
// one/few/many, English one/other).

const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

interface Variables {
  vars: Set<string>;
  plurals: { variable: string; keys: string[] }[];
}

function walk(pattern: Pattern | null, out: Variables): void {
  for (const element of pattern?.elements ?? []) {
    if (!(element instanceof Placeable)) continue;
    const expr = element.expression;
    if (expr instanceof VariableReference) out.vars.add(expr.id.name);
    if (expr instanceof SelectExpression) {
      if (expr.selector instanceof VariableReference) {
        out.vars.add(expr.selector.id.name);
        const keys = expr.variants.map((v) =>
          v.key instanceof Identifier ? v.key.name : v.key.value,
        );
        // A selector over plural categories (not over a word such as a status).
        if (keys.some((k) => PLURAL_CATEGORIES.includes(k)))
          out.plurals.push({ variable: expr.selector.id.name, keys });
      }
      for (const v of expr.variants) walk(v.value, out);
    }
  }
}

function messagesOf(lang: Lang): Map<string, Variables> {
  const resource = parse(readLocaleSource(lang), {});
  const junk = resource.body.filter((e: Entry) => e.type === 'Junk');
  expect(junk, `${lang}.ftl has syntax errors`).toEqual([]);
  const map = new Map<string, Variables>();
  for (const entry of resource.body) {
    if (!(entry instanceof Message)) continue;
    const out: Variables = { vars: new Set(), plurals: [] };
    walk(entry.value, out);
    map.set(entry.id.name, out);
  }
  return map;
}

const all = Object.fromEntries(LANGS.map((l) => [l, messagesOf(l)])) as Record<
  Lang,
  Map<string, Variables>
>;

describe('locales', () => {
  it.each(['kk', 'ru'] as const)('%s has exactly the keys en has', (lang) => {
    expect([...all[lang].keys()].sort()).toEqual([...all.en.keys()].sort());
  });

  it.each(['kk', 'ru'] as const)('%s uses the same placeholders as en in every message', (lang) => {
    const differences = [...all.en].flatMap(([key, en]) => {
      const other = all[lang].get(key);
      const a = [...en.vars].sort().join(',');
      const b = [...(other?.vars ?? [])].sort().join(',');
      return a === b ? [] : [`${key}: en {${a}} ${lang} {${b}}`];
    });
    expect(differences).toEqual([]);
  });

  it.each(LANGS)('%s writes out every plural category of its language', (lang) => {
    const categories = new Intl.PluralRules(lang)
      .resolvedOptions()
      .pluralCategories.filter((c) => c !== 'other');
    const missing = [...all[lang]].flatMap(([key, m]) =>
      m.plurals.flatMap((p) => {
        const lacks = categories.filter((c) => !p.keys.includes(c));
        return lacks.length ? [`${key} ($${p.variable}): ${lacks.join(', ')}`] : [];
      }),
    );
    expect(missing).toEqual([]);
  });
});

// ---- Every message, rendered -----------------------------------------------------------------

const NUMBERS = new Set([
  'count',
  'number',
  'from',
  'to',
  'place',
  'of',
  'votes',
  'total',
  'newAccounts',
  'inBursts',
  'max',
  'min',
  'mb',
  'length',
  'deleted',
  'withdrawn',
  'ties',
  'users',
  'voters',
  'pending',
  'sent',
  'failed',
  'queued',
  'reports',
  'media',
]);
const DATES = new Set(['open', 'close', 'publication', 'gala', 'broadcast', 'date', 'since']);
const NAMES = { kk: 'Жануарлар', ru: 'Животные', en: 'Animals' };
const TEXTS: Record<string, Text> = {
  phase: { key: 'phase-name-voting' },
  status: { key: 'entry-status-pending' },
  kind: { key: 'kind-entry-own' },
  what: { key: 'kind-sticker' },
  reason: { key: 'reject-reason-1' },
  draft: { key: 'mydata-draft-no' },
  entries: { key: 'mydata-no-entries' },
  votesNote: { key: 'mydata-votes-note' },
  audience: { key: 'broadcast-audience-all' },
  language: { key: 'language-name-kk' },
  announcements: { key: 'mydata-announcements-on' },
  name: { key: 'empty' },
};
/** What a person typed, or a link: not the bot's words. */
const SAMPLES: Record<string, string> = {
  first: 'Sample',
  second: 'Sample',
  value: 'Sample',
  text: 'Sample',
  story: 'Sample',
  nominee: 'Sample',
  city: 'Sample',
  author: 'Sample',
  authorRef: 'Sample',
  by: 'Sample',
  link: 'https://t.me/bot?start=e1',
  channel: '@dogoodthings',
  command: '/hide',
  time: '19:00',
  path: '/tmp/deed.png',
  numbers: '№1, №2',
  card: 'Sample',
  results: 'Sample',
  rows: 'Sample',
  byStatus: 'Sample',
  byCategory: 'Sample',
  byPlatform: 'Sample',
  platform: 'Telegram',
  id: '42',
};

function sampleArgs(vars: Set<string>): Record<string, Arg> {
  const args: Record<string, Arg> = {};
  for (const v of vars) {
    if (NUMBERS.has(v)) args[v] = 3;
    else if (DATES.has(v)) args[v] = { date: '2026-11-13' };
    else if (v === 'campaign' || v === 'category') args[v] = { names: NAMES };
    else if (TEXTS[v]) args[v] = TEXTS[v];
    else args[v] = SAMPLES[v] ?? 'Sample';
  }
  return args;
}

/**
 * Latin words a Kazakh or Russian reader may meet: the hashtag, commands and the words typed after
 * them, the platforms' names, and the file format and "id" the moderators' tools speak of.
 */
const LATIN_ALLOWED =
  /#DoGoodThings|https?:\/\/\S+|@\w+|\/(void|fraud) (cluster|voter|entry|left|csv|now)\b|\btelegram:ID\b|\S*\/\S+|Sample|\b(OK|GIF|JPEG|PNG|WebP|MP4|Telegram|VK|Ctrl\+D|photo|video|English|CSV|ID|id)\b/g;

/** What a message key (an identifier, untranslated) looks like. */
const MESSAGE_KEY =
  /\b(phase|kind|entry|mod|media|button|menu|language|mydata|results|vote|broadcast|report|reject)-[a-z-]+/;

describe('every message, rendered with sample arguments', () => {
  it.each(LANGS)('%s: no placeholder left and no identifier shown', (lang) => {
    const problems: string[] = [];
    for (const [key, message] of all[lang]) {
      let text: string;
      try {
        text = translate(lang, { key, args: sampleArgs(message.vars) });
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
        continue;
      }
      if (/\{\s*\$|undefined|\[object|NaN/.test(text)) problems.push(`${key}: ${text}`);
      if (MESSAGE_KEY.test(text.replace(LATIN_ALLOWED, '')))
        problems.push(`${key}: a message key in "${text}"`);
      if (lang !== 'en' && /[A-Za-z]{2,}/.test(text.replace(LATIN_ALLOWED, '')))
        problems.push(`${key}: Latin letters in "${text}"`);
    }
    expect(problems).toEqual([]);
  });
});

describe('numbers in words', () => {
  it('writes Russian plurals for every count, and one tie as one', () => {
    // Intl groups Russian thousands with a no-break space.
    expect(translate('ru', { key: 'story-too-long', args: { length: 1001, max: 1000 } })).toMatch(
      /1\s001 символ,/,
    );
    expect(translate('ru', { key: 'story-too-long', args: { length: 1003, max: 1000 } })).toMatch(
      /1\s003 символа,/,
    );
    const ties = (n: number) =>
      translate('ru', { key: 'results-frozen', args: { ties: n, results: '' } });
    expect(ties(1)).toContain('Одна ничья');
    expect(ties(21)).toContain('21 ничья за призовые места требует');
    expect(ties(101)).toContain('101 ничья');
    expect(ties(5)).toContain('5 ничьих');
  });

  it('writes English places as ordinals', () => {
    const result = (place: number) =>
      translate('en', {
        key: 'result-for-author',
        args: { number: '7', category: 'Animals', place, of: 25, votes: 3 },
      });
    expect(result(2)).toContain('came 2nd of 25');
    expect(result(11)).toContain('came 11th of 25');
    expect(result(23)).toContain('came 23rd of 25');
    expect(translate('en', { key: 'results-tie', args: { place: 2, numbers: '#3, #5' } })).toBe(
      '⚠️ Tie for 2nd place: #3, #5 — the organisers decide.',
    );
  });
});
