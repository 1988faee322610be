/** Field labels on the receipt, in the submitter's interface language (English fallback). */
const en = {
  submitterType: 'Submitted as',
  contactName: 'Contact name',
  organisation: 'Organisation',
  email: 'E-mail',
  constituency: 'Constituency',
  country: 'Country',
  region: 'UN region',
  language: 'Language of the input',
  objectives: 'GCM objectives',
  principles: 'Guiding principles',
  publication: 'Publish with the input',
  title: 'Title',
  summary: 'Summary',
  body: 'Full text',
  publishName: 'name',
  publishOrganisation: 'organisation',
  publishNeither: 'neither name nor organisation',
  none: 'none',
};
type FieldKey = keyof typeof en;
const ar: Record<FieldKey, string> = {
  submitterType: 'الصفة',
  contactName: 'اسم جهة الاتصال',
  organisation: 'المنظمة',
  email: 'البريد الإلكتروني',
  constituency: 'الفئة',
  country: 'البلد',
  region: 'منطقة الأمم المتحدة',
  language: 'لغة المساهمة',
  objectives: 'أهداف الاتفاق العالمي',
  principles: 'المبادئ التوجيهية',
  publication: 'يُنشر مع المساهمة',
  title: 'العنوان',
  summary: 'الملخص',
  body: 'النص الكامل',
  publishName: 'الاسم',
  publishOrganisation: 'المنظمة',
  publishNeither: 'لا الاسم ولا المنظمة',
  none: 'لا شيء',
};

export function receiptFieldLabel(locale: string, key: FieldKey): string {
  return (locale === 'ar' ? ar : en)[key];
}
