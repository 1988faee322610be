import { composeEmail } from './compose';
import { escapeHtml, factsTable, factsText, type RenderedEmail } from './layout';
import { emailHtml, emailText, type EmailMessageKey } from './messages';

export type DecisionView = {
  locale: string;
  dir: 'rtl' | 'ltr';
  contactName: string;
  reference: string;
  forumName: string;
  title: string;
} & (
  | { decision: 'accepted'; publicUrl: string }
  /** Accepted, to be published at `date` (already formatted for the reader). */
  | { decision: 'scheduled'; date: string }
  | { decision: 'unpublished'; reason: string }
  | { decision: 'rejected'; reason: string }
  | { decision: 'changes_requested'; reason: string; editUrl: string }
  /** `original`: the reference of the input this one repeats. */
  | { decision: 'duplicate'; original: string }
);

/** Tells the submitter what the secretariat decided, in the language they used. */
export function renderDecisionEmail(v: DecisionView): RenderedEmail {
  const t = (key: EmailMessageKey, params: Record<string, string> = {}) => emailText(v.locale, key, params);
  const h = (key: EmailMessageKey, params: Record<string, string> = {}) => emailHtml(v.locale, key, params);
  const names = {
    reference: v.reference,
    forum: v.forumName,
    title: v.title,
    ...(v.decision === 'duplicate' ? { original: v.original } : {}),
    ...(v.decision === 'scheduled' ? { date: v.date } : {}),
  };
  const detail =
    v.decision === 'duplicate' || v.decision === 'scheduled'
      ? undefined
      : v.decision === 'unpublished'
      ? { text: factsText([[t('decision.unpublished.reason'), v.reason]], v.locale), html: factsTable([[t('decision.unpublished.reason'), v.reason]]) }
      : v.decision === 'accepted'
      ? // The link on a line of its own, as in every e-mail: nothing around it to reorder or to link with it.
        { text: `${t('decision.accepted.link')}\n${v.publicUrl}`, html: `<p><a href="${escapeHtml(v.publicUrl)}">${h('decision.accepted.link')}</a></p>` }
      : v.decision === 'rejected'
        ? { text: factsText([[t('decision.rejected.reason'), v.reason]], v.locale), html: factsTable([[t('decision.rejected.reason'), v.reason]]) }
        : {
            text: `${factsText([[t('decision.changes_requested.message'), v.reason]], v.locale)}\n\n${t('decision.changes_requested.how')}\n${v.editUrl}`,
            html: `${factsTable([[t('decision.changes_requested.message'), v.reason]])}\n<p>${h('decision.changes_requested.how')}</p>\n<p><a href="${escapeHtml(v.editUrl)}">${h('decision.changes_requested.link')}</a></p>`,
          };
  return composeEmail({
    locale: v.locale,
    dir: v.dir,
    subject: t(`decision.${v.decision}.subject`, names),
    contactName: v.contactName,
    blocks: [
      { text: t(`decision.${v.decision}.body`, names), html: `<p>${h(`decision.${v.decision}.body`, names)}</p>` },
      { text: factsText([[t('ack.reference'), v.reference]], v.locale), html: factsTable([[t('ack.reference'), v.reference]]) },
      ...(detail ? [detail] : []),
    ],
  });
}
