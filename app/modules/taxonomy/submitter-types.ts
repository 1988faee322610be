import { labelIn, type Labels } from './locales';

/** Who speaks in the input; kept apart from the constituency (which group they speak for). */
export const SUBMITTER_TYPES = {
  individual: { en: 'An individual', ar: 'فرد' },
  organisation: { en: 'An organisation', ar: 'منظمة' },
  network: { en: 'A network or coalition', ar: 'شبكة أو تحالف' },
} satisfies Record<string, Labels>;

export type SubmitterType = keyof typeof SUBMITTER_TYPES;
export const SUBMITTER_TYPE_KEYS = Object.keys(SUBMITTER_TYPES) as SubmitterType[];

/** Organisations and networks must name themselves; individuals may name one they belong to. */
export function requiresOrganisation(type: string): boolean {
  return type === 'organisation' || type === 'network';
}

export function submitterTypeLabel(key: string, locale: string): string {
  return labelIn(SUBMITTER_TYPES, key, locale);
}
