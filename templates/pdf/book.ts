/**
 * The book of inputs of a forum: a cover, a table of contents with page numbers, then every
 * published input (its public version), chapter by chapter (a stakeholder group or an objective),
 * each chapter starting on a new page, with PDF bookmarks for chapters and inputs and numbered
 * pages. The frame is in `locale`; each input keeps its own language and direction. Pure except
 * for reading the bundled fonts; `onProgress` hears how many inputs are set so far. The bytes come
 * in chunks (pdf-chunks.ts), for the caller to stream to a file rather than hold twice.
 */
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { bookText, type BookTextKey } from './book-i18n';
import { addOutline, type OutlineEntry } from './outline';
import { A4, PageFlow } from './page-flow';
import { pdfChunks } from './pdf-chunks';
import { createTypesetter, type Typesetter } from './text-layout';

export interface BookInput {
  reference: string;
  title: string;
  /** Who it is by, as far as the submitter consented, in words. */
  author: string;
  /** Stakeholder group, country, objectives: one line of facts. */
  facts: string;
  summary: string;
  body: string;
}

export interface BookView {
  locale: string;
  forumName: string;
  grouping: 'constituency' | 'objective';
  /** The date the book shows as "published by". */
  asOf: string;
  /** How many distinct inputs (an input may stand in several chapters). */
  inputCount: number;
  chapters: Array<{ heading: string; inputs: BookInput[] }>;
}

/** A line of the contents: a chapter's heading, or an input's reference and title. */
interface TocEntry {
  title: string;
  reference?: string;
  pageIndex: number;
}

const GREY: [number, number, number] = [0.35, 0.38, 0.42];
const BRAND: [number, number, number] = [0, 0.33, 0.55];
const MARGIN = 50;
const TOC_SIZE = 9.5;
const TOC_LINE = TOC_SIZE * 1.75;
/** Contents lines per page: the page's height between the margins and the footer. */
const TOC_LINES_PER_PAGE = Math.floor((A4[1] - 2 * MARGIN - 30 - 40) / TOC_LINE);

export async function* renderBookPdf(view: BookView, onProgress: (done: number) => Promise<void> = async () => {}): AsyncGenerator<Uint8Array> {
  const t = (key: BookTextKey, values?: Record<string, string>) => bookText(view.locale, key, values);
  const rtl = view.locale === 'ar';
  const title = t('title', { forum: view.forumName });
  const pdf = await PDFDocument.create();
  pdf.setTitle(title, { showInWindowTitleBar: true });
  pdf.setSubject(view.forumName);
  pdf.setLanguage(view.locale);
  pdf.setProducer('GCM Review Inputs');
  pdf.setCreator('GCM Review Inputs');

  const grouping = t(view.grouping === 'objective' ? 'groupingObjective' : 'groupingConstituency');
  const intro = t('published', { count: String(view.inputCount), date: view.asOf, grouping });
  const allText = [title, intro, t('objectiveNote'), t('contents'), t('reference'), t('by'), t('summary'), t('page'), '…0123456789'];
  for (const chapter of view.chapters) {
    allText.push(chapter.heading);
    for (const input of chapter.inputs) allText.push(input.reference, input.title, input.author, input.facts, input.summary, input.body);
  }
  const typesetter = await createTypesetter(pdf, allText, { compression: 'small' });
  const flow = new PageFlow(pdf, typesetter, rtl);

  // Cover.
  flow.write(view.forumName, { size: 12, align: 'start', color: BRAND, spaceBefore: 180 });
  flow.write(title, { size: 24, align: 'start', spaceBefore: 8 });
  flow.write(intro, { size: 11, align: 'start', color: GREY, spaceBefore: 16 });
  if (view.grouping === 'objective') flow.write(t('objectiveNote'), { size: 10, align: 'start', color: GREY, spaceBefore: 6 });

  // Room for the contents, filled in once the chapters' pages are known.
  const tocEntries = view.chapters.reduce((n, c) => n + 1 + c.inputs.length, 0);
  const tocPages = Math.max(1, Math.ceil((tocEntries + 2) / TOC_LINES_PER_PAGE));
  const firstTocPage = flow.pageIndex + 1;
  for (let i = 0; i < tocPages; i++) flow.newPage();

  const outline: OutlineEntry[] = [];
  const toc: TocEntry[] = [];
  let done = 0;
  for (const chapter of view.chapters) {
    flow.newPage();
    const chapterEntry: OutlineEntry = { title: chapter.heading, pageIndex: flow.pageIndex, children: [] };
    outline.push(chapterEntry);
    toc.push({ title: chapter.heading, pageIndex: flow.pageIndex });
    flow.write(chapter.heading, { size: 18, align: 'start', color: BRAND });
    flow.rule();
    for (const [n, input] of chapter.inputs.entries()) {
      if (n > 0) flow.rule();
      // The entry opens the page the title is on; the title stays on a page with the reference,
      // author and facts lines under it and the summary's heading and first line (at the foot of a
      // page they all move to the next).
      flow.write(input.title, { size: 14, align: 'paragraph', spaceBefore: 10, keepWithNext: 3 * 9 * 1.75 + 6 + 2 * 10 * 1.75 });
      const at = flow.pageIndex;
      chapterEntry.children!.push({ title: `${input.reference} · ${input.title}`, pageIndex: at });
      toc.push({ reference: input.reference, title: input.title, pageIndex: at });
      flow.write(`${t('reference')}: ${input.reference}`, { size: 9, align: 'start', color: GREY });
      flow.write(`${t('by')}: ${input.author}`, { size: 9, align: 'start', color: GREY });
      flow.write(input.facts, { size: 9, align: 'start', color: GREY });
      flow.write(t('summary'), { size: 10, align: 'start', color: BRAND, spaceBefore: 6, keepWithNext: 2 * 10 * 1.75 });
      flow.write(input.summary, { size: 10, align: 'paragraph' });
      flow.write(input.body, { size: 10, align: 'paragraph', spaceBefore: 6 });
      if (++done % 25 === 0) await onProgress(done);
    }
  }
  await onProgress(done);

  writeContents(pdf.getPages().slice(firstTocPage, firstTocPage + tocPages), typesetter, t('contents'), toc, rtl);
  addOutline(pdf, outline);
  flow.numberPages(t('page'));
  typesetter.finish();
  yield* pdfChunks(pdf);
}

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * The contents: one line per chapter and input, its title cut to fit, its page number at the end.
 * An input's line is its reference, then its title, each isolated (FSI…PDI) so that each keeps
 * its own direction whatever the frame's: in an Arabic frame the references stand at the right
 * edge even before a French title, and the ellipsis of a cut title ends the title, on its side.
 */
function writeContents(pages: PDFPage[], typesetter: Typesetter, heading: string, toc: TocEntry[], rtl: boolean) {
  const width = A4[0] - 2 * MARGIN;
  const numberWidth = 40;
  const direction = rtl ? 'rtl' : 'ltr';
  const start = (lineWidth: number) => (rtl ? A4[0] - MARGIN - lineWidth : MARGIN);
  const end = (lineWidth: number) => (rtl ? MARGIN : A4[0] - MARGIN - lineWidth);
  let pageNo = 0;
  let y = A4[1] - MARGIN;
  const [title] = typesetter.layout(heading, { size: 16, direction }, width);
  y -= 16 * 1.75;
  typesetter.drawLine(pages[0], title, start(title.width), y, 16, BRAND);
  y -= TOC_LINE;
  for (const entry of toc) {
    if (y - TOC_LINE < MARGIN + 30) {
      pageNo++;
      y = A4[1] - MARGIN;
    }
    y -= TOC_LINE;
    const chapter = entry.reference === undefined;
    const size = chapter ? TOC_SIZE + 1 : TOC_SIZE;
    const indent = chapter ? 0 : 12;
    const prefix = chapter ? '' : `${FSI}${entry.reference}${PDI} · `;
    const lines = typesetter.layout(`${prefix}${FSI}${entry.title}${PDI}`, { size, direction }, width - numberWidth - indent);
    // One line each: a longer title is cut, with an ellipsis.
    const line = lines.length > 1 ? typesetter.layout(`${lines[0].text}…${PDI}`, { size, direction }, width)[0] : lines[0];
    const x = rtl ? start(line.width) - indent : start(line.width) + indent;
    typesetter.drawLine(pages[pageNo], line, x, y, size, chapter ? BRAND : undefined);
    const [number] = typesetter.layout(String(entry.pageIndex + 1), { size, direction: 'ltr' }, numberWidth);
    typesetter.drawLine(pages[pageNo], number, end(number.width), y, size, GREY);
  }
}
