import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, Outlet, useRouteError } from '@remix-run/react';
import type { ReactNode } from 'react';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { errorMessagesOf } from '../lib/error-messages';
import { requireLocale } from '../lib/require-locale.server';
import { useLocale } from '../lib/route-locale';

export function loader({ params }: LoaderFunctionArgs) {
  requireLocale(params);
  return null;
}

/** Frame of every localised page: skip link, header with language switch, footer. */
function SiteFrame({ children }: { children: ReactNode }) {
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
        {children}
      </main>
      <footer className="site-footer"><p>{t('site.footer')}</p></footer>
    </>
  );
}

export default function LocalisedLayout() {
  return (
    <SiteFrame>
      <Outlet />
    </SiteFrame>
  );
}

/**
 * An error under a language keeps the site's frame (skip link, header, language switch to the
 * same address in the others) and says what happened in that language, by status. Server-rendered
 * text only, so it reads the same without JavaScript and hydrates unchanged on staff pages.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useLocale();
  const [title, body] = errorMessagesOf(error);
  return (
    <SiteFrame>
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
    </SiteFrame>
  );
}
