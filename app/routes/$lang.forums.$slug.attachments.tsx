import type { ActionFunctionArgs } from '@remix-run/node';
import { requireForum } from '../lib/forum-loader.server';
import { requireLocale } from '../lib/route-locale';
import { readSubmissionRequest } from '../lib/submission-request.server';
import { hitUploadLimits } from '../modules/abuse/rate-limit';
import { gatherFormAttachments } from '../modules/attachments/form-attachments';
import { discardReceivedFiles } from '../modules/attachments/held-attachments';
import { callState } from '../modules/forums/call-window';
import { verifyLateAccessCode } from '../modules/forums/late-access';

/**
 * Uploads for the submission form when JavaScript runs: each chosen file is sent here at once (so
 * the page can show progress and offer to cancel), together with the form's held-file tokens, and
 * the answer is the form's new list of held files and anything refused. Without JavaScript the
 * same files simply travel with the form; both paths check and hold files the same way.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  requireLocale(params);
  const forum = await requireForum(context, params.slug);
  const read = await readSubmissionRequest(request, forum, context.uploadDir);
  if (!read.ok) {
    return Response.json({ problem: read.problem === 'too_large' ? 'attachment.tooLarge' : 'error.form' }, { status: read.problem === 'too_large' ? 413 : 400 });
  }
  try {
    const state = callState(forum, new Date());
    const late = state === 'closed' && read.form.get('late') ? await verifyLateAccessCode(context.db, forum, read.form.get('late')) : undefined;
    if (state !== 'open' && !late?.ok) return Response.json({ problem: 'call.notOpen' }, { status: 403 });
    const limit = await hitUploadLimits(context.db, context.env.SESSION_SECRET, context.clientIp, read.files.length);
    if (!limit.allowed) {
      return Response.json({ problem: 'error.rateLimited', retryAfterMinutes: Math.ceil(limit.retryAfterSeconds / 60) }, { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } });
    }
    const { attachments, refused } = await gatherFormAttachments(context.db, context.files, forum, read.form, read);
    return Response.json({
      held: attachments.map(({ token, fileName, sizeBytes }) => ({ token, fileName, sizeBytes })),
      refused,
    });
  } finally {
    await discardReceivedFiles(read.files);
  }
}

export function loader() {
  throw new Response('Not found', { status: 404 });
}
