import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import bidiFactory from 'bidi-js';
import { describe, expect, inject, it } from 'vitest';
import { directionOf, pickLabel } from '../../app/modules/taxonomy/locales';
import { formatInZone } from '../../app/modules/time/format-instant';
import { renderAcknowledgementEmail } from '../../templates/email/acknowledgement';
import { renderConfirmationEmail } from '../../templates/email/confirmation';
import { renderDecisionEmail } from '../../templates/email/decision';
import { renderDraftLinkEmail } from '../../templates/email/draft-link';
import type { RenderedEmail } from '../../templates/email/layout';
import { EMAIL_CATALOGUES, emailText } from '../../templates/email/messages';
import { renderStaffInviteEmail } from '../../templates/email/staff-invite';
import { createMailer } from '../../workers/mailer';
import { eventually, mailTo } from '../helpers/services';
import { FORUM_NAME } from '../helpers/six-inputs';

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

/**
 * Every e-mail the portal sends, in each of the six UN languages, with realistic values in that
 * language: language and direction on the HTML, nothing left unfilled, a translated subject, no
 * English fixed text, and in Arabic a text part whose every line a plain-text client sets right to
 * left (links excepted). Each message is also written to test-results/email for a person to read.
 */
const SAMPLE: Record<string, { name: string; inviter: string; title: string; reason: string }> = {
  ar: { name: 'Amina Ben Ali', inviter: 'سارة الخطيب', title: 'تقرير IMRF 2026 (الهدف 23)', reason: 'يرجى حذف رقم الهاتف +961 1 234 567 من النص.\nPlease add your sources.' },
  zh: { name: '王芳', inviter: '李娜', title: '保障移民工人的社会保障权利', reason: '请删除正文中的电话号码（+86 10 1234 5678）。' },
  en: { name: 'Grace Mensah', inviter: 'Tamim Elyan', title: 'Fair recruitment and decent work', reason: 'Please remove the telephone number from the text.' },
  fr: { name: 'Aïssatou Diallo', inviter: 'Claire Martin', title: 'Recrutement équitable et travail décent', reason: 'Veuillez retirer le numéro de téléphone du texte.' },
  ru: { name: 'Айгуль Токтогулова', inviter: 'Иван Петров', title: 'Защита прав трудящихся-мигрантов', reason: 'Просим удалить из текста номер телефона.' },
  es: { name: 'María José Pérez', inviter: 'Lucía Gómez', title: 'Acceso a servicios básicos en tránsito', reason: 'Le rogamos que elimine el número de teléfono del texto.' },
};

/** Every e-mail template and variant, rendered for `locale` (the values stay those of `values`). */
function everyEmail(locale: string, values = locale): Array<[string, RenderedEmail]> {
  const s = SAMPLE[values];
  const dir = directionOf(locale);
  const common = { locale, dir, contactName: s.name, reference: 'IMRF26-0042', forumName: pickLabel(FORUM_NAME, values), title: s.title };
  const url = (p: string) => `https://inputs.example.org/${locale}/${p}`;
  const at = new Date('2026-11-22T22:50:19Z');
  return [
    ['acknowledgement', renderAcknowledgementEmail({ ...common, receivedAt: formatInZone(at, locale, 'America/New_York'), statusUrl: url('status/Qm9vay1yZWFkZXItdG9rZW4_') })],
    ['acknowledgement-without-status', renderAcknowledgementEmail({ ...common, receivedAt: formatInZone(at, locale, 'America/New_York') })],
    ['confirmation', renderConfirmationEmail({ ...common, statusUrl: url('status/Qm9vay1yZWFkZXItdG9rZW4_'), expiryDays: 7 })],
    ['decision-accepted', renderDecisionEmail({ ...common, decision: 'accepted', publicUrl: url('inputs/IMRF26-0042') })],
    ['decision-scheduled', renderDecisionEmail({ ...common, decision: 'scheduled', date: formatInZone(at, locale, 'Europe/Zurich') })],
    ['decision-unpublished', renderDecisionEmail({ ...common, decision: 'unpublished', reason: s.reason })],
    ['decision-rejected', renderDecisionEmail({ ...common, decision: 'rejected', reason: s.reason })],
    ['decision-changes_requested', renderDecisionEmail({ ...common, decision: 'changes_requested', reason: s.reason, editUrl: url('status/Qm9vay1yZWFkZXItdG9rZW4-/edit') })],
    ['decision-duplicate', renderDecisionEmail({ ...common, decision: 'duplicate', original: 'IMRF26-0017' })],
    ['draft-link', renderDraftLinkEmail({ locale, dir, forumName: common.forumName, draftUrl: url('forums/imrf-2026/submit?draft=ZHJhZnQtdG9rZW4-'), expiresAt: formatInZone(at, locale, 'Asia/Beirut') })],
    ['staff-invite-admin', renderStaffInviteEmail({ locale, dir, displayName: s.name, inviterName: s.inviter, role: 'admin', inviteUrl: url('staff/invite/aW52aXRlLXRva2Vu'), expiresAt: formatInZone(at, locale, 'UTC') })],
    ['staff-invite-moderator', renderStaffInviteEmail({ locale, dir, displayName: s.name, inviterName: s.inviter, role: 'moderator', inviteUrl: url('staff/invite/aW52aXRlLXRva2Vu'), expiresAt: formatInZone(at, locale, 'UTC') })],
    // A new link the system issued again: no inviter to name.
    ['staff-invite-no-inviter', renderStaffInviteEmail({ locale, dir, displayName: s.name, inviterName: '', role: 'moderator', inviteUrl: url('staff/invite/aW52aXRlLXRva2Vu'), expiresAt: formatInZone(at, locale, 'UTC') })],
  ];
}

const MAIL_OUT = 'test-results/email';
mkdirSync(MAIL_OUT, { recursive: true });
const URL_LINE = /^https?:\/\/\S+$/;
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** The first letter or digit's direction, as a client without the bidi algorithm's isolates sees it (a mark counts). */
const naiveFirstStrong = (line: string) => {
  const ch = /[\p{L}\p{N}\u200E\u200F]/u.exec(line)?.[0];
  return ch === undefined ? 'none' : /[\u200F\p{Script=Arabic}]/u.test(ch) ? 'rtl' : 'ltr';
};
const bidi = bidiFactory();

describe('every e-mail in the six UN languages', () => {
  it.each(['ar', 'zh', 'en', 'fr', 'ru', 'es'])('renders every e-mail in %s', (locale) => {
    const english = new Map(everyEmail('en', locale));
    const catalogue = EMAIL_CATALOGUES[locale];
    for (const [name, mail] of everyEmail(locale)) {
      const what = `${locale} ${name}`;
      writeFileSync(`${MAIL_OUT}/${locale}-${name}.txt`, `Subject: ${mail.subject}\n\n${mail.text}\n`);
      writeFileSync(`${MAIL_OUT}/${locale}-${name}.html`, mail.html);
      const dir = locale === 'ar' ? 'rtl' : 'ltr';
      expect(mail.html, what).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${locale}" dir="${dir}">`));
      expect(mail.html, what).toContain(`<div dir="${dir}"`);
      // Nothing left unfilled, in any part; no empty value leaves a gap (two spaces, a line opening with one).
      for (const part of [mail.subject, mail.text, mail.html]) expect(part, what).not.toMatch(/\{\w+\}/);
      expect(mail.text, what).not.toMatch(/^[ \t]|[ \t]{2}|[\u2068]\u2069/m);
      // A time zone is named once (the dates carry theirs).
      if (name.startsWith('staff-invite')) expect(mail.text.match(/UTC|التوقيت العالمي/g), what).toHaveLength(1);
      // A subject, on one line, translated.
      expect(mail.subject.trim(), what).not.toBe('');
      expect(mail.subject, what).not.toMatch(/[\r\n]/);
      if (locale !== 'en') {
        expect(mail.subject, what).not.toBe(english.get(name)!.subject);
        // No English fixed text has slipped in.
        for (const key of ['signature', 'automated', 'ack.statusPrivate'] as const) {
          if (mail.text.includes(catalogue[key])) continue;
          expect(mail.text, `${what}: ${key}`).not.toContain(EMAIL_CATALOGUES.en[key]);
        }
        expect(mail.text, what).toContain(catalogue.signature);
      }
      const lines = mail.text.split('\n').filter((l) => l.trim() !== '');
      if (locale === 'ar') {
        for (const line of lines) {
          if (URL_LINE.test(line)) continue;
          // Right to left both for clients that apply the bidi algorithm to each line and for those
          // that look only at its first letter.
          expect(bidi.getEmbeddingLevels(line, 'auto').paragraphs[0].level, `${what}: ${JSON.stringify(line)}`).toBe(1);
          expect(naiveFirstStrong(line), `${what}: ${JSON.stringify(line)}`).toBe('rtl');
        }
      } else {
        expect(mail.text, what).not.toMatch(BIDI_CONTROLS);
      }
      // Links stand alone on their lines, untouched, so a client links all of them and nothing more.
      for (const href of [...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'))) {
        expect(mail.text.split('\n'), `${what}: ${href}`).toContain(href);
      }
    }
  });

  it('writes a label and its value with the colon of each language, and a link on a line of its own', () => {
    const line = (locale: string) => everyEmail(locale).find(([name]) => name === 'decision-accepted')![1].text.split('\n');
    expect(line('fr')).toContain('Référence\u00A0: IMRF26-0042');
    expect(line('zh')).toContain('编号：IMRF26-0042');
    expect(line('en')).toContain('Reference: IMRF26-0042');
    expect(line('ar')).toContain('الرقم المرجعي: \u2068IMRF26-0042\u2069');
    for (const locale of ['ar', 'fr', 'en']) expect(line(locale), locale).toContain(`https://inputs.example.org/${locale}/inputs/IMRF26-0042`);
  });
});

describe('Arabic e-mails as a mail client receives them', () => {
  // Sent through the real SMTP capture server with the portal's mailer, read back as a client parses
  // them; the raw messages are kept in test-results/email for a person to read.
  it.each(['draft-link', 'staff-invite-admin', 'decision-changes_requested'])('delivers the %s e-mail right to left, both parts intact', async (name) => {
    const mail = new Map(everyEmail('ar')).get(name)!;
    const to = `ar-${name}-${randomUUID()}@example.org`;
    const mailer = createMailer(inject('smtpUrl'), 'Portal <no-reply@localhost>');
    await mailer.send({ to, language: 'ar', ...mail }, `<${randomUUID()}@localhost>`);
    mailer.close();
    const [received] = await eventually(async () => {
      const found = await mailTo(to);
      return found.length > 0 && found;
    }, 10_000, `the ${name} e-mail`);
    copyFileSync(path.join(inject('mailCaptureDir'), `${(received as unknown as { id: string }).id}.eml`), `${MAIL_OUT}/ar-${name}.eml`);
    expect(received.subject).toBe(mail.subject);
    expect(received.headers.get('content-language')).toBe('ar');
    expect(received.text?.replace(/\n$/, '')).toBe(mail.text);
    expect(received.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(received.html).toBe(mail.html);
    // Every link of the HTML part is also a line of the text part, byte for byte.
    for (const href of [...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'))) expect(received.text!.split('\n')).toContain(href);
  });
});

