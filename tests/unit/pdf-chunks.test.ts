/**
 * The book is written out in chunks rather than by pdf-lib's save(): the chunks must make exactly
 * the file save() makes (offsets in the cross-reference table depend on every byte before them).
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfChunks } from '../../templates/pdf/pdf-chunks';

async function documentOfPages(pages: number): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.setTitle('Chunks', { showInWindowTitleBar: true });
  for (let n = 0; n < pages; n++) {
    const page = doc.addPage([595.28, 841.89]);
    // Incompressible-looking content, so the file passes several chunk boundaries.
    const ops = Array.from({ length: 400 }, (_, k) => `${(n * 7919 + k * 104729) % 595} ${(k * 31) % 841} m ${(k * 17) % 595} ${(n + k) % 841} l S`).join('\n');
    page.node.addContentStream(doc.context.register(doc.context.stream(ops)));
  }
  return doc;
}

describe('PDF written in chunks', () => {
  it('is byte for byte the file pdf-lib saves, split into chunks of about a megabyte', async () => {
    const doc = await documentOfPages(300);
    const chunks: Uint8Array[] = [];
    for await (const chunk of pdfChunks(doc)) chunks.push(chunk);
    const expected = await doc.save({ useObjectStreams: false });

    expect(chunks.length).toBeGreaterThan(2);
    expect(Buffer.concat(chunks).equals(Buffer.from(expected))).toBe(true);
    expect((await PDFDocument.load(Buffer.concat(chunks))).getPageCount()).toBe(300);
  });
});
