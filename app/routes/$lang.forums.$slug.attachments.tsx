import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { renderToStaticMarkup } from 'react-dom/server';
import { AttachmentsField } from '../components/AttachmentsField';
import { translator, type MessageKey } from '../i18n/translate';
import { statusPage } from '../lib/message-page.server';
import { requireLocale } from '../lib/require-locale.server';
import { readSubmissionRequest } from '../lib/submission-request.server';
import { hitUploadLimits } from '../modules/abuse/rate-limit';
import { gatherFormAttachments } from '../modules/attachments/form-attachments';
import { discardReceivedFiles } from '../modules/attachments/held-attachments';
import { callState } from '../modules/forums/call-window';
import { findForumBySlug } from '../modules/forums/forum-queries';
import { verifyLateAccessCode } from '../modules/forums/late-access';

/**
 * Uploads for the submission form when JavaScript runs: the enhance script sends the chosen files
 * here at once (so the page can show progress and offer to cancel), together with the form's
 * held-file tokens. The answer is the form's attachments section rendered anew, by the component
 * the page itself uses, with the new list of held files and anything refused. A refusal of the
 * whole request is one translated sentence, and the page keeps the files it held. Without
 * JavaScript the same files simply travel with the form; both paths check and hold files the same way.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const t = translator(locale);
  const refuse = (status: number, key: MessageKey, params: Record<string, number> = {}, headers: Record<string, string> = {}) =>
    new Response(t(key, params), { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
  // The page's script shows the answer's text as it is: a forum gone meanwhile is a sentence too.
  const forum = params.slug ? await findForumBySlug(context.db, params.slug) : undefined;
  if (!forum) return refuse(404, 'call.notOpen');
  const read = await readSubmissionRequest(request, forum, context.uploadDir);
  if (!read.ok) return read.problem === 'too_large' ? refuse(413, 'attachment.tooLarge') : refuse(400, 'error.form');
  try {
    const state = callState(forum, new Date());
    const lateCode = read.form.get('late');
    const late = state === 'closed' && typeof lateCode === 'string' && lateCode ? await verifyLateAccessCode(context.db, forum, lateCode) : undefined;
    if (state !== 'open' && !late?.ok) return refuse(403, 'call.notOpen');
    const limit = await hitUploadLimits(context.db, context.env.SESSION_SECRET, context.clientIp, read.files.length);
    if (!limit.allowed) {
      return refuse(429, 'error.rateLimited', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }, { 'Retry-After': String(limit.retryAfterSeconds) });
    }
    const { attachments, refused } = await gatherFormAttachments(context.db, context.files, forum, read.form, read);
    const section = renderToStaticMarkup(
      <AttachmentsField
        t={t}
        locale={locale}
        rules={forum.attachmentRules}
        held={attachments.map(({ token, fileName, sizeBytes }) => ({ token, fileName, sizeBytes }))}
        refused={refused}
        uploadUrl={`/${locale}/forums/${forum.slug}/attachments`}
      />,
    );
    return new Response(section, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  } finally {
    await discardReceivedFiles(read.files);
  }
}

/** Nothing to open here: someone who follows the address gets the not-found page in its language. */
export function loader({ params }: LoaderFunctionArgs) {
  return statusPage(requireLocale(params), 404);
}
