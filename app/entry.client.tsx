import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { registerCatalogue, type Catalogue } from './i18n/catalogue-registry';
import { DEFAULT_LOCALE, isInterfaceLocale, type InterfaceLocale } from './modules/taxonomy/locales';

/**
 * Only the page's language is loaded (a page never changes language without a full load: the
 * switcher's links are plain links), then the page is hydrated.
 */
const CATALOGUE_MODULES: Record<InterfaceLocale, () => Promise<Catalogue>> = {
  ar: () => import('./i18n/ar').then((m) => m.ar),
  zh: () => import('./i18n/zh').then((m) => m.zh),
  en: () => import('./i18n/en').then((m) => m.en),
  fr: () => import('./i18n/fr').then((m) => m.fr),
  ru: () => import('./i18n/ru').then((m) => m.ru),
  es: () => import('./i18n/es').then((m) => m.es),
};

const lang = document.documentElement.lang;
const locale = isInterfaceLocale(lang) ? lang : DEFAULT_LOCALE;

void CATALOGUE_MODULES[locale]().then((catalogue) => {
  registerCatalogue(locale, catalogue);
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  });
});
