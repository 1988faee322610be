import { labelIn, type Labels } from './locales';

/** Stakeholder constituencies of the GCM's whole-of-society approach (see docs/CONTEXT.md). */
export const CONSTITUENCIES = {
  migrants: { en: 'Migrants', ar: 'المهاجرون' },
  migrant_diaspora_organisations: { en: 'Migrant and diaspora organisations', ar: 'منظمات المهاجرين والمغتربين' },
  civil_society: { en: 'Civil society organisations', ar: 'منظمات المجتمع المدني' },
  faith_based: { en: 'Faith-based organisations', ar: 'المنظمات الدينية' },
  local_authorities: { en: 'Local authorities and communities', ar: 'السلطات والمجتمعات المحلية' },
  private_sector: { en: 'Private sector and employers', ar: 'القطاع الخاص وأصحاب العمل' },
  trade_unions: { en: "Trade unions and workers' organisations", ar: 'النقابات ومنظمات العمال' },
  parliamentarians: { en: 'Parliamentarians', ar: 'البرلمانيون' },
  national_human_rights_institutions: { en: 'National human rights institutions', ar: 'المؤسسات الوطنية لحقوق الإنسان' },
  red_cross_red_crescent: {
    en: 'International Red Cross and Red Crescent Movement',
    ar: 'الحركة الدولية للصليب الأحمر والهلال الأحمر',
  },
  academia: { en: 'Academia and research', ar: 'الأوساط الأكاديمية والبحثية' },
  media: { en: 'Media', ar: 'وسائل الإعلام' },
  youth_children: { en: "Youth and children's organisations", ar: 'منظمات الشباب والأطفال' },
  un_system: { en: 'UN system and intergovernmental organisations', ar: 'منظومة الأمم المتحدة والمنظمات الحكومية الدولية' },
  member_states: { en: 'Member States (governments)', ar: 'الدول الأعضاء (الحكومات)' },
  other: { en: 'Other relevant stakeholders', ar: 'أصحاب مصلحة معنيون آخرون' },
} satisfies Record<string, Labels>;

export type Constituency = keyof typeof CONSTITUENCIES;
export const CONSTITUENCY_KEYS = Object.keys(CONSTITUENCIES) as Constituency[];

export function constituencyLabel(key: string, locale: string): string {
  return labelIn(CONSTITUENCIES, key, locale);
}
