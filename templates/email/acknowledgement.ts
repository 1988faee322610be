import { factsTable, htmlDocument, oneLine, type RenderedEmail } from './layout';
import { emailHtml, emailText, type EmailMessageKey } from './messages';

export interface AcknowledgementView {
  locale: string;
  dir: 'rtl' | 'ltr';
  contactName: string;
  reference: string;
  forumName: string;
  title: string;
  /** Already formatted for the reader, e.g. "22 November 2026, 17:50 (America/New_York)". */
  receivedAt: string;
}

/** The acknowledgement sent with the PDF receipt once a submission is stored. */
export function renderAcknowledgementEmail(v: AcknowledgementView): RenderedEmail {
  const t = (key: EmailMessageKey, params: Record<string, string> = {}) => emailText(v.locale, key, params);
  const h = (key: EmailMessageKey, params: Record<string, string> = {}) => emailHtml(v.locale, key, params);
  const subject = oneLine(t('ack.subject', { reference: v.reference, forum: v.forumName }));
  const facts: Array<[string, string]> = [
    [t('ack.reference'), v.reference],
    [t('ack.title'), v.title],
    [t('ack.receivedAt'), v.receivedAt],
  ];
  const text = [
    t('greeting', { name: v.contactName }),
    '',
    t('ack.intro', { forum: v.forumName }),
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    t('ack.receipt'),
    t('ack.next'),
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
      `<p>${h('ack.intro', { forum: v.forumName })}</p>`,
      factsTable(facts),
      `<p>${h('ack.receipt')}</p>`,
      `<p>${h('ack.next')}</p>`,
      `<p style="color:#555;">${h('signature')}<br><small>${h('automated')}</small></p>`,
    ].join('\n'),
  });
  return { subject, text, html };
}
