import { labelIn, type CompleteLabels } from './locales';

/** Stakeholder constituencies of the GCM's whole-of-society approach (see docs/CONTEXT.md). */
export const CONSTITUENCIES = {
  migrants: {
    en: 'Migrants',
    ar: 'المهاجرون',
    fr: 'Migrants',
    es: 'Migrantes',
    ru: 'Мигранты',
    zh: '移民',
  },
  migrant_diaspora_organisations: {
    en: 'Migrant and diaspora organisations',
    ar: 'منظمات المهاجرين والمغتربين',
    fr: 'Organisations de migrants et de la diaspora',
    es: 'Organizaciones de migrantes y de las diásporas',
    ru: 'Организации мигрантов и диаспор',
    zh: '移民和侨民组织',
  },
  civil_society: {
    en: 'Civil society organisations',
    ar: 'منظمات المجتمع المدني',
    fr: 'Organisations de la société civile',
    es: 'Organizaciones de la sociedad civil',
    ru: 'Организации гражданского общества',
    zh: '民间社会组织',
  },
  faith_based: {
    en: 'Faith-based organisations',
    ar: 'المنظمات الدينية',
    fr: 'Organisations confessionnelles',
    es: 'Organizaciones confesionales',
    ru: 'Религиозные организации',
    zh: '基于信仰的组织',
  },
  local_authorities: {
    en: 'Local authorities and communities',
    ar: 'السلطات والمجتمعات المحلية',
    fr: 'Autorités et communautés locales',
    es: 'Autoridades y comunidades locales',
    ru: 'Местные органы власти и местные сообщества',
    zh: '地方当局和社区',
  },
  private_sector: {
    en: 'Private sector and employers',
    ar: 'القطاع الخاص وأصحاب العمل',
    fr: 'Secteur privé et employeurs',
    es: 'Sector privado y empleadores',
    ru: 'Частный сектор и работодатели',
    zh: '私营部门和雇主',
  },
  trade_unions: {
    en: "Trade unions and workers' organisations",
    ar: 'النقابات ومنظمات العمال',
    fr: 'Syndicats et organisations de travailleurs',
    es: 'Sindicatos y organizaciones de trabajadores',
    ru: 'Профсоюзы и организации трудящихся',
    zh: '工会和工人组织',
  },
  parliamentarians: {
    en: 'Parliamentarians',
    ar: 'البرلمانيون',
    fr: 'Parlementaires',
    es: 'Parlamentarios',
    ru: 'Парламентарии',
    zh: '议员',
  },
  national_human_rights_institutions: {
    en: 'National human rights institutions',
    ar: 'المؤسسات الوطنية لحقوق الإنسان',
    fr: 'Institutions nationales des droits de l’homme',
    es: 'Instituciones nacionales de derechos humanos',
    ru: 'Национальные правозащитные учреждения',
    zh: '国家人权机构',
  },
  red_cross_red_crescent: {
    en: 'International Red Cross and Red Crescent Movement',
    ar: 'الحركة الدولية للصليب الأحمر والهلال الأحمر',
    fr: 'Mouvement international de la Croix-Rouge et du Croissant-Rouge',
    es: 'Movimiento Internacional de la Cruz Roja y de la Media Luna Roja',
    ru: 'Международное движение Красного Креста и Красного Полумесяца',
    zh: '国际红十字与红新月运动',
  },
  academia: {
    en: 'Academia and research',
    ar: 'الأوساط الأكاديمية والبحثية',
    fr: 'Milieux universitaires et recherche',
    es: 'Instituciones académicas y de investigación',
    ru: 'Научные и академические круги',
    zh: '学术界和研究界',
  },
  media: {
    en: 'Media',
    ar: 'وسائل الإعلام',
    fr: 'Médias',
    es: 'Medios de comunicación',
    ru: 'Средства массовой информации',
    zh: '媒体',
  },
  youth_children: {
    en: "Youth and children's organisations",
    ar: 'منظمات الشباب والأطفال',
    fr: 'Organisations de jeunes et d’enfants',
    es: 'Organizaciones de jóvenes y de niños',
    ru: 'Молодежные и детские организации',
    zh: '青年和儿童组织',
  },
  un_system: {
    en: 'UN system and intergovernmental organisations',
    ar: 'منظومة الأمم المتحدة والمنظمات الحكومية الدولية',
    fr: 'Système des Nations Unies et organisations intergouvernementales',
    es: 'Sistema de las Naciones Unidas y organizaciones intergubernamentales',
    ru: 'Система Организации Объединенных Наций и межправительственные организации',
    zh: '联合国系统和政府间组织',
  },
  member_states: {
    en: 'Member States (governments)',
    ar: 'الدول الأعضاء (الحكومات)',
    fr: 'États Membres (gouvernements)',
    es: 'Estados Miembros (gobiernos)',
    ru: 'Государства-члены (правительства)',
    zh: '会员国（政府）',
  },
  other: {
    en: 'Other relevant stakeholders',
    ar: 'أصحاب مصلحة معنيون آخرون',
    fr: 'Autres parties prenantes concernées',
    es: 'Otras partes interesadas pertinentes',
    ru: 'Другие соответствующие заинтересованные стороны',
    zh: '其他相关利益攸关方',
  },
} satisfies Record<string, CompleteLabels>;

export type Constituency = keyof typeof CONSTITUENCIES;
export const CONSTITUENCY_KEYS = Object.keys(CONSTITUENCIES) as Constituency[];

export function constituencyLabel(key: string, locale: string): string {
  return labelIn(CONSTITUENCIES, key, locale);
}
