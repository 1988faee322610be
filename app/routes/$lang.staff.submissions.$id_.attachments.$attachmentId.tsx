import type { LoaderFunctionArgs } from '@remix-run/node';
import { statusPage } from '../lib/message-page.server';
import { requireLocale } from '../lib/require-locale.server';
import { requireForumAccess, requireStaff } from '../lib/staff-auth.server';
import { attachmentResponse } from '../modules/attachments/attachment-download';
import { findAttachmentOf } from '../modules/attachments/held-attachments';
import { isUuid } from '../modules/ids/uuid';
import { submissionForumId } from '../modules/moderation/queue';

/** A file of an input, for staff of its forum, whatever the input's state or publication consent. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const staff = await requireStaff(request, context, locale);
  const forumId = isUuid(params.id) ? await submissionForumId(context.db, params.id) : undefined;
  if (!forumId) return statusPage(locale, 404);
  requireForumAccess(staff, forumId, locale);
  const file = isUuid(params.id) && isUuid(params.attachmentId) ? await findAttachmentOf(context.db, params.id, params.attachmentId) : undefined;
  if (!file) return statusPage(locale, 404);
  return attachmentResponse(context.files, file);
}
