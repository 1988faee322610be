import type { LoaderFunctionArgs } from '@remix-run/node';
import { Readable } from 'node:stream';
import { statusPage } from '../lib/message-page.server';
import { requireAdmin } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { findForumById } from '../modules/forums/forum-queries';
import { isUuid } from '../modules/ids/uuid';
import { findBookFile } from '../modules/publication/book';

/**
 * A finished book of inputs, as a PDF download (admins), streamed from the file store. What is not
 * there, or not for this person, answers a page in the URL's language saying so.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  await requireAdmin(request, context, locale);
  const forum = await findForumById(context.db, params.id);
  const book = forum && isUuid(params.bookId) ? await findBookFile(context.db, forum.id, params.bookId) : undefined;
  if (!forum || !book) return statusPage(locale, 404);
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
