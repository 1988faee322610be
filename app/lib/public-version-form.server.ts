/**
 * Reads the redaction form: the public title, summary and body (checked as a submission's are),
 * whether to hide the contact name, which attached files to withhold, which of those optional
 * controls the form showed, and the version of the public version it was made on. Problems come
 * back per field with the text as typed.
 */
import { z } from 'zod';
import type { PublicVersionInput, ShownControls } from '../modules/publication/public-version';
import { prose, singleLine } from '../modules/submissions/submission-input';
import { countCharacters } from '../modules/submissions/text-measure';
import { isUuid } from '../modules/ids/uuid';

type TextField = 'title' | 'summary' | 'body';
export type PublicVersionProblems = Partial<Record<TextField, 'error.required' | 'error.invalidCharacters' | 'error.tooLong'>>;

// A public version only removes or replaces a few words: generous caps, above any forum's limits.
const texts = z.object({
  title: singleLine(1_000),
  summary: prose.refine((s) => countCharacters(s) <= 20_000, { error: 'error.tooLong' }),
  body: prose.refine((s) => countCharacters(s) <= 400_000, { error: 'error.tooLong' }),
});

export type PublicVersionForm =
  | { ok: true; version: PublicVersionInput; shown: ShownControls; basis: string }
  | { ok: false; problems: PublicVersionProblems; values: Record<string, string> };

export function readPublicVersionForm(form: FormData): PublicVersionForm {
  const raw = { title: String(form.get('title') ?? ''), summary: String(form.get('summary') ?? ''), body: String(form.get('body') ?? '') };
  const withhold = form.getAll('withhold').map(String).filter(isUuid);
  const nameHidden = form.get('nameHidden') !== null;
  const shown = { nameHidden: form.getAll('shown').includes('nameHidden'), files: form.getAll('shown').includes('files') };
  const parsed = texts.safeParse(raw);
  if (!parsed.success) {
    const problems: PublicVersionProblems = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as TextField;
      problems[field] ??= issue.message as NonNullable<PublicVersionProblems[TextField]>;
    }
    return { ok: false, problems, values: { ...raw, nameHidden: nameHidden ? 'yes' : '', withhold: withhold.join(' ') } };
  }
  return { ok: true, version: { ...parsed.data, nameHidden, withheldAttachmentIds: withhold }, shown, basis: String(form.get('basis') ?? '') };
}
