import { labelIn, type Labels } from './locales';

/** The ten cross-cutting guiding principles of the Global Compact (A/RES/73/195, para. 15). */
export const PRINCIPLES = {
  people_centred: { en: 'People-centred', ar: 'محورية الإنسان' },
  international_cooperation: { en: 'International cooperation', ar: 'التعاون الدولي' },
  national_sovereignty: { en: 'National sovereignty', ar: 'السيادة الوطنية' },
  rule_of_law: { en: 'Rule of law and due process', ar: 'سيادة القانون ومراعاة الأصول القانونية' },
  sustainable_development: { en: 'Sustainable development', ar: 'التنمية المستدامة' },
  human_rights: { en: 'Human rights', ar: 'حقوق الإنسان' },
  gender_responsive: { en: 'Gender-responsive', ar: 'مراعاة الاعتبارات الجنسانية' },
  child_sensitive: { en: 'Child-sensitive', ar: 'مراعاة مصالح الطفل' },
  whole_of_government: { en: 'Whole-of-government approach', ar: 'نهج يشمل الحكومة بأسرها' },
  whole_of_society: { en: 'Whole-of-society approach', ar: 'نهج يشمل المجتمع بأسره' },
} satisfies Record<string, Labels>;

export type Principle = keyof typeof PRINCIPLES;
export const PRINCIPLE_KEYS = Object.keys(PRINCIPLES) as Principle[];

export function principleLabel(key: string, locale: string): string {
  return labelIn(PRINCIPLES, key, locale);
}
