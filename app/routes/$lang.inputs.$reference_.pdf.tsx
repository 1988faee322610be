import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireLocale } from '../lib/route-locale';
import { currentPublicationPdf } from '../modules/publication/publication-pdf';
import { findWithdrawnFromPublication } from '../modules/publication/public-inputs';

/**
 * The publication PDF of a published input, always matching its public version (rendered now if
 * the worker has not yet). Revalidated on every use: after a redaction, no cache may keep the old one.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  requireLocale(params);
  const reference = params.reference ?? '';
  const pdf = (await currentPublicationPdf(context.db, reference, context.env.APP_URL))?.pdf;
  if (!pdf) {
    const gone = await findWithdrawnFromPublication(context.db, reference);
    throw new Response(gone ? 'Withdrawn from publication' : 'Not found', { status: gone ? 410 : 404 });
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
