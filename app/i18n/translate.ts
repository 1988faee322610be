import { DEFAULT_LOCALE, isInterfaceLocale, type InterfaceLocale } from '../modules/taxonomy/locales';
import { catalogueFor, someCatalogue } from './catalogue-registry';
import type { MessageKey } from './en';
import { formatMessage, type MessageForms } from './message-format';
import { PLURALS } from './plurals';

export type { MessageKey };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * A translator for one interface language; {placeholders} are filled, numbers in the language's
 * digits, and messages about a number take the wording its plural category needs (plurals.ts).
 */
export function translator(locale: InterfaceLocale): Translate {
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  return (key, params = {}) => formatMessage(messageForms(locale, key), params, numbers, plurals);
}

/** A message with its plural wordings, for the browser to fill in itself (message-format.ts). */
export function messageForms(locale: InterfaceLocale, key: MessageKey): MessageForms {
  return { message: catalogueFor(locale)[key], ...PLURALS[locale][key] };
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

/**
 * A recorded code in words, under a message prefix (`known(t, 'staff.audit', 'forum.updated')`
 * reads `staff.audit.forum.updated`); a code the catalogue does not know yet is shown as recorded.
 */
export function known(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}
