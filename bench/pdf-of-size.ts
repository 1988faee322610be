/** A plain, valid PDF of at least `bytes` (pages of text), for attachment benchmarks. */
import { PDFDocument, StandardFonts } from 'pdf-lib';

export async function pdfOfSize(bytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const line = 'Safe, orderly and regular migration: a written input to the review forum. ';
  // About 3 KB a page; pages are added in batches between the (costly) saves.
  for (let pages = 0; ; ) {
    const batch = pages === 0 ? Math.ceil(bytes / 3300) : 5;
    for (let b = 0; b < batch; b++, pages++) {
      const page = doc.addPage();
      // The font set once per page, as a word processor writes it: given to each drawText instead,
      // pdf-lib adds a new, randomly named font entry per line, tens of thousands of distinct names
      // per file that no real PDF has (and that the PDF check must then intern and forget).
      page.setFont(font);
      for (let y = 800; y > 40; y -= 12) page.drawText(`${line}${pages}.${y}`, { x: 30, y, size: 9 });
    }
    const saved = await doc.save({ useObjectStreams: false });
    if (saved.length >= bytes) return saved;
  }
}
