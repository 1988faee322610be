/**
 * The kinds of file an input may carry. A forum allows some of them (its AttachmentRules, set by
 * an admin); a file is accepted only when its name's extension and its content (magic bytes,
 * archive directory) agree on one of those.
 */
import type { AttachmentType } from '../../../db/schema/forums';

export type { AttachmentRules, AttachmentType } from '../../../db/schema/forums';

export const ATTACHMENT_TYPES: Record<AttachmentType, { mime: string; extensions: readonly string[] }> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  txt: { mime: 'text/plain; charset=utf-8', extensions: ['txt'] },
};

/** Limits on what an office archive (DOCX, ODT) may unpack to, checked before anything is inflated. */
export const ARCHIVE_LIMITS = { maxEntries: 2_000, maxInflatedBytes: 100 * 1024 * 1024, maxRatio: 100 };
