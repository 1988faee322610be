import { renderDecisionEmail } from '../../../templates/email/decision';
import type { OutgoingMail } from './outgoing-mail';
import type { SubmissionForMail } from './submission-facts';

/** The decision e-mail; the decision is read from the row, so it says what was actually stored. */
export function buildDecisionMail(facts: SubmissionForMail, appUrl: string, statusToken?: string): OutgoingMail | undefined {
  const { submission: s, locale, dir, forumName } = facts;
  const common = { locale, dir, contactName: s.contactName, reference: s.reference, forumName, title: s.title };
  let rendered;
  if (s.decision === 'accepted') {
    const publicUrl = new URL(`/${locale}/inputs/${s.reference}`, appUrl).toString();
    rendered = renderDecisionEmail({ ...common, decision: 'accepted', publicUrl });
  } else if (s.decision === 'rejected') {
    rendered = renderDecisionEmail({ ...common, decision: 'rejected', reason: s.decisionReason ?? '' });
  } else if (s.decision === 'duplicate' && facts.originalReference) {
    rendered = renderDecisionEmail({ ...common, decision: 'duplicate', original: facts.originalReference });
  } else if (s.decision === 'changes_requested' && statusToken) {
    const editUrl = new URL(`/${locale}/status/${statusToken}/edit`, appUrl).toString();
    rendered = renderDecisionEmail({ ...common, decision: 'changes_requested', reason: s.decisionReason ?? '', editUrl });
  } else {
    return undefined;
  }
  return { to: s.email, language: locale, ...rendered };
}
