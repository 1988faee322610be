import { composeEmail } from './compose';
import { escapeHtml, type RenderedEmail } from './layout';
import { emailHtml, emailText, type EmailMessageKey } from './messages';

export interface DraftLinkView {
  locale: string;
  dir: 'rtl' | 'ltr';
  forumName: string;
  /** Private link that opens the form with the draft's values. */
  draftUrl: string;
  /** Already formatted for the reader, with the forum's time zone. */
  expiresAt: string;
}

/** Sent when a draft is first saved; drafts carry no name yet, so the greeting is the plain one. */
export function renderDraftLinkEmail(v: DraftLinkView): RenderedEmail {
  const t = (key: EmailMessageKey, params: Record<string, string> = {}) => emailText(v.locale, key, params);
  const h = (key: EmailMessageKey, params: Record<string, string> = {}) => emailHtml(v.locale, key, params);
  return composeEmail({
    locale: v.locale,
    dir: v.dir,
    subject: t('draft.subject', { forum: v.forumName }),
    contactName: '',
    blocks: [
      {
        text: `${t('draft.intro', { forum: v.forumName })}\n${v.draftUrl}`,
        html: `<p>${h('draft.intro', { forum: v.forumName })}</p>\n<p><a href="${escapeHtml(v.draftUrl)}">${h('draft.link')}</a></p>`,
      },
      { text: `${t('draft.expires', { date: v.expiresAt })}\n${t('ack.statusPrivate')}`, html: `<p>${h('draft.expires', { date: v.expiresAt })}</p>\n<p><small>${h('ack.statusPrivate')}</small></p>` },
      { text: t('draft.notYou'), html: `<p><small>${h('draft.notYou')}</small></p>` },
    ],
  });
}
