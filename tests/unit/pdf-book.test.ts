/**
 * The book of inputs, read back as a reader's tools read it: the contents give each input the page
 * its text starts on, every chapter starts a page, the bookmarks name chapters and inputs, pages
 * are numbered, and Arabic comes back in reading order.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderBookPdf, type BookInput, type BookView } from '../../templates/pdf/book';
import { arabicFixture } from '../helpers/fixtures';

const OUT = 'test-results/pdf';
mkdirSync(OUT, { recursive: true });
const squeeze = (s: string) => s.replace(/[\s\u200E\u200F\u202A-\u202E]+/g, '');
const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });

const input = (n: number, overrides: Partial<BookInput> = {}): BookInput => ({
  reference: `IMRF26-${String(n).padStart(4, '0')}`,
  title: `Input number ${n} on fair recruitment`,
  author: 'Migrant Rights Network',
  facts: 'Civil society organisations · Lebanon · 6. Fair recruitment and decent work',
  summary: 'Recommendations on objective 6.',
  body: 'Recruitment fees must never be charged to migrant workers. '.repeat(n % 3 === 0 ? 120 : 10),
  ...overrides,
});

const view: BookView = {
  locale: 'en',
  forumName: 'International Migration Review Forum 2026',
  grouping: 'constituency',
  asOf: '23 November 2026',
  inputCount: 7,
  chapters: [
    { heading: 'Civil society organisations', inputs: [input(1), input(2), input(3, { title: 'حقوق العمال المهاجرين في منطقة الخليج', body: arabicFixture('ar-arab-region-imrf-briefing') })] },
    { heading: 'Migrants', inputs: [input(4), input(5), input(6)] },
    { heading: 'Trade unions', inputs: [input(7, { title: '移民工人的权利与体面劳动', body: '各国应当保障移民工人获得社会保障和司法救助。'.repeat(30) })] },
  ],
};

function outlineTitles(doc: PDFDocument): string[][] {
  const lookup = (ref: unknown) => doc.context.lookup(ref as PDFRef) as PDFDict;
  const titles: string[][] = [];
  let entry = lookup(lookup(doc.catalog.get(PDFName.of('Outlines'))).get(PDFName.of('First')));
  while (entry) {
    const children: string[] = [(entry.get(PDFName.of('Title')) as PDFHexString).decodeText()];
    let child = entry.get(PDFName.of('First')) ? lookup(entry.get(PDFName.of('First'))) : undefined;
    while (child) {
      children.push((child.get(PDFName.of('Title')) as PDFHexString).decodeText());
      child = child.get(PDFName.of('Next')) ? lookup(child.get(PDFName.of('Next'))) : undefined;
    }
    titles.push(children);
    entry = entry.get(PDFName.of('Next')) ? lookup(entry.get(PDFName.of('Next'))) : (undefined as unknown as PDFDict);
  }
  return titles;
}

async function bytesOf(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('book of inputs', () => {
  it('gives each input, in the contents, the page its text starts on, with bookmarks and page numbers', async () => {
    const progress: number[] = [];
    const bytes = await bytesOf(renderBookPdf(view, async (done) => void progress.push(done)));
    const file = `${OUT}/book-en.pdf`;
    writeFileSync(file, bytes);
    const doc = await PDFDocument.load(bytes);
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThan(8);
    expect(progress.at(-1)).toBe(7);

    const contents = pageText(file, 2);
    expect(contents).toContain('Contents');
    for (const chapter of view.chapters) {
      for (const i of chapter.inputs) {
        const line = contents.split('\n').find((l) => l.includes(i.reference));
        expect(line, i.reference).toBeDefined();
        const page = Number(/(\d+)\s*$/.exec(line!)![1]);
        // The page named in the contents shows the input's reference line; the page before does not.
        expect(squeeze(pageText(file, page)), `${i.reference} on page ${page}`).toContain(squeeze(`Reference: ${i.reference}`));
        expect(squeeze(pageText(file, page - 1))).not.toContain(squeeze(`Reference: ${i.reference}`));
      }
    }
    // Chapters open a page: the chapter heading is the first line of the page the contents name.
    const chapterLine = contents.split('\n').find((l) => l.trim().startsWith('Migrants'))!;
    expect(pageText(file, Number(/(\d+)\s*$/.exec(chapterLine)![1])).trim().startsWith('Migrants')).toBe(true);
    expect(squeeze(pageText(file, pages))).toContain(squeeze(`Page ${pages} of ${pages}`));

    expect(outlineTitles(doc)).toEqual(view.chapters.map((c) => [c.heading, ...c.inputs.map((i) => `${i.reference} · ${i.title}`)]));
  });

  it('sets an Arabic frame right to left with the Arabic text in reading order', async () => {
    const arabic: BookView = { ...view, locale: 'ar', forumName: 'منتدى استعراض الهجرة الدولية 2026', chapters: [{ heading: 'منظمات المجتمع المدني', inputs: [view.chapters[0].inputs[2]] }], inputCount: 1 };
    const file = `${OUT}/book-ar.pdf`;
    writeFileSync(file, await bytesOf(renderBookPdf(arabic)));
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '3', file, `${OUT}/book-ar`]);
    const all = squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    // (Words without vowel marks: poppler moves a shadda off its letter when extracting.)
    expect(all).toContain(squeeze('المساهمات المكتوبة'));
    expect(all).toContain(squeeze('إلى منتدى استعراض'));
    expect(all).toContain(squeeze('المحتويات'));
    expect(all).toContain(squeeze('حقوق العمال المهاجرين في منطقة الخليج'));
  });
});
