import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useMatches, useParams, useRouteError, useRouteLoaderData } from '@remix-run/react';
import { useMemo, type ReactNode } from 'react';
import { catalogueFor } from './i18n/catalogue-registry';
import { translator } from './i18n/translate';
import { errorMessagesOf } from './lib/error-messages';
import { localeFromParams } from './lib/route-locale';
import { useNonce } from './lib/nonce';
import { isApplicationPage } from './lib/page-handle';
import { directionOf, INTERFACE_LOCALES, isInterfaceLocale } from './modules/taxonomy/locales';
import styles from './styles.css?url';
import enhanceScript from 'virtual:enhance-script';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

/** The portal's public origin, for the absolute addresses of a page's other languages. */
export function loader({ context }: LoaderFunctionArgs) {
  return { origin: new URL(context.env.APP_URL).origin };
}

/** The origin never changes: navigations and form posts need not ask for it again. */
export const shouldRevalidate = () => false;

/**
 * Every page declares its language and direction from the URL, so Arabic pages mirror, and lists
 * the same page in every interface language for search engines (hreflang; the home page's
 * x-default is the bare address, which picks a language for each visitor). Staff pages load the
 * client application; the others, the enhance script only (lib/page-handle.ts).
 */
export function Layout({ children }: { children: ReactNode }) {
  const params = useParams();
  const locale = localeFromParams(params);
  const nonce = useNonce();
  const origin = useRouteLoaderData<typeof loader>('root')?.origin;
  const { pathname, search } = useLocation();
  const rest = pathname.replace(/^\/[^/]+/, '');
  const application = useMatches().some((m) => isApplicationPage(m.handle));
  // Serialised once per language, not on every navigation of the client application.
  const messagesJson = useMemo(() => (application ? scriptSafeJson(catalogueFor(locale)) : ''), [application, locale]);
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {origin && isInterfaceLocale(params.lang) ? (
          <>
            {INTERFACE_LOCALES.map((l) => <link key={l} rel="alternate" hrefLang={l} href={`${origin}/${l}${rest}${search}`} />)}
            {rest === '' ? <link rel="alternate" hrefLang="x-default" href={`${origin}/`} /> : null}
          </>
        ) : null}
      </head>
      <body>
        {children}
        {application ? (
          <>
            {/* The page's language for the client application, read before it hydrates (entry.client.tsx). */}
            <script type="application/json" id="interface-messages" dangerouslySetInnerHTML={{ __html: messagesJson }} />
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : (
          <script src={enhanceScript} defer nonce={nonce} />
        )}
      </body>
    </html>
  );
}

/** JSON that cannot end the <script> element it sits in (nor open a comment). */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export default function App() {
  return <Outlet />;
}

/** An error page is titled like any other (routes' own meta describes their pages, not errors). */
export const meta: MetaFunction = ({ error, params }) => (error ? [{ title: translator(localeFromParams(params))(errorMessagesOf(error)[0]) }] : []);

/** Errors outside any language's frame (the languages' own error page is in $lang.tsx). */
export function ErrorBoundary() {
  const error = useRouteError();
  const t = translator(localeFromParams(useParams()));
  const [title, body] = errorMessagesOf(error);
  return (
    <main id="main" className="page">
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
    </main>
  );
}
