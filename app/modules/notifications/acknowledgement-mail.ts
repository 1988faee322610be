import { renderAcknowledgementEmail } from '../../../templates/email/acknowledgement';
import { formatInZone } from '../time/format-instant';
import type { OutgoingMail } from './outgoing-mail';
import type { SubmissionForMail } from './submission-facts';

/**
 * The acknowledgement with its PDF receipt attached and the private status link; without the link
 * when there is none (submissions made before status links existed).
 */
export function buildAcknowledgementMail(facts: SubmissionForMail, statusUrl: string | undefined, pdf: Buffer): OutgoingMail {
  const { submission: s, forum, locale, dir, forumName } = facts;
  const rendered = renderAcknowledgementEmail({
    locale,
    dir,
    contactName: s.contactName,
    reference: s.reference,
    forumName,
    title: s.title,
    receivedAt: formatInZone(s.receivedAt, locale, forum.timeZone),
    statusUrl,
  });
  return {
    to: s.email,
    language: locale,
    ...rendered,
    attachments: [{ filename: `receipt-${s.reference}.pdf`, content: Buffer.from(pdf), contentType: 'application/pdf' }],
  };
}
