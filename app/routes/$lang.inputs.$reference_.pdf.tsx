import type { LoaderFunctionArgs } from '@remix-run/node';
import { messagePage, statusPage } from '../lib/message-page.server';
import { requireLocale } from '../lib/require-locale.server';
import { currentPublicationPdf } from '../modules/publication/publication-pdf';
import { findWithdrawnFromPublication } from '../modules/publication/public-inputs';

/**
 * The publication PDF of a published input, always matching its public version (rendered now if
 * the worker has not yet). Revalidated on every use: after a redaction, no cache may keep the old one.
 * One withdrawn from publication answers 410 with a page saying so, as its web page does.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const reference = params.reference ?? '';
  const pdf = (await currentPublicationPdf(context.db, reference, context.env.APP_URL))?.pdf;
  if (!pdf) {
    const gone = await findWithdrawnFromPublication(context.db, reference);
    if (!gone) return statusPage(locale, 404);
    return messagePage({
      locale,
      status: 410,
      title: 'input.withdrawn.title',
      body: 'input.withdrawn.body',
      values: { reference: gone.reference, date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(gone.unpublishedAt) },
    });
  }
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.length),
      'Content-Disposition': `inline; filename="${reference}.pdf"`,
      'Cache-Control': 'no-cache',
    },
  });
}
