import { composeEmail } from './compose';
import { escapeHtml, factsText, factsTable, type RenderedEmail } from './layout';
import { emailHtml, emailText, type EmailMessageKey } from './messages';

export interface ConfirmationView {
  locale: string;
  dir: 'rtl' | 'ltr';
  contactName: string;
  reference: string;
  forumName: string;
  title: string;
  /** The private status link; its page carries the confirmation button (a POST, so mail scanners can't confirm). */
  statusUrl: string;
  /** Days after which an input never confirmed is erased. */
  expiryDays: number;
}

/** Asks the submitter to prove the address is theirs before the input reaches the secretariat. */
export function renderConfirmationEmail(v: ConfirmationView): RenderedEmail {
  const t = (key: EmailMessageKey, params: Record<string, string> = {}) => emailText(v.locale, key, params);
  const h = (key: EmailMessageKey, params: Record<string, string> = {}) => emailHtml(v.locale, key, params);
  const facts: Array<[string, string]> = [
    [t('ack.reference'), v.reference],
    [t('ack.title'), v.title],
  ];
  const period = daysPhrase(v.locale, v.expiryDays);
  return composeEmail({
    locale: v.locale,
    dir: v.dir,
    subject: t('confirm.subject', { reference: v.reference }),
    contactName: v.contactName,
    blocks: [
      { text: t('confirm.intro', { forum: v.forumName }), html: `<p>${h('confirm.intro', { forum: v.forumName })}</p>` },
      { text: factsText(facts, v.locale), html: factsTable(facts) },
      {
        text: `${t('confirm.action')}\n${v.statusUrl}\n${t('ack.statusPrivate')}`,
        html: `<p>${h('confirm.action')}</p>\n<p><a href="${escapeHtml(v.statusUrl)}">${h('confirm.link')}</a></p>\n<p><small>${h('ack.statusPrivate')}</small></p>`,
      },
      { text: t('confirm.notYou', { period }), html: `<p><small>${h('confirm.notYou', { period })}</small></p>` },
    ],
  });
}

/**
 * "7 days", "7 jours", "7 дней", "7天": CLDR's unit patterns agree the noun with the number. Arabic
 * is written out, because the phrase follows a preposition (بعد يومين, not the nominative يومان).
 */
function daysPhrase(locale: string, n: number): string {
  // The same few phrases in every e-mail; building ICU's formatters cost more than the rest of it.
  const key = `${locale}:${n}`;
  let phrase = daysPhrases.get(key);
  if (phrase === undefined) daysPhrases.set(key, (phrase = composeDaysPhrase(locale, n)));
  return phrase;
}
const daysPhrases = new Map<string, string>();

function composeDaysPhrase(locale: string, n: number): string {
  if (locale !== 'ar') return new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(n);
  const number = new Intl.NumberFormat(locale).format(n);
  const forms: Record<Intl.LDMLPluralRule, string> = {
    zero: `${number} يوم`,
    one: 'يوم واحد',
    two: 'يومين',
    few: `${number} أيام`,
    many: `${number} يومًا`,
    other: `${number} يوم`,
  };
  return forms[new Intl.PluralRules('ar').select(n)];
}
