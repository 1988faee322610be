import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireDevMailbox } from '../lib/dev-mailbox.server';
import { readCapturedMail } from '../modules/mailbox/captured-mail';

/** The HTML part, sandboxed by CSP: no scripts, no requests, shown only in our own frame. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const mail = await readCapturedMail(requireDevMailbox(context), params.id ?? '');
  if (!mail || !mail.html) throw new Response('Not found', { status: 404 });
  return new Response(mail.html, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
      'X-Frame-Options': 'SAMEORIGIN',
      'Cache-Control': 'no-store',
    },
  });
}
