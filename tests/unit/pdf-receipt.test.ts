import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderReceiptPdf, type ReceiptView } from '../../templates/pdf/receipt';
import { RECEIPT_TEXTS } from '../../templates/pdf/receipt-i18n';
import { arabicFixture, TRICKY_TEXTS } from '../helpers/fixtures';

const OUT = 'test-results/pdf';
mkdirSync(OUT, { recursive: true });

/** Text as a reader's tool extracts it (poppler), whitespace removed: PDF extraction may add spaces inside cursive words. */
function extract(name: string, pdf: Uint8Array): string {
  const file = `${OUT}/${name}.pdf`;
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
const squeeze = (s: string) => s.replace(/[\s\u200E\u200F\u202A-\u202E]+/g, '');

const arabicView: ReceiptView = {
  locale: 'ar',
  reference: 'IMRF26-0042',
  forumName: 'منتدى استعراض الهجرة الدولية 2026',
  receivedAtUtc: '2026-11-22 22:50:19 UTC',
  receivedAtForumTime: '22 نوفمبر 2026، 17:50:19 (America/New_York)',
  fields: [
    { label: 'العنوان', value: TRICKY_TEXTS.mixed },
    { label: 'الملخص', value: TRICKY_TEXTS.vowelled },
    { label: 'النص الكامل', value: arabicFixture('ar-arab-region-imrf-briefing') },
    { label: 'English', value: 'Migrant workers need access to justice.' },
  ],
  contentSha256: 'c0ffee'.padEnd(64, '0'),
  attachments: [],
};

describe('receipt PDF', () => {
  it('renders Arabic, Latin and the digest as extractable text, in reading order', async () => {
    const pdf = await renderReceiptPdf(arabicView);
    const text = squeeze(extract('receipt-ar', pdf));
    expect(text).toContain('IMRF26-0042');
    expect(text).toContain(arabicView.contentSha256);
    expect(text).toContain('Migrantworkersneedaccesstojustice.');
    expect(text).toContain(squeeze('إيصال استلام مساهمة مكتوبة'));
    expect(text).toContain(squeeze('شبكة الأمم المتحدة الإقليمية للهجرة'));
  });

  it('lists each attached file with its name, size and SHA-256', async () => {
    const files = [
      { name: 'توصيات المجتمع المدني.pdf', size: '1.2 ميغابايت', sha256: 'ab'.repeat(32) },
      { name: 'annex.odt', size: '14 كيلوبايت', sha256: 'cd'.repeat(32) },
    ];
    const text = squeeze(extract('receipt-attachments', await renderReceiptPdf({ ...arabicView, attachments: files })));
    expect(text).toContain(squeeze('الملفات المرفقة'));
    for (const f of files) expect(text).toContain(f.sha256);
    expect(text).toContain(squeeze('توصيات المجتمع المدني'));
    expect(text).toContain('annex.odt');
    const none = squeeze(extract('receipt-no-attachments', await renderReceiptPdf(arabicView)));
    expect(none).not.toContain(squeeze('الملفات المرفقة'));
  });

  // Each language's frame with a text in that language: extractable in reading order, fonts embedded
  // as subsets (Chinese needs its own), and a PNG of the first page kept for a person to look at.
  const SIX: Array<[ReceiptView['locale'], string, string]> = [
    ['en', 'Access to justice for migrant workers', 'Labour courts should hear migrant workers in their own language.'],
    ['fr', 'Accès à la justice pour les travailleurs migrants', 'Les tribunaux du travail devraient entendre les travailleurs migrants dans leur langue.'],
    ['es', 'Acceso a la justicia para los trabajadores migrantes', 'Los tribunales laborales deberían escuchar a los trabajadores migrantes en su idioma.'],
    ['ru', 'Доступ к правосудию для трудящихся-мигрантов', 'Трудовые суды должны выслушивать трудящихся-мигрантов на их родном языке.'],
    ['zh', '移民工人诉诸司法的机会', '劳动法院应当以移民工人自己的语言听取他们的意见。'],
    ['ar', 'وصول العمال المهاجرين إلى العدالة', 'ينبغي أن تستمع محاكم العمل إلى العمال المهاجرين بلغتهم.'],
  ];
  it.each(SIX)('sets the frame and a text in %s', async (locale, title, body) => {
    const view: ReceiptView = { ...arabicView, locale, fields: [{ label: '1', value: title }, { label: '2', value: body }] };
    const pdf = await renderReceiptPdf(view);
    const text = squeeze(extract(`receipt-six-${locale}`, pdf));
    expect(text).toContain(squeeze(RECEIPT_TEXTS[locale].title));
    expect(text).toContain(squeeze(title));
    expect(text).toContain(squeeze(body));
    const fonts = execFileSync('pdffonts', [`${OUT}/receipt-six-${locale}.pdf`], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // Every font embedded, and as a subset (the six-letter tag before its name).
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+\S+.*\byes\s+yes\b/);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', `${OUT}/receipt-six-${locale}.pdf`, `${OUT}/receipt-six-${locale}`]);
  });

  it('flows a long input over several numbered pages and stays a valid PDF', async () => {
    const long = Array.from({ length: 4 }, () => arabicFixture('ar-gcm-national-implementation-plans')).join('\n');
    const pdf = await renderReceiptPdf({ ...arabicView, fields: [{ label: 'النص الكامل', value: long }] });
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBeGreaterThan(2);
    expect(doc.getTitle()).toBe('إيصال استلام مساهمة مكتوبة IMRF26-0042');
    const text = squeeze(extract('receipt-long', pdf));
    const pages = doc.getPageCount();
    expect(text).toContain(squeeze(`الصفحة ${pages} من ${pages}`));
  });

  it('renders an English receipt with a left-to-right frame', async () => {
    const pdf = await renderReceiptPdf({ ...arabicView, locale: 'en', forumName: 'IMRF 2026' });
    const text = extract('receipt-en', pdf);
    expect(text).toContain('Receipt of written input');
    expect(text).toContain('Page 1 of');
  });
});
