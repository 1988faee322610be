/**
 * PDF bookmarks (the document outline a viewer shows beside the pages), which pdf-lib does not
 * build: a tree of titled entries, each opening a page. PDF 32000-1, 12.3.3.
 */
import { PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  /** Index of the page the entry opens. */
  pageIndex: number;
  children?: OutlineEntry[];
}

export function addOutline(pdf: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = pdf.context;
  const pages = pdf.getPages();
  const rootRef = context.nextRef();

  /** Writes the entries under `parent`; returns the first and last refs and how many entries there are. */
  const level = (items: OutlineEntry[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = items.map(() => context.nextRef());
    items.forEach((item, i) => {
      const dict = context.obj({
        Title: PDFHexString.fromText(item.title),
        Parent: parent,
        Dest: [pages[item.pageIndex].ref, PDFName.of('Fit')],
      });
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]);
      if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]);
      if (item.children?.length) {
        const below = level(item.children, refs[i]);
        dict.set(PDFName.of('First'), below.first);
        dict.set(PDFName.of('Last'), below.last);
        // Negative: the entry opens closed, showing its chapters only.
        dict.set(PDFName.of('Count'), PDFNumber.of(-below.count));
      }
      context.assign(refs[i], dict);
    });
    return { first: refs[0], last: refs[refs.length - 1], count: items.length };
  };

  const top = level(entries, rootRef);
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: PDFNumber.of(top.count) }));
  pdf.catalog.set(PDFName.of('Outlines'), rootRef);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
