import { readFileSync } from 'node:fs';
import {
  FluentBundle,
  FluentNumber,
  FluentResource,
  type FluentValue,
  type FluentVariable,
} from '@fluent/bundle';
import { LANGS, type Arg, type Lang, type Text } from '../handlers/protocol.js';

// Every string a user sees lives in locales/<lang>.ftl (Project Fluent: plurals and selectors per
// language, with Intl's plural rules for kk, ru and en). The edge renders a Text with this.

export function readLocaleSource(lang: Lang): string {
  return readFileSync(new URL(`./${lang}.ftl`, import.meta.url), 'utf8');
}

function ordinal(positional: FluentValue[]): FluentValue {
  const [value] = positional;
  const n = value instanceof FluentNumber ? value.value : Number(value);
  return new FluentNumber(n, { type: 'ordinal' } as Intl.NumberFormatOptions);
}

function loadBundle(lang: Lang): FluentBundle {
  // useIsolating off: Telegram and VK show the Unicode isolation marks as stray characters.
  // ORDINAL: Fluent's NUMBER() drops the `type` option, so "2nd" needs its own function that
  // selects with Intl's ordinal plural rules (one/two/few/other in English).
  const bundle = new FluentBundle(lang, { useIsolating: false, functions: { ORDINAL: ordinal } });
  const errors = bundle.addResource(new FluentResource(readLocaleSource(lang)));
  if (errors.length) throw new Error(`locales/${lang}.ftl: ${errors.map(String).join('; ')}`);
  return bundle;
}

const bundles = Object.fromEntries(LANGS.map((l) => [l, loadBundle(l)])) as Record<
  Lang,
  FluentBundle
>;

/**
 * One date format per language, made once: making an Intl.DateTimeFormat costs about half a
 * millisecond, and an announcement with a date formats it for every one of its recipients.
 */
const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

function formatDate(lang: Lang, isoDate: string): string {
  let format = dateFormats.get(lang);
  if (!format) {
    // The date is already a calendar day in the campaign's zone: format it as that day, in UTC.
    format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' });
    dateFormats.set(lang, format);
  }
  return format.format(new Date(`${isoDate}T12:00:00Z`));
}

function resolveArg(lang: Lang, arg: Arg): FluentVariable {
  if (typeof arg === 'string' || typeof arg === 'number') return arg;
  if ('names' in arg) return arg.names[lang];
  if ('date' in arg) return formatDate(lang, arg.date);
  return translate(lang, arg);
}

export function hasMessage(lang: Lang, key: string): boolean {
  return bundles[lang].hasMessage(key);
}

/** Renders a Text in a language. A missing key is a bug: it throws rather than show the key. */
export function translate(lang: Lang, text: Text): string {
  const bundle = bundles[lang];
  const message = bundle.getMessage(text.key);
  if (!message?.value) throw new Error(`locales/${lang}.ftl has no message "${text.key}"`);
  const args: Record<string, FluentVariable> = {};
  for (const [name, value] of Object.entries(text.args ?? {})) args[name] = resolveArg(lang, value);
  const errors: Error[] = [];
  const result = bundle.formatPattern(message.value, args, errors);
  if (errors.length)
    throw new Error(`${lang}/${text.key}: ${errors.map((e) => e.message).join('; ')}`);
  return result;
}
