import { describe, expect, it } from 'vitest';
import { renderAcknowledgementEmail } from '../../templates/email/acknowledgement';
import { renderConfirmationEmail } from '../../templates/email/confirmation';
import { renderDecisionEmail } from '../../templates/email/decision';
import { emailText } from '../../templates/email/messages';

const base = {
  contactName: 'أمينة',
  reference: 'IMRF26-0042',
  forumName: 'منتدى استعراض الهجرة الدولية 2026',
  title: 'تقرير IMRF 2026 (الهدف 23)',
  receivedAt: '22 نوفمبر 2026',
};
const statusUrl = 'http://localhost:3000/ar/status/abc';

describe('confirmation e-mail', () => {
  it('asks in Arabic to confirm with the status link, and says when an unconfirmed input is erased', () => {
    const mail = renderConfirmationEmail({ ...base, statusUrl, locale: 'ar', dir: 'rtl', expiryDays: 7 });
    expect(mail.subject).toBe('أكِّد عنوان بريدك الإلكتروني لإرسال المساهمة IMRF26-0042');
    expect(mail.html).toMatch(/<html lang="ar" dir="rtl">/);
    for (const part of [mail.text, mail.html]) expect(part).toContain(statusUrl);
    expect(mail.text).toContain('بعد \u20687 أيام\u2069');
    expect(mail.html).toContain('بعد <bdi>7 أيام</bdi>');
    expect(renderConfirmationEmail({ ...base, statusUrl, locale: 'ar', dir: 'rtl', expiryDays: 14 }).text).toContain('بعد \u206814 يومًا\u2069');
    expect(renderConfirmationEmail({ ...base, statusUrl, locale: 'en', dir: 'ltr', expiryDays: 7 }).text).toContain('erased after 7 days');
  });
});

describe('acknowledgement e-mail', () => {
  it('is right-to-left Arabic in both parts, with every fact', () => {
    const mail = renderAcknowledgementEmail({ ...base, statusUrl, locale: 'ar', dir: 'rtl' });
    expect(mail.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(mail.subject).toBe('تم الاستلام: مساهمتك IMRF26-0042 في منتدى استعراض الهجرة الدولية 2026');
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(base.reference);
      expect(part).toContain('تقرير IMRF 2026 (الهدف 23)');
      expect(part).toContain('أمانة شبكة الأمم المتحدة المعنية بالهجرة');
      expect(part).toContain(statusUrl);
    }
  });

  it('escapes and isolates user text in HTML, keeps it verbatim in text', () => {
    const evil = '<img src=x onerror=alert(1)>"&';
    const mail = renderAcknowledgementEmail({ ...base, statusUrl, locale: 'en', dir: 'ltr', contactName: evil, title: evil });
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('<bdi>&lt;img src=x onerror=alert(1)&gt;&quot;&amp;</bdi>');
    expect(mail.text).toContain(evil);
  });

  it('never lets a line break from user text into the subject', () => {
    const mail = renderAcknowledgementEmail({ ...base, statusUrl, locale: 'en', dir: 'ltr', forumName: 'Forum\r\nBcc: x@example.org' });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('leaves the status paragraph out, in both parts and both languages, when there is no link', () => {
    for (const [locale, dir] of [['en', 'ltr'], ['ar', 'rtl']] as const) {
      const mail = renderAcknowledgementEmail({ ...base, locale, dir });
      for (const part of [mail.text, mail.html]) {
        expect(part).not.toContain(emailText(locale, 'ack.status'));
        expect(part).not.toContain(emailText(locale, 'ack.statusPrivate'));
        expect(part).not.toMatch(/href=|undefined/);
        expect(part).toContain(emailText(locale, 'ack.next'));
        expect(part).toContain(emailText(locale, 'signature'));
      }
    }
  });

  it('speaks each interface language, and English for any other', () => {
    expect(emailText('de', 'ack.reference')).toBe('Reference');
    const references = ['ar', 'zh', 'en', 'fr', 'ru', 'es'].map((locale) => emailText(locale, 'ack.reference'));
    expect(new Set(references).size).toBe(6);
  });
});

describe('decision e-mail', () => {
  it('links to the public page when accepted', () => {
    const mail = renderDecisionEmail({ ...base, locale: 'en', dir: 'ltr', decision: 'accepted', publicUrl: 'http://localhost:3000/en/inputs/IMRF26-0042' });
    expect(mail.subject).toMatch(/^Published, no action needed: /);
    expect(mail.html).toContain('href="http://localhost:3000/en/inputs/IMRF26-0042"');
  });
  it('states the reason when rejected, in Arabic', () => {
    const mail = renderDecisionEmail({ ...base, locale: 'ar', dir: 'rtl', decision: 'rejected', reason: 'خارج نطاق الدعوة' });
    expect(mail.text).toContain('السبب المذكور: \u2068خارج نطاق الدعوة\u2069');
  });

  it('isolates inserted values in Arabic plain text and HTML line by line, never in the subject or a link, and keeps a multi-line reason on its lines', () => {
    const reason = 'Please add sources.\nأضيفوا المصادر (الهدف 23).';
    const mail = renderDecisionEmail({ ...base, locale: 'ar', dir: 'rtl', decision: 'changes_requested', reason, editUrl: 'http://localhost:3000/ar/status/xyz/edit' });
    expect(mail.text).toContain('\u2068Please add sources.\u2069\n\u2068أضيفوا المصادر (الهدف 23).\u2069');
    expect(mail.text).toContain('\u2068IMRF26-0042\u2069');
    expect(mail.text).toContain('\u2068تقرير IMRF 2026 (الهدف 23)\u2069');
    expect(mail.text).toMatch(/^http:\/\/localhost:3000\/ar\/status\/xyz\/edit$/m);
    expect(mail.subject).not.toMatch(/[\u2066-\u2069]/);
    expect(mail.subject).toContain('IMRF26-0042');
    // Each line isolated on its own, so each takes its own direction.
    expect(mail.html).toContain('<bdi style="white-space:pre-wrap">Please add sources.</bdi><br><bdi style="white-space:pre-wrap">أضيفوا المصادر (الهدف 23).</bdi>');
    // Left-to-right e-mails carry no isolation characters.
    const en = renderDecisionEmail({ ...base, locale: 'en', dir: 'ltr', decision: 'changes_requested', reason, editUrl: 'http://localhost:3000/en/status/xyz/edit' });
    expect(en.text).not.toMatch(/[\u2066-\u2069]/);
    expect(en.text).toContain(reason);
  });
});
