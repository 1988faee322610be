import type { LoaderFunctionArgs } from '@remix-run/node';
import { statusPage } from '../lib/message-page.server';
import { requireLocale } from '../lib/require-locale.server';
import { attachmentResponse } from '../modules/attachments/attachment-download';
import { isUuid } from '../modules/ids/uuid';
import { findPublicAttachment } from '../modules/publication/public-attachments';

/** A file of a published input whose submitter agreed to its publication; anything else is a 404. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const file = params.reference && isUuid(params.id) ? await findPublicAttachment(context.db, params.reference, params.id) : undefined;
  if (!file) return statusPage(locale, 404);
  return attachmentResponse(context.files, file);
}
