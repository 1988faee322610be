import { renderConfirmationEmail } from '../../../templates/email/confirmation';
import { UNCONFIRMED_EXPIRY_DAYS } from '../submissions/email-confirmation';
import type { OutgoingMail } from './outgoing-mail';
import type { SubmissionForMail } from './submission-facts';

/** The request to confirm the address: no receipt yet, nothing but the reference and title. */
export function buildConfirmationMail(facts: SubmissionForMail, statusUrl: string): OutgoingMail {
  const { submission: s, locale, dir, forumName } = facts;
  const rendered = renderConfirmationEmail({
    locale,
    dir,
    contactName: s.contactName,
    reference: s.reference,
    forumName,
    title: s.title,
    statusUrl,
    expiryDays: UNCONFIRMED_EXPIRY_DAYS,
  });
  return { to: s.email, language: locale, ...rendered };
}
