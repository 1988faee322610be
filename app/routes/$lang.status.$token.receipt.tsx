import type { LoaderFunctionArgs } from '@remix-run/node';
import { messagePage } from '../lib/message-page.server';
import { requireLocale } from '../lib/require-locale.server';
import { storedReceiptFor } from '../modules/notifications/receipt';
import { loadSubmissionForMail } from '../modules/notifications/submission-facts';
import { looksLikeStatusToken } from '../modules/submissions/status-token';
import { findByStatusToken } from '../modules/submissions/submission-status';

/** The receipt again, for the holder of the status link: the same document the e-mail carried. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const found = looksLikeStatusToken(params.token) ? await findByStatusToken(context.db, params.token) : undefined;
  const notFound = () => messagePage({ locale, status: 404, title: 'notFound.title', body: 'notFound.body' });
  if (!found) return notFound();
  // The receipt printed the contact data, so it went with them: say so (410), never rebuild it.
  if (found.submission.personalDataErasedAt) {
    return messagePage({
      locale,
      status: 410,
      title: 'receipt.erased.title',
      body: 'receipt.erased.body',
      back: { href: `/${locale}/status/${params.token}`, label: 'receipt.backToStatus' },
    });
  }
  // A receipt exists once the address is confirmed (and never for an expired input).
  const receiptable = found.submission.emailConfirmedAt && !found.submission.expiredAt;
  const facts = receiptable ? await loadSubmissionForMail(context.db, found.submission.id) : undefined;
  const pdf = facts ? await storedReceiptFor(context.db, facts) : undefined;
  if (!facts || !pdf) return notFound();
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="receipt-${facts.submission.reference}.pdf"`,
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': 'no-store',
    },
  });
}
