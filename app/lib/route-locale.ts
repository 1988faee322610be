import { useParams } from '@remix-run/react';
import { translator } from '../i18n/translate';
import { DEFAULT_LOCALE, directionOf, isInterfaceLocale, type InterfaceLocale } from '../modules/taxonomy/locales';

/** The interface language from the URL (the `$lang` segment); loaders 404 unknown ones earlier (require-locale.server.ts). */
export function localeFromParams(params: { lang?: string }): InterfaceLocale {
  return isInterfaceLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
}

/** Locale, direction and translator for the current page. */
export function useLocale() {
  const locale = localeFromParams(useParams());
  return { locale, dir: directionOf(locale), t: translator(locale) };
}
