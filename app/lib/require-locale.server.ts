import { DEFAULT_LOCALE, isInterfaceLocale, type InterfaceLocale } from '../modules/taxonomy/locales';
import { statusPage } from './message-page.server';

/**
 * The `$lang` segment as an interface language, or a thrown 404. A page's error boundary renders
 * that 404 by its status; a download (which has no boundary) answers the not-found page itself,
 * in the default language since the address names none the portal speaks.
 */
export function requireLocale(params: { lang?: string }): InterfaceLocale {
  if (!isInterfaceLocale(params.lang)) throw statusPage(DEFAULT_LOCALE, 404);
  return params.lang;
}
