import { factsTable, htmlDocument, oneLine, escapeHtml, type RenderedEmail } from './layout';
import { emailHtml, emailText, type EmailMessageKey } from './messages';

export type DecisionView = {
  locale: string;
  dir: 'rtl' | 'ltr';
  contactName: string;
  reference: string;
  forumName: string;
  title: string;
} & ({ decision: 'accepted'; publicUrl: string } | { decision: 'rejected'; reason: string });

/** Tells the submitter what the secretariat decided, in the language they used. */
export function renderDecisionEmail(v: DecisionView): RenderedEmail {
  const t = (key: EmailMessageKey, params: Record<string, string> = {}) => emailText(v.locale, key, params);
  const h = (key: EmailMessageKey, params: Record<string, string> = {}) => emailHtml(v.locale, key, params);
  const names = { reference: v.reference, forum: v.forumName, title: v.title };
  const subject = oneLine(t(`decision.${v.decision}.subject`, names));
  const detailText = v.decision === 'accepted'
    ? `${t('decision.accepted.link')}: ${v.publicUrl}`
    : `${t('decision.rejected.reason')}: ${v.reason}`;
  const detailHtml = v.decision === 'accepted'
    ? `<p><a href="${escapeHtml(v.publicUrl)}">${h('decision.accepted.link')}</a></p>`
    : factsTable([[t('decision.rejected.reason'), v.reason]]);
  const text = [
    t('greeting', { name: v.contactName }),
    '',
    t(`decision.${v.decision}.body`, names),
    '',
    `${t('ack.reference')}: ${v.reference}`,
    detailText,
    '',
    t('signature'),
    t('automated'),
  ].join('\n');
  const html = htmlDocument({
    locale: v.locale,
    dir: v.dir,
    title: subject,
    body: [
      `<p>${h('greeting', { name: v.contactName })}</p>`,
      `<p>${h(`decision.${v.decision}.body`, names)}</p>`,
      factsTable([[t('ack.reference'), v.reference]]),
      detailHtml,
      `<p style="color:#555;">${h('signature')}<br><small>${h('automated')}</small></p>`,
    ].join('\n'),
  });
  return { subject, text, html };
}
