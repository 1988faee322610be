import { composeEmail } from './compose';
import { escapeHtml, factsText, factsTable, type RenderedEmail } from './layout';
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
  /**
   * Private link to follow the input; whoever has it can see and withdraw the input. Absent for
   * submissions made before status links existed: the e-mail then simply has no status paragraph.
   */
  statusUrl?: string;
}

/** The acknowledgement sent with the PDF receipt once a submission is stored. */
export function renderAcknowledgementEmail(v: AcknowledgementView): RenderedEmail {
  const t = (key: EmailMessageKey, params: Record<string, string> = {}) => emailText(v.locale, key, params);
  const h = (key: EmailMessageKey, params: Record<string, string> = {}) => emailHtml(v.locale, key, params);
  const facts: Array<[string, string]> = [
    [t('ack.reference'), v.reference],
    [t('ack.title'), v.title],
    [t('ack.receivedAt'), v.receivedAt],
  ];
  return composeEmail({
    locale: v.locale,
    dir: v.dir,
    subject: t('ack.subject', { reference: v.reference, forum: v.forumName }),
    contactName: v.contactName,
    blocks: [
      { text: t('ack.intro', { forum: v.forumName }), html: `<p>${h('ack.intro', { forum: v.forumName })}</p>` },
      { text: factsText(facts, v.locale), html: factsTable(facts) },
      { text: `${t('ack.receipt')}\n${t('ack.next')}`, html: `<p>${h('ack.receipt')}</p>\n<p>${h('ack.next')}</p>` },
      ...(v.statusUrl ? [statusBlock(v.statusUrl, t, h)] : []),
    ],
  });
}

/** The private status link and its warning, in both parts. */
function statusBlock(url: string, t: (key: EmailMessageKey) => string, h: (key: EmailMessageKey) => string) {
  return {
    text: `${t('ack.status')}\n${url}\n${t('ack.statusPrivate')}`,
    html: `<p>${h('ack.status')}<br><a href="${escapeHtml(url)}">${h('ack.statusLink')}</a></p>\n<p><small>${h('ack.statusPrivate')}</small></p>`,
  };
}
