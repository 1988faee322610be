import { composeEmail } from './compose';
import { escapeHtml, type RenderedEmail } from './layout';
import { emailHtml, emailText, type EmailMessageKey } from './messages';

export interface StaffInviteView {
  locale: string;
  dir: 'rtl' | 'ltr';
  displayName: string;
  /** Empty when nobody is known to have sent it. */
  inviterName: string;
  role: 'admin' | 'moderator';
  /** One-time link to choose a password. */
  inviteUrl: string;
  /** Already formatted for the reader, naming the time zone. */
  expiresAt: string;
}

/** The invitation (or a new link) to the staff side: one link, its expiry, and what to do if unexpected. */
export function renderStaffInviteEmail(v: StaffInviteView): RenderedEmail {
  const t = (key: EmailMessageKey, params: Record<string, string> = {}) => emailText(v.locale, key, params);
  const h = (key: EmailMessageKey, params: Record<string, string> = {}) => emailHtml(v.locale, key, params);
  const intro = { inviter: v.inviterName, role: t(`invite.role.${v.role}`) };
  // A link issued again by the system (or by an account since deleted) has no inviter to name.
  const introKey = v.inviterName.trim() ? 'invite.intro' : 'invite.introNoInviter';
  return composeEmail({
    locale: v.locale,
    dir: v.dir,
    subject: t('invite.subject'),
    contactName: v.displayName,
    blocks: [
      { text: t(introKey, intro), html: `<p>${h(introKey, intro)}</p>` },
      {
        text: `${t('invite.action')}\n${v.inviteUrl}`,
        html: `<p>${h('invite.action')}</p>\n<p><a href="${escapeHtml(v.inviteUrl)}">${h('invite.link')}</a></p>`,
      },
      { text: t('invite.expires', { date: v.expiresAt }), html: `<p>${h('invite.expires', { date: v.expiresAt })}</p>` },
      { text: t('invite.notYou'), html: `<p><small>${h('invite.notYou')}</small></p>` },
    ],
  });
}
