/**
 * A whole small HTML page for resource routes (downloads), which cannot render through Remix: when
 * the file is not there, a person who followed the link still gets a page in their language saying
 * why, instead of a bare "Not found". Static markup only: no scripts, nothing to hydrate.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { translator, type MessageKey } from '../i18n/translate';
import { directionOf, type InterfaceLocale } from '../modules/taxonomy/locales';

interface MessagePage {
  locale: InterfaceLocale;
  status: number;
  title: MessageKey;
  body: MessageKey;
  back?: { href: string; label: MessageKey };
}

export function messagePage({ locale, status, title, body, back }: MessagePage): Response {
  const t = translator(locale);
  const html = renderToStaticMarkup(
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* These pages answer private links: never indexed. */}
        <meta name="robots" content="noindex, nofollow" />
        <title>{t(title)}</title>
      </head>
      <body>
        <main id="main">
          <h1>{t(title)}</h1>
          <p>{t(body)}</p>
          {back ? <p><a href={back.href}>{t(back.label)}</a></p> : null}
        </main>
      </body>
    </html>,
  );
  return new Response(`<!DOCTYPE html>${html}`, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
