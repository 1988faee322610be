import type { LoaderFunctionArgs } from '@remix-run/node';
import { Readable } from 'node:stream';
import { requireForumById } from '../lib/forum-loader.server';
import { requireAdmin } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/route-locale';
import { isUuid } from '../modules/ids/uuid';
import { findBookFile } from '../modules/publication/book';

/** A finished book of inputs, as a PDF download (admins), streamed from the file store. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  await requireAdmin(request, context, locale);
  const forum = await requireForumById(context, params.id);
  const book = isUuid(params.bookId) ? await findBookFile(context.db, forum.id, params.bookId) : undefined;
  if (!book) throw new Response('Not found', { status: 404 });
  const bytes = await context.files.open(book.fileKey);
  return new Response(Readable.toWeb(bytes) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Length': String(book.sizeBytes),
      'Content-Disposition': `attachment; filename="gcm-inputs-${forum.slug}.pdf"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
