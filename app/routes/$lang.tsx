import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, Outlet } from '@remix-run/react';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { requireLocale, useLocale } from '../lib/route-locale';

export function loader({ params }: LoaderFunctionArgs) {
  requireLocale(params);
  return null;
}

/** Frame of every localised page: skip link, header with language switch, footer. */
export default function LocalisedLayout() {
  const { locale, t } = useLocale();
  return (
    <>
      <a className="skip-link" href="#main">{t('site.skip')}</a>
      <header className="site-header">
        <div className="bar">
          <Link className="site-name" reloadDocument to={`/${locale}`}>{t('site.name')}</Link>
          <div className="site-nav">
            <Link to={`/${locale}/staff`}>{t('nav.staff')}</Link>
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      {/* Focusable from script and links only, so the skip link moves focus here, not just the view. */}
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer"><p>{t('site.footer')}</p></footer>
    </>
  );
}
