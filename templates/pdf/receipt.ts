/**
 * The receipt attached to every acknowledgement: exactly what was received, with its SHA-256
 * digest, in the submitter's language (right-to-left frame in Arabic). Pure except for reading the
 * bundled font files.
 */
import { PDFDocument } from 'pdf-lib';
import { PageFlow } from './page-flow';
import { receiptText } from './receipt-i18n';
import { createTypesetter } from './text-layout';

export type ReceiptLocale = 'ar' | 'en' | 'fr' | 'es' | 'ru' | 'zh';

export interface ReceiptView {
  /** Language of the receipt's frame (labels, headings); 'ar' gives a right-to-left frame. */
  locale: ReceiptLocale;
  reference: string;
  forumName: string;
  receivedAtUtc: string;
  receivedAtForumTime: string;
  /** Every submitted field, labels localised, values exactly as submitted. */
  fields: Array<{ label: string; value: string }>;
  contentSha256: string;
  /** Files received with the input: name as given, size in words, and the SHA-256 of the bytes. */
  attachments: Array<{ name: string; size: string; sha256: string }>;
  statusNote?: string;
}

const GREY: [number, number, number] = [0.35, 0.38, 0.42];
const BRAND: [number, number, number] = [0, 0.33, 0.55];

export async function renderReceiptPdf(view: ReceiptView): Promise<Uint8Array> {
  const t = (key: Parameters<typeof receiptText>[1]) => receiptText(view.locale, key);
  const rtl = view.locale === 'ar';
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t('title')} ${view.reference}`, { showInWindowTitleBar: true });
  pdf.setLanguage(view.locale);
  pdf.setProducer('GCM Review Inputs');
  pdf.setCreator('GCM Review Inputs');
  pdf.setSubject(view.forumName);

  const facts: Array<[string, string]> = [
    [t('reference'), view.reference],
    [t('receivedUtc'), view.receivedAtUtc],
    [t('receivedLocal'), view.receivedAtForumTime],
  ];
  const allText = [
    t('title'), view.forumName, t('submitted'), t('digest'), t('digestNote'), t('page'), view.contentSha256, view.statusNote ?? '',
    ...facts.flat(), ...view.fields.flatMap((f) => [f.label, f.value]),
    t('attachments'), t('attachmentDigest'), ...view.attachments.flatMap((a) => [a.name, a.size, a.sha256]),
  ];
  const typesetter = await createTypesetter(pdf, allText, { compression: 'fast' });
  const flow = new PageFlow(pdf, typesetter, rtl);

  flow.write(t('title'), { size: 18, align: 'start', color: BRAND });
  flow.write(view.forumName, { size: 12, align: 'start' });
  flow.rule();
  for (const [label, value] of facts) {
    flow.write(label, { size: 9, align: 'start', color: GREY, spaceBefore: 4, keepWithNext: 11 * 1.75 });
    flow.write(value, { size: 11, align: 'start' });
  }
  flow.rule();
  flow.write(t('submitted'), { size: 14, align: 'start', color: BRAND, spaceBefore: 6, keepWithNext: 9 * 1.75 + 10.5 * 1.75 });
  for (const field of view.fields) {
    flow.write(field.label, { size: 9, align: 'start', color: GREY, spaceBefore: 6, keepWithNext: 10.5 * 1.75 });
    flow.write(field.value, { size: 10.5, align: 'start' });
  }
  if (view.attachments.length > 0) {
    flow.rule();
    flow.write(t('attachments'), { size: 14, align: 'start', color: BRAND, spaceBefore: 6, keepWithNext: 10.5 * 1.75 });
    for (const file of view.attachments) {
      // Name and size on lines of their own: a Latin name next to Arabic words would be reordered.
      flow.write(file.name, { size: 10.5, align: 'start', spaceBefore: 6 });
      flow.write(file.size, { size: 9, align: 'start', color: GREY });
      flow.write(t('attachmentDigest'), { size: 9, align: 'start', color: GREY });
      flow.write(file.sha256, { size: 10, align: 'start' });
    }
  }
  flow.rule();
  flow.write(t('digest'), { size: 9, align: 'start', color: GREY, spaceBefore: 6, keepWithNext: 10 * 1.75 });
  flow.write(view.contentSha256, { size: 10, align: 'start' });
  flow.write(t('digestNote'), { size: 9, align: 'start', color: GREY, spaceBefore: 4 });
  if (view.statusNote) flow.write(view.statusNote, { size: 9, align: 'start', spaceBefore: 4 });
  flow.numberPages(t('page'));
  typesetter.finish();
  return pdf.save({ useObjectStreams: false });
}
