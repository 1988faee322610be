/**
 * Embeds a TrueType subset as a composite (Type0 / CIDFontType2, Identity-H) font, drawn by glyph
 * id. A ToUnicode map gives each glyph its characters back, so the text can be copied and searched.
 */
import { PDFDocument, PDFName, PDFNumber, PDFString, type PDFRef } from 'pdf-lib';
import { deflatedStream, flateStream, type Compression } from './flate-stream';
import { hex4, utf16Hex } from './hex';
import type { PreparedFont } from './prepared-fonts';

export interface GlyphUse {
  /** Advance width in thousandths of the em, as the W array gives it (readers compute spacing from it). */
  width: number;
  /** The characters this glyph stands for. */
  text: string;
}

/** A glyph's advance as the W array writes it: thousandths of the em, rounded. */
export const widthInThousandths = (advance: number, unitsPerEm: number) => Math.round((advance * 1000) / unitsPerEm);

function toUnicodeCMap(glyphs: Map<number, GlyphUse>): string {
  const entries = [...glyphs].filter(([, g]) => g.text.length > 0).map(([gid, g]) => `<${hex4(gid)}> <${utf16Hex(g.text)}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Returns the reference of the Type0 font dictionary, ready for a page's /Font resources. */
export function embedSubsetFont(
  pdf: PDFDocument,
  args: { font: PreparedFont; postscriptName: string; tag: string; unitsPerEm: number; ascender: number; descender: number; glyphs: Map<number, GlyphUse>; compression: Compression },
): PDFRef {
  const { context } = pdf;
  const scale = 1000 / args.unitsPerEm;
  const baseFont = `${args.tag}+${args.postscriptName}`;
  const fontFile = context.register(deflatedStream(context, args.font.deflated(), { Length1: args.font.fontFile.length }));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: baseFont,
      Flags: 4,
      FontBBox: [-1000, Math.round(args.descender * scale) - 200, 2000, Math.round(args.ascender * scale) + 200],
      ItalicAngle: 0,
      Ascent: Math.round(args.ascender * scale),
      Descent: Math.round(args.descender * scale),
      CapHeight: Math.round(args.ascender * scale * 0.7),
      StemV: 80,
      FontFile2: fontFile,
    }),
  );
  const widths: Array<PDFNumber | ReturnType<typeof context.obj>> = [];
  for (const [gid, g] of [...args.glyphs].sort((a, b) => a[0] - b[0])) {
    widths.push(PDFNumber.of(gid), context.obj([g.width]));
  }
  const cidFont = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: baseFont,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: widths,
      DW: 0,
      CIDToGIDMap: 'Identity',
    }),
  );
  const toUnicode = context.register(flateStream(context, toUnicodeCMap(args.glyphs), args.compression));
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [cidFont],
      ToUnicode: toUnicode,
    }),
  );
}

export { PDFName };
