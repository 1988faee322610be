/** Field labels on the receipt, in the submitter's interface language (English fallback). */
const en = {
  contactName: 'Contact name',
  organisation: 'Organisation',
  email: 'E-mail',
  constituency: 'Constituency',
  country: 'Country',
  language: 'Language of the input',
  objectives: 'GCM objectives',
  title: 'Title',
  summary: 'Summary',
  body: 'Full text',
};
type FieldKey = keyof typeof en;
const ar: Record<FieldKey, string> = {
  contactName: 'اسم جهة الاتصال',
  organisation: 'المنظمة',
  email: 'البريد الإلكتروني',
  constituency: 'الفئة',
  country: 'البلد',
  language: 'لغة المساهمة',
  objectives: 'أهداف الاتفاق العالمي',
  title: 'العنوان',
  summary: 'الملخص',
  body: 'النص الكامل',
};

export function receiptFieldLabel(locale: string, key: FieldKey): string {
  return (locale === 'ar' ? ar : en)[key];
}
