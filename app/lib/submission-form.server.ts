/**
 * Reads the submission form into plain values. Single-value fields that arrive twice are refused
 * (a duplicated parameter is a tampered form, not a choice), and only known fields are read, so
 * posting `decision=accepted` or similar does nothing.
 */
import { looksLikeStatusToken } from '../modules/submissions/status-token';

const SINGLE_FIELDS = [
  'submitterType', 'contactName', 'organisation', 'email', 'constituency', 'country', 'title', 'summary', 'body', 'language',
  'publishName', 'publishOrganisation', 'publishAttachments', 'consentPublication',
] as const;
const LIST_FIELDS = ['objectives', 'principles'] as const;
/** The form's own hidden fields and buttons: one value each too, or the parts of the server that read them could disagree. */
const CONTROL_FIELDS = ['idempotencyKey', 'formStamp', 'draftToken', 'late', 'website', 'intent'] as const;

export type RawSubmissionForm = Partial<Record<(typeof SINGLE_FIELDS)[number], string>> &
  Record<(typeof LIST_FIELDS)[number], string[]>;

export const EMPTY_FORM: RawSubmissionForm = { objectives: [], principles: [] };

export function readSubmissionForm(form: FormData): { values: RawSubmissionForm; duplicated: string[] } {
  const values: RawSubmissionForm = { ...EMPTY_FORM };
  const duplicated: string[] = [];
  for (const field of SINGLE_FIELDS) {
    const all = form.getAll(field).filter((v): v is string => typeof v === 'string');
    if (all.length > 1) duplicated.push(field);
    if (all.length > 0) values[field] = all[0];
  }
  for (const field of LIST_FIELDS) values[field] = form.getAll(field).filter((v): v is string => typeof v === 'string');
  for (const field of CONTROL_FIELDS) if (form.getAll(field).length > 1) duplicated.push(field);
  return { values, duplicated };
}

/** The draft this form continues, if any (a 43-character link token). */
export function readDraftToken(form: FormData): string | undefined {
  const token = form.get('draftToken');
  return typeof token === 'string' && looksLikeStatusToken(token) ? token : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export function readIdempotencyKey(form: FormData): string | undefined {
  return idempotencyKeyFrom(form.get('idempotencyKey'));
}

/** An idempotency key as stored: a UUID, lower-cased; anything else is no key (form field or API header). */
export function idempotencyKeyFrom(value: unknown): string | undefined {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined;
}
