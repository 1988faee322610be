/**
 * A PDF must open without a password and carry no scripts or launch actions: the secretariat and
 * the public will open it. Anything pdf-lib cannot parse is refused as unreadable (truncated,
 * corrupt), since a reader could not be sure what it shows either.
 */
import { readFile } from 'node:fs/promises';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';

export type PdfVerdict = 'ok' | 'encrypted' | 'script' | 'unreadable';

const ACTIVE_KEYS = ['JS', 'JavaScript', 'Launch', 'RichMedia'].map((k) => PDFName.of(k));

export async function inspectPdf(path: string): Promise<PdfVerdict> {
  let doc: PDFDocument;
  try {
    // Loaded past encryption only to be able to say that it is encrypted.
    doc = await PDFDocument.load(await readFile(path), { updateMetadata: false, throwOnInvalidObject: true, ignoreEncryption: true });
  } catch {
    return 'unreadable';
  }
  if (doc.isEncrypted) return 'encrypted';
  if (doc.getPageCount() === 0) return 'unreadable';
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && ACTIVE_KEYS.some((key) => object.has(key) || object.get(PDFName.of('S')) === key)) return 'script';
  }
  return 'ok';
}
