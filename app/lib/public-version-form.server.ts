/**
 * Reads the redaction form: the public title, summary and body, whether to hide the contact name,
 * and which attached files to withhold. Problems come back per field with the text as typed.
 */
import type { PublicVersionInput } from '../modules/publication/public-version';
import { acceptableLine, hasControlCharacters } from '../modules/submissions/submission-input';
import { countCharacters } from '../modules/submissions/text-measure';
import { isUuid } from '../modules/ids/uuid';

type FieldError = 'error.required' | 'error.invalidCharacters' | 'error.tooLong';
export type PublicVersionProblems = Partial<Record<'title' | 'summary' | 'body', FieldError>>;

// Far above any forum's limits: a public version only ever removes or replaces a few words.
const MAX_CHARS = { title: 1_000, summary: 20_000, body: 400_000 } as const;

export function readPublicVersionForm(
  form: FormData,
): { ok: true; version: PublicVersionInput } | { ok: false; problems: PublicVersionProblems; values: Record<string, string> } {
  const text = (name: 'title' | 'summary' | 'body') => String(form.get(name) ?? '');
  const title = text('title').trim();
  const summary = text('summary');
  const body = text('body');
  const withhold = form.getAll('withhold').map(String).filter(isUuid);
  const nameHidden = form.get('nameHidden') !== null;
  const problems: PublicVersionProblems = {};
  const check = (field: 'title' | 'summary' | 'body', value: string, oneLine: boolean) => {
    if (value.trim().length === 0) problems[field] = 'error.required';
    else if (oneLine ? !acceptableLine(value) : hasControlCharacters(value)) problems[field] = 'error.invalidCharacters';
    else if (countCharacters(value) > MAX_CHARS[field]) problems[field] = 'error.tooLong';
  };
  check('title', title, true);
  check('summary', summary, false);
  check('body', body, false);
  if (Object.keys(problems).length > 0) {
    return { ok: false, problems, values: { title, summary, body, nameHidden: nameHidden ? 'yes' : '', withhold: withhold.join(' ') } };
  }
  return { ok: true, version: { title, summary, body, nameHidden, withheldAttachmentIds: withhold } };
}
