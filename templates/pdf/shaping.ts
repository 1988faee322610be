/**
 * HarfBuzz shaping (harfbuzzjs, WASM loaded once per process). Shaping gives glyph ids with
 * advances and offsets, so Arabic joins and vowel marks sit where the font's GPOS puts them.
 */
import * as hb from 'harfbuzzjs';

export interface ShapedGlyph {
  gid: number;
  /** UTF-16 index in the shaped text where this glyph's cluster starts. */
  cluster: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

export interface Shaper {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  /** Shapes text[start, end) in one direction; glyphs come back in visual (left-to-right) order. */
  shape(text: string, start: number, end: number, rtl: boolean): ShapedGlyph[];
}

/** HB_BUFFER_CONTEXT_LENGTH: how much context HarfBuzz keeps before and after the text it shapes. */
const CONTEXT = 5;

/** A shaper over one font file (here: the per-document subset, whose glyph ids we embed). */
export function createShaper(fontFile: Uint8Array): Shaper {
  const face = new hb.Face(new hb.Blob(fontFile));
  const font = new hb.Font(face);
  const extents = font.hExtents();
  // One buffer, reset for each run: harfbuzzjs frees a buffer only when the garbage collector
  // finalises it, and a book shapes hundreds of thousands of runs, so new buffers piled up in
  // WebAssembly memory (which never shrinks) faster than they were freed.
  const buffer = new hb.Buffer();
  return {
    unitsPerEm: face.upem,
    ascender: extents.ascender,
    descender: extents.descender,
    shape(text, start, end, rtl) {
      // HarfBuzz looks at most CONTEXT characters either side of the run (Arabic joining across a
      // run's edge). Copying just those into WebAssembly memory, not the whole paragraph for each
      // of its runs, keeps shaping linear in the paragraph's length; clusters come back relative
      // to the copy and are moved back to the paragraph.
      const from = Math.max(0, start - CONTEXT);
      const to = Math.min(text.length, end + CONTEXT);
      buffer.reset();
      buffer.addText(text.slice(from, to), start - from, end - start);
      buffer.guessSegmentProperties();
      buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR);
      // Marks keep their own cluster, so each glyph maps back to the characters it shows.
      buffer.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS);
      hb.shape(font, buffer);
      const infos = buffer.getGlyphInfos();
      const positions = buffer.getGlyphPositions();
      return infos.map((info, i) => ({
        gid: info.codepoint,
        cluster: info.cluster + from,
        xAdvance: positions[i].xAdvance,
        xOffset: positions[i].xOffset,
        yOffset: positions[i].yOffset,
      }));
    },
  };
}
