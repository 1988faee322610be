import { labelIn, type CompleteLabels } from './locales';

/** Who speaks in the input; kept apart from the constituency (which group they speak for). */
export const SUBMITTER_TYPES = {
  individual: {
    en: 'An individual',
    ar: 'فرد',
    fr: 'Un particulier',
    es: 'Una persona a título individual',
    ru: 'Частное лицо',
    zh: '个人',
  },
  organisation: {
    en: 'An organisation',
    ar: 'منظمة',
    fr: 'Une organisation',
    es: 'Una organización',
    ru: 'Организация',
    zh: '组织',
  },
  network: {
    en: 'A network or coalition',
    ar: 'شبكة أو تحالف',
    fr: 'Un réseau ou une coalition',
    es: 'Una red o coalición',
    ru: 'Сеть или коалиция',
    zh: '网络或联盟',
  },
} satisfies Record<string, CompleteLabels>;

export type SubmitterType = keyof typeof SUBMITTER_TYPES;
export const SUBMITTER_TYPE_KEYS = Object.keys(SUBMITTER_TYPES) as SubmitterType[];

/** Organisations and networks must name themselves; individuals may name one they belong to. */
export function requiresOrganisation(type: string): boolean {
  return type === 'organisation' || type === 'network';
}

export function submitterTypeLabel(key: string, locale: string): string {
  return labelIn(SUBMITTER_TYPES, key, locale);
}
