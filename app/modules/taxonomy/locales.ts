/**
 * Each language's name in itself, for the language switcher. Fixed here rather than asked of Intl:
 * the server's and the browser's ICU data differ, and a page must render the same in both.
 */
export const AUTONYMS: Record<string, string> = {
  ar: 'العربية', zh: '中文', en: 'English', fr: 'Français', ru: 'Русский', es: 'Español',
};

/** The six official UN languages: an input may be written in any of them. */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

/** The interface speaks every UN language: each has a complete catalogue (app/i18n). */
export const INTERFACE_LOCALES = UN_LANGUAGES;
export type InterfaceLocale = (typeof INTERFACE_LOCALES)[number];
export const DEFAULT_LOCALE: InterfaceLocale = 'en';

export function isInterfaceLocale(value: unknown): value is InterfaceLocale {
  return typeof value === 'string' && (INTERFACE_LOCALES as readonly string[]).includes(value);
}

const RTL = new Set(['ar', 'fa', 'he', 'ur']);
export function directionOf(locale: string): 'rtl' | 'ltr' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** A label per language; English always present, others optional (a forum's name, set by admins). */
export type Labels = { en: string } & Partial<Record<UnLanguage, string>>;
/** A label in every UN language (the taxonomy: objectives, principles, groups, regions). */
export type CompleteLabels = Record<UnLanguage, string>;

export function pickLabel(labels: Labels, locale: string): string {
  return labels[locale as UnLanguage] ?? labels.en;
}

/** Name of a language in the given interface language (Intl, so every language is covered). */
export function languageName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
}

/** The label of `key` in a taxonomy table, or the key itself when it is unknown (old data). */
export function labelIn(table: Record<string, Labels>, key: string, locale: string): string {
  const labels = table[key];
  return labels ? pickLabel(labels, locale) : key;
}
