import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireForumById } from '../lib/forum-loader.server';
import { requireAdmin } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/route-locale';
import { isUuid } from '../modules/ids/uuid';
import { findBookPdf } from '../modules/publication/book';

/** A finished book of inputs, as a PDF download (admins). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  await requireAdmin(request, context, locale);
  const forum = await requireForumById(context, params.id);
  const pdf = isUuid(params.bookId) ? await findBookPdf(context.db, forum.id, params.bookId) : undefined;
  if (!pdf) throw new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(pdf.length),
      'Content-Disposition': `attachment; filename="gcm-inputs-${forum.slug}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
