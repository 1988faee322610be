/**
 * The interface catalogues this process has loaded. A browser loads only its page's language
 * (root.tsx puts it in the page; entry.client.tsx registers it), so the six catalogues never travel to it;
 * servers, the worker and tests load all six (catalogues.server.ts).
 */
import type { InterfaceLocale } from '../modules/taxonomy/locales';
import type { MessageKey } from './en';

export type Catalogue = Record<MessageKey, string>;

const loaded = new Map<string, Catalogue>();

export function registerCatalogue(locale: InterfaceLocale, catalogue: Catalogue): void {
  loaded.set(locale, catalogue);
}

export function catalogueFor(locale: InterfaceLocale): Catalogue {
  const catalogue = loaded.get(locale);
  if (!catalogue) throw new Error(`the ${locale} catalogue is not loaded: servers import app/i18n/catalogues.server.ts, browsers load it in entry.client.tsx`);
  return catalogue;
}

/** Any loaded catalogue: all have the same keys. */
export function someCatalogue(): Catalogue | undefined {
  return loaded.values().next().value;
}
