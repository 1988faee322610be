/**
 * Typesetting for PDFs in any mix of scripts: paragraphs are split into bidi runs per font, shaped
 * with HarfBuzz on a font subset holding the document's characters, wrapped on shaped widths, and
 * drawn glyph by glyph. Right-to-left runs are marked /ReversedChars, so extraction gives reading
 * order back.
 */
import { PDFDocument, PDFName, type PDFPage } from 'pdf-lib';
import { embeddingLevels, reorderVisually, type Direction } from './bidi';
import { breaksAround, isBidiControl, isBreakingSpace, mustNotBeginLine } from './char-classes';
import { embedSubsetFont, widthInThousandths, type GlyphUse } from './embed-font';
import { flateStream, type Compression } from './flate-stream';
import { utf16Hex } from './hex';
import { FONT_RESOURCE, GlyphRun, num } from './glyph-run';
import { fontPerCharacter, POSTSCRIPT_NAMES, type FontKey } from './fonts';
import { preparedFont, type PreparedFont } from './prepared-fonts';
import { type ShapedGlyph, type Shaper } from './shaping';

interface PlacedGlyph {
  font: FontKey;
  /** The glyph's cluster: paragraph[cluster, clusterEnd); glyphs of one cluster share it. */
  cluster: number;
  clusterEnd: number;
  gid: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface Line {
  /** Runs in visual order; right-to-left runs are marked so extraction reverses them back. */
  pieces: Array<{ rtl: boolean; glyphs: PlacedGlyph[] }>;
  /** Width in font units is per font, so widths are kept in points for one size. */
  width: number;
  /** Logical text of the line. */
  text: string;
  rtl: boolean;
  /** The paragraph the line is part of (glyph clusters index into it). */
  paragraph: string;
}

export interface TextStyle {
  size: number;
  direction?: Direction;
}

const ALWAYS: Record<FontKey, string> = { latin: ' 0123456789/–—-·.,:;()[]', arabic: '', cjk: '' };
const MIRRORS: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };
const FONT_TAG: Record<FontKey, string> = { latin: 'PORTLA', arabic: 'PORTAR', cjk: 'PORTCJ' };
/** One bit per font, to remember which fonts a character was already collected for. */
const FONT_BIT: Record<FontKey, number> = { latin: 1, arabic: 2, cjk: 4 };

export interface Typesetter {
  /** Breaks one paragraph (no line breaks inside) into lines at most `maxWidth` points wide. */
  layout(paragraph: string, style: TextStyle, maxWidth: number): Line[];
  /** Draws a line with its left edge at x and baseline at y. */
  drawLine(page: PDFPage, line: Line, x: number, y: number, size: number, color?: [number, number, number]): void;
  /**
   * Adds graphics operators (a rule) to a page, in the same stream as its text: pdf-lib's own
   * drawing would give the page a second stream, compressed in JavaScript when the file is saved.
   */
  drawGraphics(page: PDFPage, operators: string): void;
  /** Embeds the fonts (only the glyphs used) and attaches them to every page. Call once, last. */
  finish(): void;
}

/**
 * Prepares fonts for a document containing `texts`: each font is a subset holding the characters it
 * must draw (prepared-fonts.ts), and the shapers work on those subsets, so glyph ids are valid in
 * the embedded fonts.
 */
export async function createTypesetter(pdf: PDFDocument, texts: string[], options: { compression: Compression }): Promise<Typesetter> {
  const chars: Record<FontKey, Set<string>> = { latin: new Set(ALWAYS.latin), arabic: new Set(), cjk: new Set() };
  // Each font a code unit was already given to, as bits: most characters of a text recur.
  const given = new Uint8Array(0x10000);
  for (const text of texts) {
    const fonts = fontPerCharacter(text);
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      const font = fonts[i];
      if (given[code] & FONT_BIT[font]) continue;
      given[code] |= FONT_BIT[font];
      chars[font].add(text[i]);
      if (MIRRORS[text[i]]) chars[font].add(MIRRORS[text[i]]);
    }
  }
  const fonts = {} as Record<FontKey, PreparedFont>;
  const shapers = {} as Record<FontKey, Shaper>;
  for (const key of Object.keys(chars) as FontKey[]) {
    if (chars[key].size === 0) continue;
    fonts[key] = preparedFont(key, chars[key]);
    shapers[key] = fonts[key].shaper;
  }
  const used: Record<FontKey, Map<number, GlyphUse>> = { latin: new Map(), arabic: new Map(), cjk: new Map() };

  function layout(paragraph: string, style: TextStyle, maxWidth: number): Line[] {
    if (paragraph.length === 0) return [{ pieces: [], width: 0, text: '', rtl: style.direction === 'rtl', paragraph }];
    const { levels, rtl } = embeddingLevels(paragraph, style.direction ?? 'auto');
    const fonts = fontPerCharacter(paragraph);
    // Runs of one level and one font, shaped once each.
    const runs: Array<{ start: number; end: number; level: number; glyphs: PlacedGlyph[] }> = [];
    for (let i = 0; i < paragraph.length; ) {
      let j = i + 1;
      while (j < paragraph.length && levels[j] === levels[i] && fonts[j] === fonts[i]) j++;
      const font = fonts[i];
      const shaped = shapers[font].shape(paragraph, i, j, levels[i] % 2 === 1);
      const scale = style.size / shapers[font].unitsPerEm;
      const ends = clusterEnds(shaped, i, j);
      const glyphs: PlacedGlyph[] = [];
      for (let k = 0; k < shaped.length; k++) {
        const g = shaped[k];
        // Bidi controls have done their work: HarfBuzz gives each a blank glyph, whose text would
        // come back in copied text and in the ToUnicode map.
        if (isBidiControl(paragraph.charCodeAt(g.cluster))) continue;
        const clusterEnd = ends[g.cluster - i];
        glyphs.push({ font, gid: g.gid, cluster: g.cluster, clusterEnd, xAdvance: g.xAdvance * scale, xOffset: g.xOffset * scale, yOffset: g.yOffset * scale });
        // The glyph's width and characters, for the W array and the ToUnicode map. Clusters are
        // contiguous in HarfBuzz's output, so the first glyph of each carries its characters.
        const opensCluster = k === 0 || shaped[k - 1].cluster !== g.cluster;
        const use = used[font].get(g.gid);
        if (!use) used[font].set(g.gid, { width: widthInThousandths(g.xAdvance, shapers[font].unitsPerEm), text: opensCluster ? paragraph.slice(g.cluster, clusterEnd) : '' });
        else if (!use.text && opensCluster) use.text = paragraph.slice(g.cluster, clusterEnd);
      }
      runs.push({ start: i, end: j, level: levels[i], glyphs });
      i = j;
    }
    // Width carried by each character index (its cluster's glyph advances).
    const advance = new Float64Array(paragraph.length);
    for (const run of runs) for (const g of run.glyphs) advance[g.cluster] += g.xAdvance;
    const width = (s: number, e: number) => {
      let w = 0;
      for (let k = s; k < e; k++) w += advance[k];
      return w;
    };

    const lines: Array<[number, number]> = [];
    let lineStart = 0;
    let lineWidth = 0;
    let i = 0;
    while (i < paragraph.length) {
      // Next word: non-spaces, then the spaces after them. A Chinese character is a word of its
      // own, with any closing punctuation after it.
      let j = i;
      if (breaksAround(paragraph.charCodeAt(j))) j++;
      else while (j < paragraph.length && !isBreakingSpace(paragraph.charCodeAt(j)) && !breaksAround(paragraph.charCodeAt(j))) j++;
      while (j < paragraph.length && mustNotBeginLine(paragraph.charCodeAt(j))) j++;
      const wordEnd = j;
      while (j < paragraph.length && isBreakingSpace(paragraph.charCodeAt(j))) j++;
      const wordWidth = width(i, wordEnd);
      if (lineWidth + wordWidth > maxWidth && i > lineStart) {
        lines.push([lineStart, i]);
        lineStart = i;
        lineWidth = 0;
      }
      if (wordWidth > maxWidth) {
        // A word longer than the line (a URL, a digest): break it between characters.
        let k = i;
        let w = lineWidth;
        while (k < wordEnd) {
          if (w + advance[k] > maxWidth && k > lineStart && advance[k] > 0) {
            lines.push([lineStart, k]);
            lineStart = k;
            w = 0;
          }
          w += advance[k];
          k++;
        }
        lineWidth = w + width(wordEnd, j);
      } else {
        lineWidth += width(i, j);
      }
      i = j;
    }
    lines.push([lineStart, paragraph.length]);

    return lines.map(([s, e]) => {
      let end = e;
      while (end > s && isBreakingSpace(paragraph.charCodeAt(end - 1))) end--;
      const pieces = runs
        .filter((r) => r.start < end && r.end > s)
        .map((r) => ({ level: r.level, glyphs: glyphsWithin(r.glyphs, s, end) }));
      const visual = reorderVisually(pieces).map((p) => ({ rtl: p.level % 2 === 1, glyphs: p.glyphs }));
      const lineWidth = visual.reduce((w, p) => p.glyphs.reduce((v, g) => v + g.xAdvance, w), 0);
      return { pieces: visual, width: lineWidth, text: paragraph.slice(s, end), rtl, paragraph };
    });
  }

  /**
   * Text is written as content-stream text, one page at a time, and compressed when the writing
   * moves to another page: a book of a thousand inputs has millions of glyphs, and an operator
   * object per glyph (pdf-lib's way) took over 4 GB. A page written again later (its number, the
   * contents) gets one more stream.
   */
  let writing: { page: PDFPage; chunks: string[] } | undefined;
  function flush() {
    if (!writing || writing.chunks.length === 0) return;
    writing.page.node.addContentStream(pdf.context.register(flateStream(pdf.context, writing.chunks.join('\n'), options.compression)));
    writing = undefined;
  }

  /** The operators written so far for `page`, whose turn it now is. */
  function contentOf(page: PDFPage): string[] {
    if (writing?.page !== page) {
      flush();
      writing = { page, chunks: [] };
    }
    return writing.chunks;
  }

  function drawGraphics(page: PDFPage, operators: string) {
    contentOf(page).push(operators);
  }

  function drawLine(page: PDFPage, line: Line, x: number, y: number, size: number, color: [number, number, number] = [0.1, 0.12, 0.14]) {
    if (line.pieces.length === 0) return;
    const content = contentOf(page);
    const text = new GlyphRun(size);
    text.raw(`BT ${num(color[0])} ${num(color[1])} ${num(color[2])} rg`);
    let pen = x;
    for (const piece of line.pieces) {
      // Glyphs are drawn left to right; /ReversedChars tells extractors (the convention Chromium
      // and others use) that this run reads the other way, so copied Arabic comes out in order.
      if (piece.rtl) text.raw('/ReversedChars BMC');
      for (let k = 0; k < piece.glyphs.length; k++) {
        const g = piece.glyphs[k];
        // A cluster the ToUnicode map cannot tell gets an ActualText span: fonts reuse a dotless
        // base glyph for several letters, so the glyph alone cannot say which letter it shows. A
        // cluster of one glyph whose map entry is its own text needs none (most Latin, Cyrillic
        // and Chinese text), which keeps a book's content streams about half as long.
        const opensCluster = k === 0 || piece.glyphs[k - 1].cluster !== g.cluster;
        const closesCluster = k === piece.glyphs.length - 1 || piece.glyphs[k + 1].cluster !== g.cluster;
        const use = used[g.font].get(g.gid)!;
        const spanned = !(opensCluster && closesCluster && isOwnText(use.text, line.paragraph, g));
        // ActualText is a PDF text string: UTF-16BE after its byte-order mark.
        if (opensCluster && spanned) text.raw(`/Span <</ActualText <FEFF${utf16Hex(line.paragraph.slice(g.cluster, g.clusterEnd))}>>> BDC`);
        text.glyph(g.font, g.gid, use.width, pen + g.xOffset, y + g.yOffset);
        if (closesCluster && spanned) text.raw('EMC');
        pen += g.xAdvance;
      }
      if (piece.rtl) text.raw('EMC');
    }
    text.raw('ET');
    content.push(text.toString());
  }

  function finish() {
    flush();
    const refs = (Object.keys(shapers) as FontKey[]).map((key) => {
      const shaper = shapers[key];
      const ref = embedSubsetFont(pdf, {
        font: fonts[key],
        postscriptName: POSTSCRIPT_NAMES[key],
        tag: FONT_TAG[key],
        unitsPerEm: shaper.unitsPerEm,
        ascender: shaper.ascender,
        descender: shaper.descender,
        glyphs: used[key],
        compression: options.compression,
      });
      return [key, ref] as const;
    });
    for (const page of pdf.getPages()) for (const [key, ref] of refs) page.node.setFontDictionary(PDFName.of(FONT_RESOURCE[key]), ref);
  }

  return { layout, drawLine, drawGraphics, finish };
}

/**
 * Where each cluster of a shaped run ends: for a cluster starting at index c of the paragraph,
 * ends[c - start] is the start of the next cluster, or the run's end.
 */
function clusterEnds(shaped: ShapedGlyph[], start: number, end: number): Int32Array {
  const starts = new Uint8Array(end - start);
  for (const g of shaped) starts[g.cluster - start] = 1;
  const ends = new Int32Array(end - start);
  let next = end;
  for (let c = end - 1; c >= start; c--) {
    ends[c - start] = next;
    if (starts[c - start]) next = c;
  }
  return ends;
}

/**
 * The glyphs of a run whose clusters lie in [start, end). HarfBuzz keeps clusters monotonic
 * (ascending along a left-to-right run, descending along a right-to-left one), so they are one
 * slice of the run, found by binary search: filtering every glyph of a long paragraph for each
 * of its lines grew with lines × glyphs.
 */
function glyphsWithin(glyphs: PlacedGlyph[], start: number, end: number): PlacedGlyph[] {
  if (glyphs.length === 0) return glyphs;
  const descending = glyphs[0].cluster > glyphs[glyphs.length - 1].cluster;
  // First index whose cluster is on the far side of `bound` in the run's order.
  const firstPast = (bound: number) => {
    let lo = 0;
    let hi = glyphs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = glyphs[mid].cluster;
      if (descending ? c >= bound : c < bound) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return descending ? glyphs.slice(firstPast(end), firstPast(start)) : glyphs.slice(firstPast(start), firstPast(end));
}

/** Whether a glyph's ToUnicode text is exactly the characters of its cluster (then it needs no ActualText). */
function isOwnText(mapped: string, paragraph: string, g: PlacedGlyph): boolean {
  return mapped.length === g.clusterEnd - g.cluster && paragraph.startsWith(mapped, g.cluster);
}

