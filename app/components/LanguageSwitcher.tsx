import { useLocation } from '@remix-run/react';
import { AUTONYMS, INTERFACE_LOCALES } from '../modules/taxonomy/locales';
import { useLocale } from '../lib/route-locale';

/** Links to the same page in each other language, each named in its own language. */
export function LanguageSwitcher() {
  const { locale, t } = useLocale();
  const { pathname, search } = useLocation();
  const rest = pathname.replace(/^\/[^/]+/, '');
  return (
    <nav aria-label={t('site.language')} className="site-nav">
      {INTERFACE_LOCALES.filter((l) => l !== locale).map((l) => (
        <a key={l} href={`/${l}${rest}${search}`} lang={l} hrefLang={l}>
          {AUTONYMS[l]}
        </a>
      ))}
    </nav>
  );
}
