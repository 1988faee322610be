import { pickLabel, type Labels } from './locales';

/** Short labels of the 23 GCM objectives (full titles: A/RES/73/195), plus "cross-cutting". */
export const OBJECTIVES = {
  '1': { en: 'Data', ar: 'البيانات' },
  '2': { en: 'Minimize adverse drivers', ar: 'الحد من العوامل الدافعة السلبية' },
  '3': { en: 'Information provision', ar: 'توفير المعلومات' },
  '4': { en: 'Legal identity and documentation', ar: 'الهوية القانونية والوثائق' },
  '5': { en: 'Regular pathways', ar: 'مسارات الهجرة النظامية' },
  '6': { en: 'Fair recruitment and decent work', ar: 'التوظيف العادل والعمل اللائق' },
  '7': { en: 'Reduce vulnerabilities', ar: 'الحد من أوجه الضعف' },
  '8': { en: 'Save lives / missing migrants', ar: 'إنقاذ الأرواح والمهاجرون المفقودون' },
  '9': { en: 'Counter smuggling', ar: 'مكافحة تهريب المهاجرين' },
  '10': { en: 'Eradicate trafficking', ar: 'القضاء على الاتجار بالأشخاص' },
  '11': { en: 'Border management', ar: 'إدارة الحدود' },
  '12': { en: 'Screening, assessment and referral', ar: 'الفرز والتقييم والإحالة' },
  '13': { en: 'Detention as last resort', ar: 'الاحتجاز كملاذ أخير' },
  '14': { en: 'Consular protection', ar: 'الحماية القنصلية' },
  '15': { en: 'Access to basic services', ar: 'الحصول على الخدمات الأساسية' },
  '16': { en: 'Inclusion and social cohesion', ar: 'الإدماج والتماسك الاجتماعي' },
  '17': { en: 'Eliminate discrimination', ar: 'القضاء على التمييز' },
  '18': { en: 'Skills development and recognition', ar: 'تنمية المهارات والاعتراف بها' },
  '19': { en: 'Diaspora contributions', ar: 'إسهامات المغتربين' },
  '20': { en: 'Remittances and financial inclusion', ar: 'التحويلات المالية والشمول المالي' },
  '21': { en: 'Return, readmission and reintegration', ar: 'العودة وإعادة القبول وإعادة الإدماج' },
  '22': { en: 'Portability of social security', ar: 'قابلية نقل استحقاقات الضمان الاجتماعي' },
  '23': { en: 'International cooperation', ar: 'التعاون الدولي' },
  'cross-cutting': { en: 'Cross-cutting / general', ar: 'مسائل شاملة / عامة' },
} satisfies Record<string, Labels>;

export type Objective = keyof typeof OBJECTIVES;
export const OBJECTIVE_KEYS = Object.keys(OBJECTIVES) as Objective[];

/** "5. Regular pathways" (numbered objectives) or the cross-cutting label. */
export function objectiveLabel(key: string, locale: string): string {
  const labels = (OBJECTIVES as Record<string, Labels>)[key];
  if (!labels) return key;
  const text = pickLabel(labels, locale);
  return /^\d+$/.test(key) ? `${new Intl.NumberFormat(locale).format(Number(key))}. ${text}` : text;
}
