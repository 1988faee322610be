/**
 * Decides whether an uploaded file (already on disk, under a server-made name) may be attached:
 * size, allowed kind, extension and content agreeing, and the kind's own safety checks. Returns a
 * message key for the person who chose the file when it may not.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { ATTACHMENT_TYPES, type AttachmentRules, type AttachmentType } from './attachment-types';
import { extensionOf, sanitiseFileName } from './file-name';
import { inspectArchive } from './inspect-archive';
import { inspectPdf } from './inspect-pdf';
import type { PdfVerdict } from './judge-pdf';

export type InspectedFile =
  | { ok: true; type: AttachmentType; mime: string; name: string; sizeBytes: number; sha256: string }
  | { ok: false; problem: AttachmentProblem; name: string };

export type AttachmentProblem =
  | 'attachment.empty'
  | 'attachment.tooLarge'
  | 'attachment.typeNotAllowed'
  | 'attachment.mismatch'
  | 'attachment.unsafeArchive'
  | 'attachment.encryptedPdf'
  | 'attachment.activePdf'
  | 'attachment.pdfTooComplex'
  | 'attachment.unreadable';

export async function inspectFile(path: string, originalName: string, rules: AttachmentRules): Promise<InspectedFile> {
  const name = sanitiseFileName(originalName);
  const refuse = (problem: AttachmentProblem): InspectedFile => ({ ok: false, problem, name });
  const { size } = await stat(path);
  if (size === 0) return refuse('attachment.empty');
  if (size > rules.maxSizeMb * 1024 * 1024) return refuse('attachment.tooLarge');

  const claimed = rules.allowedTypes.find((t) => ATTACHMENT_TYPES[t].extensions.includes(extensionOf(name)));
  if (!claimed) return refuse('attachment.typeNotAllowed');
  const actual = await contentType(path);
  if (actual !== claimed) return refuse(actual === 'unknown' ? 'attachment.unreadable' : 'attachment.mismatch');

  if (claimed === 'docx' || claimed === 'odt') {
    const verdict = await inspectArchive(path);
    if (verdict !== 'ok') return refuse(verdict === 'unsafe' ? 'attachment.unsafeArchive' : 'attachment.unreadable');
  }
  if (claimed === 'pdf') {
    const verdict = await inspectPdf(path);
    // Only 'ok' lets a PDF in; any other answer refuses it.
    if (verdict !== 'ok') return refuse(PDF_REFUSALS[verdict] ?? 'attachment.unreadable');
  }
  return { ok: true, type: claimed, mime: ATTACHMENT_TYPES[claimed].mime, name, sizeBytes: size, sha256: await sha256Of(path) };
}

const PDF_REFUSALS: Record<Exclude<PdfVerdict, 'ok'>, AttachmentProblem> = {
  encrypted: 'attachment.encryptedPdf',
  script: 'attachment.activePdf',
  unreadable: 'attachment.unreadable',
  tooComplex: 'attachment.pdfTooComplex',
};

/** The kind the bytes say, whatever the name says. */
async function contentType(path: string): Promise<AttachmentType | 'other' | 'unknown'> {
  const sniffed = await fileTypeFromFile(path);
  if (sniffed?.ext === 'pdf' || sniffed?.ext === 'docx' || sniffed?.ext === 'odt') return sniffed.ext;
  if (sniffed) return 'other';
  return (await isPlainUtf8Text(path)) ? 'txt' : 'unknown';
}

/** Plain text: valid UTF-8 throughout, and no NUL or other control bytes but tab and line breaks. */
async function isPlainUtf8Text(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return false;
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
