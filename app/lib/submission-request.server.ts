/**
 * Reads the body of a submission form: url-encoded when the call takes no attachments (or the
 * browser sent none), multipart when it does. Files stream to temporary files within the call's
 * limits; the caller discards them when the request ends (see discardReceivedFiles).
 */
import type { Forum } from '../../db/schema';
import { receiveUpload, type ReceivedFile } from '../modules/attachments/receive-upload';
import { readFormWithin } from './read-form.server';

/** Text fields of the form together (the longest texts are bounded far below this by the forum). */
export const MAX_FORM_BYTES = 512 * 1024;
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
const MiB = 1024 * 1024;

export type SubmissionRequest =
  | { ok: true; form: FormData; files: ReceivedFile[]; filesDropped: boolean; filesTooLarge: boolean }
  | { ok: false; problem: 'too_large' | 'unsupported' | 'malformed' };

export async function readSubmissionRequest(request: Request, forum: Pick<Forum, 'attachmentRules'>, uploadDir: string): Promise<SubmissionRequest> {
  const type = (request.headers.get('Content-Type') ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data')) {
    const read = await readFormWithin(request, MAX_FORM_BYTES);
    return read.ok ? { ok: true, form: read.form, files: [], filesDropped: false, filesTooLarge: false } : read;
  }
  const rules = forum.attachmentRules;
  const maxFileBytes = rules.maxSizeMb * MiB;
  const upload = await receiveUpload(request, uploadDir, {
    maxFiles: rules.maxCount,
    maxFileBytes,
    // Room for every file at its largest, and a little for one cut off at its limit.
    maxRequestBytes: MAX_FORM_BYTES + rules.maxCount * maxFileBytes + MULTIPART_OVERHEAD_BYTES,
    maxFieldBytes: MAX_FORM_BYTES,
    maxFields: 200,
  });
  if (upload.ok) return { ok: true, form: toFormData(upload.fields), files: upload.files, filesDropped: upload.filesDropped, filesTooLarge: false };
  // Files together over the limit: the fields read before them (all the text, since the file
  // input comes last on the form) are kept so nothing typed is lost.
  if (upload.problem === 'upload.requestTooLarge') return { ok: true, form: toFormData(upload.fields), files: [], filesDropped: false, filesTooLarge: true };
  return { ok: false, problem: upload.problem === 'upload.fieldTooLarge' ? 'too_large' : 'malformed' };
}

function toFormData(fields: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}
