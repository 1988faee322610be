/** The receipt's own fixed text; languages not yet translated fall back to English. */
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
const catalogs: Record<string, Record<ReceiptTextKey, string>> = { en, ar };

export function receiptText(locale: string, key: ReceiptTextKey): string {
  return (catalogs[locale] ?? en)[key];
}
