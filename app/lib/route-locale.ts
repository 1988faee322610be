import { useParams } from '@remix-run/react';
import { translator } from '../i18n/translate';
import { DEFAULT_LOCALE, directionOf, isInterfaceLocale, type InterfaceLocale } from '../modules/taxonomy/locales';

/** The interface language from the URL (the `$lang` segment); routes 404 unknown ones earlier. */
export function localeFromParams(params: { lang?: string }): InterfaceLocale {
  return isInterfaceLocale(params.lang) ? params.lang : DEFAULT_LOCALE;
}

/** Locale, direction and translator for the current page. */
export function useLocale() {
  const locale = localeFromParams(useParams());
  return { locale, dir: directionOf(locale), t: translator(locale) };
}

/** Throws a 404 when the `$lang` segment is not an interface language. */
export function requireLocale(params: { lang?: string }): InterfaceLocale {
  if (!isInterfaceLocale(params.lang)) throw new Response('Not found', { status: 404 });
  return params.lang;
}
