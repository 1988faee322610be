/**
 * The attachments of one POST of the submission form: files already held from earlier round trips
 * (hidden `attachment` tokens), minus those the submitter chose to remove, plus the files uploaded
 * now, checked and held. What is refused is reported per file, so the form can say which file and
 * why, while everything else the submitter gave is kept.
 */
import type { Db } from '../../../db/client';
import type { Forum } from '../../../db/schema';
import type { FileStore } from './file-store';
import { findHeldAttachments, holdUploadedFiles, readHoldTokens, releaseHeldAttachments, type HeldAttachment, type RefusedFile } from './held-attachments';
import type { ReceivedFile } from './receive-upload';

export interface FormAttachments {
  attachments: HeldAttachment[];
  refused: RefusedFile[];
}

export async function gatherFormAttachments(
  db: Db,
  store: FileStore,
  forum: Pick<Forum, 'id' | 'attachmentRules'>,
  form: FormData,
  upload: { files: ReceivedFile[]; filesDropped: boolean; filesTooLarge: boolean },
): Promise<FormAttachments> {
  const removed = readHoldTokens(form.getAll('removeAttachment'));
  const kept = readHoldTokens(form.getAll('attachment')).filter((t) => !removed.includes(t));
  await releaseHeldAttachments(db, store, forum.id, removed);
  const stillHeld = await findHeldAttachments(db, forum.id, kept);
  const { held, refused } = await holdUploadedFiles(db, store, forum, upload.files, stillHeld.length);
  // A file kept from an earlier round trip but no longer held (its hold ran out) is named as lost.
  if (stillHeld.length < kept.length) refused.unshift({ fileName: '', problem: 'attachment.expired' });
  if (upload.filesDropped) refused.push({ fileName: '', problem: 'attachment.tooMany' });
  if (upload.filesTooLarge) refused.push({ fileName: '', problem: 'attachment.tooLarge' });
  return { attachments: [...stillHeld, ...held], refused };
}
