/**
 * Reads the forum settings form into plain values: only known fields, and a single-value field
 * sent twice is a tampered form (refused), as with the submission form.
 */
import { LIST_SETTING_FIELDS, SINGLE_SETTING_FIELDS, type RawForumSettings } from '../modules/forums/forum-settings';

export function readForumSettingsForm(form: FormData): { values: RawForumSettings; duplicated: boolean } {
  const values: RawForumSettings = {};
  let duplicated = false;
  for (const field of SINGLE_SETTING_FIELDS) {
    const all = form.getAll(field).filter((v): v is string => typeof v === 'string');
    if (all.length > 1) duplicated = true;
    if (all.length > 0) values[field] = all[0];
  }
  for (const field of LIST_SETTING_FIELDS) values[field] = form.getAll(field).filter((v): v is string => typeof v === 'string');
  return { values, duplicated };
}

/** The version an edit was made on, or undefined when the form does not carry a sane one. */
export function readVersion(form: FormData): number | undefined {
  const version = Number(form.get('version'));
  return Number.isInteger(version) && version > 0 ? version : undefined;
}
