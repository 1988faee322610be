/** The receipt's own fixed text; languages not yet translated fall back to English. */
import { frReceipt } from './text-fr';
import { esReceipt } from './text-es';
import { ruReceipt } from './text-ru';
import { zhReceipt } from './text-zh';
const en = {
  title: 'Receipt of written input',
  reference: 'Reference',
  receivedUtc: 'Received (UTC)',
  receivedLocal: "Received (forum's time zone)",
  submitted: 'What was received',
  digest: 'SHA-256 digest of the submitted content',
  digestNote: 'This digest identifies exactly the content above. Keep this receipt as proof of your submission.',
  page: 'Page {n} of {total}',
  attachments: 'Attached files',
  attachmentDigest: 'SHA-256 of the file',
};
export type ReceiptTextKey = keyof typeof en;
const ar: Record<ReceiptTextKey, string> = {
  title: 'إيصال استلام مساهمة مكتوبة',
  reference: 'الرقم المرجعي',
  receivedUtc: 'تاريخ الاستلام (التوقيت العالمي المنسق)',
  receivedLocal: 'تاريخ الاستلام (بتوقيت المنتدى)',
  submitted: 'ما تم استلامه',
  digest: 'بصمة SHA-256 للمحتوى المقدَّم',
  digestNote: 'تحدد هذه البصمة المحتوى الوارد أعلاه بدقة. احتفظ بهذا الإيصال دليلًا على تقديم مساهمتك.',
  page: 'الصفحة {n} من {total}',
  attachments: 'الملفات المرفقة',
  attachmentDigest: 'بصمة SHA-256 للملف',
};
/** Every interface language's text (tests check keys and placeholders). */
export const RECEIPT_TEXTS: Record<string, Record<ReceiptTextKey, string>> = { en, ar, fr: frReceipt, es: esReceipt, ru: ruReceipt, zh: zhReceipt };

export function receiptText(locale: string, key: ReceiptTextKey): string {
  return (RECEIPT_TEXTS[locale] ?? en)[key];
}
