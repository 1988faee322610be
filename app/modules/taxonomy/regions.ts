import { labelIn, type CompleteLabels } from './locales';

/**
 * The five UN Regional Commissions, which run the regional reviews of the Global Compact. A
 * forum's scope is one of them or 'global'; a submission's region is derived from its country.
 */
export const REGIONS = {
  ECA: {
    en: 'Africa (ECA)',
    ar: 'أفريقيا (اللجنة الاقتصادية لأفريقيا)',
    fr: 'Afrique (CEA)',
    es: 'África (CEPA)',
    ru: 'Африка (ЭКА)',
    zh: '非洲（非洲经委会）',
  },
  ECE: {
    en: 'Europe, North America and Central Asia (ECE)',
    ar: 'أوروبا وأمريكا الشمالية وآسيا الوسطى (اللجنة الاقتصادية لأوروبا)',
    fr: 'Europe, Amérique du Nord et Asie centrale (CEE)',
    es: 'Europa, América del Norte y Asia Central (CEPE)',
    ru: 'Европа, Северная Америка и Центральная Азия (ЕЭК)',
    zh: '欧洲、北美和中亚（欧洲经委会）',
  },
  ECLAC: {
    en: 'Latin America and the Caribbean (ECLAC)',
    ar: 'أمريكا اللاتينية ومنطقة البحر الكاريبي (اللجنة الاقتصادية لأمريكا اللاتينية)',
    fr: 'Amérique latine et Caraïbes (CEPALC)',
    es: 'América Latina y el Caribe (CEPAL)',
    ru: 'Латинская Америка и Карибский бассейн (ЭКЛАК)',
    zh: '拉丁美洲和加勒比（拉加经委会）',
  },
  ESCAP: {
    en: 'Asia and the Pacific (ESCAP)',
    ar: 'آسيا والمحيط الهادئ (اللجنة الاقتصادية والاجتماعية لآسيا والمحيط الهادئ)',
    fr: 'Asie et Pacifique (CESAP)',
    es: 'Asia y el Pacífico (CESPAP)',
    ru: 'Азия и Тихий океан (ЭСКАТО)',
    zh: '亚洲及太平洋（亚太经社会）',
  },
  ESCWA: {
    en: 'Arab region (ESCWA)',
    ar: 'المنطقة العربية (اللجنة الاقتصادية والاجتماعية لغربي آسيا)',
    fr: 'Région arabe (CESAO)',
    es: 'Región árabe (CESPAO)',
    ru: 'Арабский регион (ЭСКЗА)',
    zh: '阿拉伯区域（西亚经社会）',
  },
} satisfies Record<string, CompleteLabels>;

export type Region = keyof typeof REGIONS;
export const REGION_KEYS = Object.keys(REGIONS) as Region[];

/**
 * One commission per country. Several countries belong to two (the Arab States of Africa to ECA
 * and ESCWA; the Central Asian and Caucasus States, the Russian Federation and Türkiye to ECE and
 * ESCAP; the United States to ECE, ECLAC and ESCAP): the one whose regional review covers the
 * country's migration most directly is chosen, as the regional reviews themselves group them.
 */
export const REGION_MEMBERS: Record<Region, string> = {
  ESCWA: 'DZ BH DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE',
  ECA:
    'AO BJ BW BF BI CV CM CF TD KM CG CI CD GQ ER SZ ET GA GM GH GN GW KE LS LR MG MW ML MU MZ NA NE NG RW ST SN ' +
    'SC SL ZA SS TZ TG UG ZM ZW EH',
  ECLAC: 'AG AR BS BB BZ BO BR CL CO CR CU DM DO EC SV GD GT GY HT HN JM MX NI PA PY PE KN LC VC SR TT UY VE PR',
  ESCAP:
    'AF AU BD BT BN KH CN FJ IN ID IR JP KI KP KR LA MY MV MH FM MN MM NR NP NZ PK PW PG PH WS SG SB LK TH TL TO TV ' +
    'VU VN HK MO TW',
  ECE:
    'AL AD AM AT AZ BY BE BA BG CA HR CY CZ DK EE FI FR GE DE GR HU IS IE IL IT KZ KG LV LI LT LU MT MD MC ME NL MK ' +
    'NO PL PT RO RU SM RS SK SI ES SE CH TJ TR TM UA GB US UZ VA XK',
};

const REGION_OF_COUNTRY = new Map<string, Region>(
  REGION_KEYS.flatMap((region) => REGION_MEMBERS[region].split(' ').map((code) => [code, region] as const)),
);

export function regionOfCountry(code: string): Region | undefined {
  return REGION_OF_COUNTRY.get(code);
}

export function regionLabel(key: string, locale: string): string {
  return labelIn(REGIONS, key, locale);
}
