/**
 * A whole small HTML page for resource routes (downloads), which cannot render through Remix: when
 * the file is not there, a person who followed the link still gets a page in their language saying
 * why, instead of a bare "Not found". Static markup only: no scripts, nothing to hydrate.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { translator, type MessageKey } from '../i18n/translate';
import { directionOf, type InterfaceLocale } from '../modules/taxonomy/locales';
import { errorMessages } from './error-messages';

interface MessagePage {
  locale: InterfaceLocale;
  status: number;
  title: MessageKey;
  body: MessageKey;
  /** Placeholders of the title and the body. */
  values?: Record<string, string | number>;
  back?: { href: string; label: MessageKey };
  headers?: Record<string, string>;
}

export function messagePage({ locale, status, title, body, values, back, headers }: MessagePage): Response {
  const t = translator(locale);
  const html = renderToStaticMarkup(
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* These pages answer private links: never indexed. */}
        <meta name="robots" content="noindex, nofollow" />
        <title>{t(title, values)}</title>
      </head>
      <body>
        {/* The words are named for a page's error boundary too (errorMessagesOf), unless they need values only this page has. */}
        <main id="main" {...(values ? {} : { 'data-error-title': title, 'data-error-body': body })}>
          <h1>{t(title, values)}</h1>
          <p>{t(body, values)}</p>
          {back ? <p><a href={back.href}>{t(back.label)}</a></p> : null}
        </main>
      </body>
    </html>,
  );
  return new Response(`<!DOCTYPE html>${html}`, {
    status,
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Language': locale, 'Cache-Control': 'no-store' },
  });
}

/**
 * The page for an error status, in the words error pages use for it (error-messages.ts), or with
 * a text of its own. Thrown from a page's loader it still reaches that page's error boundary,
 * which goes by the status; from a download's, it is what the person sees.
 */
export function statusPage(locale: InterfaceLocale, status: number, options: Partial<Omit<MessagePage, 'locale' | 'status'>> = {}): Response {
  const [title, body] = errorMessages(status);
  return messagePage({ locale, status, title, body, ...options });
}
