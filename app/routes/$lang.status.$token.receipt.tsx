import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireLocale } from '../lib/route-locale';
import { storedReceiptFor } from '../modules/notifications/receipt';
import { loadSubmissionForMail } from '../modules/notifications/submission-facts';
import { looksLikeStatusToken } from '../modules/submissions/status-token';
import { findByStatusToken } from '../modules/submissions/submission-status';

/** The receipt again, for the holder of the status link: the same document the e-mail carried. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  requireLocale(params);
  const found = looksLikeStatusToken(params.token) ? await findByStatusToken(context.db, params.token) : undefined;
  // A receipt exists once the address is confirmed (and never for an expired, erased input).
  const receiptable = found?.submission.emailConfirmedAt && !found.submission.personalDataErasedAt && !found.submission.expiredAt;
  const facts = receiptable ? await loadSubmissionForMail(context.db, found.submission.id) : undefined;
  const pdf = facts ? await storedReceiptFor(context.db, facts) : undefined;
  if (!facts || !pdf) throw new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="receipt-${facts.submission.reference}.pdf"`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'no-store',
    },
  });
}
