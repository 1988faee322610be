import { labelIn, type CompleteLabels } from './locales';

/** The ten cross-cutting guiding principles of the Global Compact (A/RES/73/195, para. 15). */
export const PRINCIPLES = {
  people_centred: {
    en: 'People-centred',
    ar: 'محورية الإنسان',
    fr: 'Priorité à la dimension humaine',
    es: 'Centrarse en las personas',
    ru: 'Ориентированность на интересы людей',
    zh: '以人为中心',
  },
  international_cooperation: {
    en: 'International cooperation',
    ar: 'التعاون الدولي',
    fr: 'Coopération internationale',
    es: 'Cooperación internacional',
    ru: 'Международное сотрудничество',
    zh: '国际合作',
  },
  national_sovereignty: {
    en: 'National sovereignty',
    ar: 'السيادة الوطنية',
    fr: 'Souveraineté nationale',
    es: 'Soberanía nacional',
    ru: 'Национальный суверенитет',
    zh: '国家主权',
  },
  rule_of_law: {
    en: 'Rule of law and due process',
    ar: 'سيادة القانون ومراعاة الأصول القانونية',
    fr: 'Primauté du droit et garanties d’une procédure régulière',
    es: 'Estado de derecho y garantías procesales',
    ru: 'Верховенство права и надлежащие правовые процедуры',
    zh: '法治和正当程序',
  },
  sustainable_development: {
    en: 'Sustainable development',
    ar: 'التنمية المستدامة',
    fr: 'Développement durable',
    es: 'Desarrollo sostenible',
    ru: 'Устойчивое развитие',
    zh: '可持续发展',
  },
  human_rights: {
    en: 'Human rights',
    ar: 'حقوق الإنسان',
    fr: 'Droits de l’homme',
    es: 'Derechos humanos',
    ru: 'Права человека',
    zh: '人权',
  },
  gender_responsive: {
    en: 'Gender-responsive',
    ar: 'مراعاة الاعتبارات الجنسانية',
    fr: 'Prise en compte de la problématique femmes-hommes',
    es: 'Perspectiva de género',
    ru: 'Учет гендерной проблематики',
    zh: '促进性别平等',
  },
  child_sensitive: {
    en: 'Child-sensitive',
    ar: 'مراعاة مصالح الطفل',
    fr: 'Adaptation aux besoins de l’enfant',
    es: 'Perspectiva infantil',
    ru: 'Учет интересов детей',
    zh: '敏感认识到儿童问题',
  },
  whole_of_government: {
    en: 'Whole-of-government approach',
    ar: 'نهج يشمل الحكومة بأسرها',
    fr: 'Approche mobilisant l’ensemble des pouvoirs publics',
    es: 'Enfoque pangubernamental',
    ru: 'Общегосударственный подход',
    zh: '全政府办法',
  },
  whole_of_society: {
    en: 'Whole-of-society approach',
    ar: 'نهج يشمل المجتمع بأسره',
    fr: 'Approche mobilisant l’ensemble de la société',
    es: 'Enfoque pansocial',
    ru: 'Общесоциальный подход',
    zh: '全社会办法',
  },
} satisfies Record<string, CompleteLabels>;

export type Principle = keyof typeof PRINCIPLES;
export const PRINCIPLE_KEYS = Object.keys(PRINCIPLES) as Principle[];

export function principleLabel(key: string, locale: string): string {
  return labelIn(PRINCIPLES, key, locale);
}
