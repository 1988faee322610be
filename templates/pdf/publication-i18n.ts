/** The fixed text around a published input in its PDF; languages not yet translated fall back to English. */
import { frPublicationText } from './text-fr';
import { esPublicationText } from './text-es';
import { ruPublicationText } from './text-ru';
import { zhPublicationText } from './text-zh';
const en = {
  kind: 'Written input',
  reference: 'Reference',
  by: 'Submitted by',
  constituency: 'Stakeholder group',
  country: 'Country',
  language: 'Language of the input',
  objectives: 'GCM objectives',
  principles: 'Guiding principles',
  published: 'Published',
  summary: 'Summary',
  text: 'Full text',
  attachments: 'Files published with the input',
  cite: 'How to cite this input',
  source: 'Published on the portal of written inputs to the review forums of the Global Compact for Migration:',
  page: 'Page {n} of {total}',
};
export type PublicationTextKey = keyof typeof en;
const ar: Record<PublicationTextKey, string> = {
  kind: 'مساهمة مكتوبة',
  reference: 'الرقم المرجعي',
  by: 'مقدَّمة من',
  constituency: 'فئة أصحاب المصلحة',
  country: 'البلد',
  language: 'لغة المساهمة',
  objectives: 'أهداف الاتفاق العالمي',
  principles: 'المبادئ التوجيهية',
  published: 'تاريخ النشر',
  summary: 'الملخص',
  text: 'النص الكامل',
  attachments: 'الملفات المنشورة مع المساهمة',
  cite: 'كيفية الاستشهاد بهذه المساهمة',
  source: 'منشورة على بوابة المساهمات المكتوبة المقدَّمة إلى منتديات استعراض الاتفاق العالمي من أجل الهجرة:',
  page: 'الصفحة {n} من {total}',
};
/** Every interface language's text (tests check keys and placeholders). */
export const PUBLICATION_TEXTS: Record<string, Record<PublicationTextKey, string>> = { en, ar, fr: frPublicationText, es: esPublicationText, ru: ruPublicationText, zh: zhPublicationText };

export function publicationText(locale: string, key: PublicationTextKey): string {
  return (PUBLICATION_TEXTS[locale] ?? en)[key];
}
