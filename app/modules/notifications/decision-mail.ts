import { renderDecisionEmail } from '../../../templates/email/decision';
import { formatInZone } from '../time/format-instant';
import type { OutgoingMail } from './outgoing-mail';
import type { SubmissionForMail } from './submission-facts';

/**
 * The decision e-mail; the decision is read from the row, so it says what was actually stored
 * (an acceptance released late says "published" if it is by then). `announce` is what the job was
 * asked to tell: only a withdrawal from publication differs from the stored decision.
 */
export function buildDecisionMail(facts: SubmissionForMail, appUrl: string, job: { announce?: string; statusToken?: string } = {}): OutgoingMail | undefined {
  const { submission: s, locale, dir, forumName } = facts;
  const statusToken = job.statusToken;
  const common = { locale, dir, contactName: s.contactName, reference: s.reference, forumName, title: s.title };
  let rendered;
  if (job.announce === 'unpublished') {
    // Published again before the e-mail left: nothing truthful to say.
    if (!s.unpublishedAt) return undefined;
    rendered = renderDecisionEmail({ ...common, decision: 'unpublished', reason: s.unpublishReason ?? '' });
  } else if (s.decision === 'accepted' && !s.publishedAt && s.publishAt) {
    rendered = renderDecisionEmail({ ...common, decision: 'scheduled', date: formatInZone(s.publishAt, locale, facts.forum.timeZone) });
  } else if (s.decision === 'accepted' && s.publishedAt) {
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
