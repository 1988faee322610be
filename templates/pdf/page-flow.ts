/**
 * Flowing content down A4 pages: a cursor that starts a new page when the next line would cross
 * the bottom margin, and page numbers once the page count is known.
 */
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { num } from './glyph-run';
import type { Line, Typesetter } from './text-layout';

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const FOOTER = 30;

export interface FlowOptions {
  size: number;
  /** 'start' follows the frame direction; 'paragraph' follows each paragraph's own direction. */
  align: 'start' | 'paragraph';
  color?: [number, number, number];
  /** Extra space before the block, in points. */
  spaceBefore?: number;
  /**
   * Height in points of what follows that must stay on the same page as this block: a heading or
   * a label is never left alone at the foot of a page, away from its first lines.
   */
  keepWithNext?: number;
}

export class PageFlow {
  private page: PDFPage;
  private y: number;
  readonly contentWidth = A4[0] - 2 * MARGIN;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly typesetter: Typesetter,
    private readonly frameRtl: boolean,
  ) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** Writes text (may contain line breaks: each line is its own paragraph). */
  write(text: string, opts: FlowOptions): void {
    const lineHeight = opts.size * 1.75;
    const paragraphs = text.split(/\r\n|\r|\n/).map((paragraph) => this.typesetter.layout(paragraph, { size: opts.size }, this.contentWidth));
    if (opts.keepWithNext !== undefined && this.y < A4[1] - MARGIN) {
      const height = (opts.spaceBefore ?? 0) + paragraphs.flat().length * lineHeight + opts.keepWithNext;
      if (this.y - height < MARGIN + FOOTER) this.newPage();
    }
    this.y -= opts.spaceBefore ?? 0;
    for (const lines of paragraphs) {
      for (const line of lines) {
        if (this.y - lineHeight < MARGIN + FOOTER) this.newPage();
        this.y -= lineHeight;
        this.typesetter.drawLine(this.page, line, this.lineX(line, opts), this.y + opts.size * 0.45, opts.size, opts.color);
      }
    }
  }

  /** A thin rule across the content width. */
  rule(): void {
    this.y -= 8;
    this.typesetter.drawGraphics(this.page, `q 0.7 0.74 0.78 RG 0.5 w ${MARGIN} ${num(this.y)} m ${num(A4[0] - MARGIN)} ${num(this.y)} l S Q`);
  }

  /** "Page 2 of 3" centred at the foot of every page; `label` has {n} and {total}. */
  numberPages(label: string, size = 8): void {
    const pages = this.pdf.getPages();
    pages.forEach((page, i) => {
      const [line] = this.typesetter.layout(label.replace('{n}', String(i + 1)).replace('{total}', String(pages.length)), { size, direction: this.frameRtl ? 'rtl' : 'ltr' }, this.contentWidth);
      this.typesetter.drawLine(page, line, (A4[0] - line.width) / 2, MARGIN - 10, size, [0.4, 0.4, 0.4]);
    });
  }

  /** Continues on a new page (a chapter starts at the top of one). */
  newPage(): void {
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** Index of the page being written (0 for the first). */
  get pageIndex(): number {
    return this.pdf.getPageCount() - 1;
  }

  private lineX(line: Line, opts: FlowOptions): number {
    const right = opts.align === 'start' ? this.frameRtl : line.rtl;
    return right ? A4[0] - MARGIN - line.width : MARGIN;
  }
}
