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
import { LANGS, type Lang } from '../handlers/ports.js';
import { readLocaleSource } from '../locales/index.js';

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
