/**
 * The kinds of file an input may carry. A forum allows some of them; a file is accepted only when
 * its name's extension and its content (magic bytes, archive directory) agree on one of those.
 */
export const ATTACHMENT_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  odt: { mime: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  txt: { mime: 'text/plain; charset=utf-8', extensions: ['txt'] },
} as const;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_TYPE_KEYS = Object.keys(ATTACHMENT_TYPES) as AttachmentType[];

export interface AttachmentRules {
  types: AttachmentType[];
  maxSizeBytes: number;
  maxCount: number;
}

/** What a forum gets unless its admin says otherwise: the common document kinds, 10 MB, three files. */
export const DEFAULT_ATTACHMENT_RULES: AttachmentRules = { types: ['pdf', 'docx', 'odt', 'txt'], maxSizeBytes: 10 * 1024 * 1024, maxCount: 3 };

/** Limits on what an office archive (DOCX, ODT) may unpack to, checked before anything is inflated. */
export const ARCHIVE_LIMITS = { maxEntries: 2_000, maxInflatedBytes: 100 * 1024 * 1024, maxRatio: 100 };
