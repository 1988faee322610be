/**
 * The book of inputs, read back as a reader's tools read it: the contents give each input the page
 * its text starts on, every chapter starts a page, the bookmarks name chapters and inputs, pages
 * are numbered, and Arabic comes back in reading order.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { chaptersOf } from '../../app/modules/publication/book';
import { pickLabel } from '../../app/modules/taxonomy/locales';
import { objectiveLabel } from '../../app/modules/taxonomy/objectives';
import { renderBookPdf, type BookInput, type BookView } from '../../templates/pdf/book';
import { BOOK_TEXTS, bookText, type BookTextKey } from '../../templates/pdf/book-i18n';
import { arabicFixture } from '../helpers/fixtures';
import { FORUM_NAME, publicInputIn, SIX_INPUTS } from '../helpers/six-inputs';

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

/** Bookmarks as [title, page number] per chapter, the chapter first, then its inputs. */
function outlineEntries(doc: PDFDocument): Array<Array<{ title: string; page: number }>> {
  const lookup = (ref: unknown) => doc.context.lookup(ref as PDFRef) as PDFDict;
  const pageRefs = doc.getPages().map((p) => p.ref.toString());
  const entry = (dict: PDFDict) => ({
    title: (dict.get(PDFName.of('Title')) as PDFHexString).decodeText(),
    page: pageRefs.indexOf((dict.get(PDFName.of('Dest')) as PDFArray).get(0).toString()) + 1,
  });
  const siblings = (first: unknown) => {
    const out: PDFDict[] = [];
    for (let d: PDFDict | undefined = first ? lookup(first) : undefined; d; d = d.get(PDFName.of('Next')) ? lookup(d.get(PDFName.of('Next'))) : undefined) out.push(d);
    return out;
  };
  return siblings(lookup(doc.catalog.get(PDFName.of('Outlines'))).get(PDFName.of('First'))).map((chapter) => [entry(chapter), ...siblings(chapter.get(PDFName.of('First'))).map(entry)]);
}

/** Words of one page with their boxes (poppler's -bbox). */
function pageWords(file: string, page: number) {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</g)].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), word: m[4] }));
}
const lettersAndDigits = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');

describe('book of inputs in the six UN languages', () => {
  // Inputs in all six languages (a long Arabic one runs over pages) in every frame language; half the
  // books by objective (an input then stands in each of its objectives' chapters), half by group.
  const long = publicInputIn('ar', { ...SIX_INPUTS[0][1], title: 'خطط التنفيذ الوطنية للميثاق العالمي للهجرة', body: Array.from({ length: 3 }, () => arabicFixture('ar-gcm-national-implementation-plans').trim()).join('\n') });
  const inputs = [...SIX_INPUTS.map(([language, texts]) => publicInputIn(language, texts)), { ...long, reference: 'IMRF26-0200', objectives: ['23'] }];
  const LOCALES: Array<[string, 'objective' | 'constituency']> = [['ar', 'objective'], ['zh', 'constituency'], ['en', 'objective'], ['fr', 'constituency'], ['ru', 'objective'], ['es', 'constituency']];

  it.each(LOCALES)('sets a book framed in %s (by %s): contents, bookmarks and page numbers agree', async (locale, grouping) => {
    expect(Object.keys(BOOK_TEXTS)).toContain(locale);
    const t = (key: BookTextKey, values?: Record<string, string>) => bookText(locale, key, values);
    const view: BookView = {
      locale,
      forumName: pickLabel(FORUM_NAME, locale),
      grouping,
      asOf: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date('2026-11-23T12:00:00Z')),
      inputCount: inputs.length,
      chapters: chaptersOf(inputs, grouping, locale),
    };
    const file = `${OUT}/book-six-${locale}.pdf`;
    writeFileSync(file, await bytesOf(renderBookPdf(view)));
    const doc = await PDFDocument.load(readFileSync(file));
    const pages = doc.getPageCount();
    expect((doc.catalog.lookup(PDFName.of('Lang'), PDFString) as PDFString).decodeText()).toBe(locale);

    // Every font embedded as a subset; Arabic, Chinese and the Latin/Cyrillic font all needed.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\b/);
    expect(fonts.map((l) => l.split(/\s+/)[0].slice(7)).sort()).toEqual(['NotoSans-Regular', 'NotoSansArabic-Regular', 'NotoSansSC-Regular']);

    // Bookmarks: one per chapter, each holding its inputs.
    const outline = outlineEntries(doc);
    expect(outline.map((c) => [c[0].title, ...c.slice(1).map((e) => e.title)])).toEqual(view.chapters.map((c) => [c.heading, ...c.inputs.map((i) => `${i.reference} · ${i.title}`)]));
    if (grouping === 'objective') expect(outline.flat().length - outline.length).toBeGreaterThan(inputs.length);

    // The contents: every line's page number (at the end of the line, the left end in Arabic)
    // is the page its bookmark opens, in the same order.
    const rtl = locale === 'ar';
    const tocLines: Array<{ reference?: string; page: number }> = [];
    for (let p = 2; p < outline[0][0].page; p++) {
      const words = pageWords(file, p);
      for (const number of words.filter((w) => /^\d+$/.test(w.word) && (rtl ? w.xMin < 50 + 1 : w.xMax > 595.28 - 50 - 1))) {
        // (A reference stands alone, indented at the start of its line: in an Arabic frame at the right
        // edge even before a Latin title, and never glued to a cut title's ellipsis.)
        const reference = words.find((w) => /^IMRF26-\d{4}$/.test(w.word) && Math.abs(w.yMin - number.yMin) < 1);
        if (reference) expect(rtl ? reference.xMax : reference.xMin, reference.word).toBeCloseTo(rtl ? 595.28 - 50 - 12 : 50 + 12, 0);
        tocLines.push({ reference: reference?.word, page: Number(number.word) });
      }
    }
    expect(tocLines).toEqual(outline.flatMap((c) => [{ reference: undefined, page: c[0].page }, ...c.slice(1).map((e) => ({ reference: e.title.split(' · ')[0], page: e.page }))]));
    expect(squeeze(pageText(file, 2))).toContain(squeeze(t('contents')));
    // The isolates that order a contents line are not drawn, so copied text has none.
    expect(pageText(file, 2)).not.toMatch(/[\u2066-\u2069]/);

    // The page the contents name shows the input's reference line (label and reference: poppler
    // gives a short mixed-direction line in either order); the page before does not (checked for
    // inputs that stand in one chapter only: another chapter may end with the same input).
    for (const { reference, page } of tocLines.filter((l) => l.reference)) {
      const label = lettersAndDigits(t('reference'));
      const lines = [label + lettersAndDigits(reference!), lettersAndDigits(reference!) + label];
      const onPage = (n: number) => lines.some((line) => lettersAndDigits(pageText(file, n)).includes(line));
      expect(onPage(page), `${reference} on page ${page}`).toBe(true);
      if (tocLines.filter((l) => l.reference === reference).length === 1) expect(onPage(page - 1), `${reference} not before page ${page}`).toBe(false);
    }
    // The cover in the frame's language, and every page numbered.
    const cover = lettersAndDigits(pageText(file, 1));
    expect(cover).toContain(lettersAndDigits(t('title', { forum: view.forumName })));
    expect(cover).toContain(lettersAndDigits(t('published', { count: String(inputs.length), date: view.asOf, grouping: t(grouping === 'objective' ? 'groupingObjective' : 'groupingConstituency') })));
    expect(lettersAndDigits(pageText(file, pages))).toContain(lettersAndDigits(t('page', { n: String(pages), total: String(pages) })));

    execFileSync('pdftoppm', ['-r', '60', '-png', file, `${OUT}/book-six-${locale}`]);
  });

  it('lists an input\'s objectives as the frame\'s language writes a list', () => {
    const facts = (locale: string) => chaptersOf(inputs, 'constituency', locale).flatMap((c) => c.inputs).find((i) => i.reference === 'IMRF26-0107')!.facts;
    expect(facts('ar')).toContain(`${objectiveLabel('6', 'ar')} و${objectiveLabel('23', 'ar')}`);
    expect(facts('zh')).toContain(`${objectiveLabel('6', 'zh')}和${objectiveLabel('23', 'zh')}`);
    expect(facts('fr')).toContain(`${objectiveLabel('6', 'fr')} et ${objectiveLabel('23', 'fr')}`);
    expect(facts('en')).toContain(`${objectiveLabel('6', 'en')} and ${objectiveLabel('23', 'en')}`);
  });
});
