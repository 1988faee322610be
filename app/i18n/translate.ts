import { DEFAULT_LOCALE, isInterfaceLocale, type InterfaceLocale } from '../modules/taxonomy/locales';
import { catalogueFor, someCatalogue } from './catalogue-registry';
import type { MessageKey } from './en';
import { PLURALS } from './plurals';

export type { MessageKey };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A translator for one interface language; {placeholders} are filled, numbers in the language's
 * digits, and messages about a number take the wording its plural category needs (plurals.ts).
 */
export function translator(locale: InterfaceLocale): Translate {
  const catalog = catalogueFor(locale);
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const template = (key: MessageKey, params: Record<string, string | number>) => {
    const plural = PLURALS[locale][key];
    const n = plural ? params[plural.by] : undefined;
    return (typeof n === 'number' && plural?.forms[plurals.select(n)]) || catalog[key];
  };
  return (key, params = {}) =>
    template(key, params).replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) return `{${name}}`;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
}

/** Picks the interface language from Accept-Language (first supported match), else English. */
export function negotiateLocale(acceptLanguage: string | null): InterfaceLocale {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.trim().slice(2) ?? 1);
      return { base: tag.toLowerCase().split('-')[0], q: Number.isNaN(q) ? 0 : q };
    })
    .filter((x) => x.base && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return wanted.map((w) => w.base).find(isInterfaceLocale) ?? DEFAULT_LOCALE;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(someCatalogue() ?? {}, key);
}
