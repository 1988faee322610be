import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireDevMailbox } from '../lib/dev-mailbox.server';
import { readCapturedMail } from '../modules/mailbox/captured-mail';

/** One attachment; PDFs open inline in the browser, everything else downloads. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const mail = await readCapturedMail(requireDevMailbox(context), params.id ?? '');
  const attachment = mail?.attachments[Number(params.index)];
  if (!attachment) throw new Response('Not found', { status: 404 });
  const isPdf = attachment.contentType === 'application/pdf';
  const filename = (attachment.filename ?? 'attachment').replace(/[^\w.-]+/g, '_');
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      'Content-Type': isPdf ? 'application/pdf' : 'application/octet-stream',
      'Content-Disposition': `${isPdf ? 'inline' : 'attachment'}; filename="${filename}"`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'no-store',
    },
  });
}
