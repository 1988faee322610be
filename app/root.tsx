import type { LinksFunction } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, isRouteErrorResponse, useParams, useRouteError } from '@remix-run/react';
import type { ReactNode } from 'react';
import { translator } from './i18n/translate';
import { localeFromParams } from './lib/route-locale';
import { useNonce } from './lib/nonce';
import { directionOf } from './modules/taxonomy/locales';
import styles from './styles.css?url';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

/** Every page declares its language and direction from the URL, so Arabic pages mirror. */
export function Layout({ children }: { children: ReactNode }) {
  const locale = localeFromParams(useParams());
  const nonce = useNonce();
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = translator(localeFromParams(useParams()));
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404 ? (['notFound.title', 'notFound.body'] as const)
    : status === 403 ? (['forbidden.title', 'forbidden.body'] as const)
    : (['serverError.title', 'serverError.body'] as const);
  return (
    <main id="main" className="page">
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
    </main>
  );
}
