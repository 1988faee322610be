/**
 * The font a document embeds for each script, with the shaper that gives glyph ids valid in it.
 *
 * A document embeds only the glyphs it may draw, so every receipt used to subset, load into the
 * shaper and compress each of its fonts again: about a third of its time. Most documents need
 * only the characters of a few common sets (the Arabic alphabet with its marks and digits; basic
 * Latin and its punctuation, then with the accented letters of Western European languages), so
 * each such set is subset, loaded and compressed once per process, and a document whose
 * characters all fall in one uses it. The embedded font is then larger than the document's own
 * subset would be (the benchmark's receipt weighs 57 KB instead of 48 KB), so the sets
 * are kept to what the portal's languages write. A document with anything else (Chinese, Cyrillic,
 * rarer letters and symbols) gets its own subset, as before. Decision 023.
 */
import { deflateSync } from 'node:zlib';
import { subsetSource, type FontKey } from './fonts';
import { createShaper, type Shaper } from './shaping';

export interface PreparedFont {
  /** The TrueType font to embed (a subset). */
  fontFile: Uint8Array;
  /** The same, compressed for a FlateDecode stream (once: a shared set's by many documents). */
  deflated(): Uint8Array;
  shaper: Shaper;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
/**
 * Digits, spaces and the punctuation every document's frame uses (dates, references, sizes), and
 * the line breaks and tabs of the texts it is given (never drawn, but among their characters).
 */
const FRAME = [...' \u00A00123456789/–—-·.,:;()[]%+\n\r\t'];
const PUNCTUATION = [...range(0x2010, 0x2027), ...range(0x2030, 0x203a), '€', '−'];

/** The shared sets of each font, smallest first: a document takes the first that holds it. */
const SHARED_SETS: Record<FontKey, ReadonlyArray<ReadonlySet<string>>> = {
  latin: [
    new Set([...FRAME, ...range(0x20, 0x7e), ...PUNCTUATION]),
    new Set([...FRAME, ...range(0x20, 0x7e), ...range(0xa0, 0xff), ...PUNCTUATION]),
  ],
  arabic: [
    new Set([
      ...FRAME,
      // The alphabet, tatweel, harakat and superscript alef, alef wasla; Arabic-Indic digits and
      // punctuation; the comma, semicolon and question mark; joiners; the quotation marks.
      ...range(0x0621, 0x063a),
      ...range(0x0640, 0x0652),
      '\u0670',
      '\u0671',
      ...range(0x0660, 0x066d),
      '\u060c',
      '\u061b',
      '\u061f',
      '\u200c',
      '\u200d',
      '«',
      '»',
    ]),
  ],
  cjk: [],
};

const shared = new Map<ReadonlySet<string>, PreparedFont>();

function prepare(key: FontKey, chars: Iterable<string>): PreparedFont {
  const fontFile = subsetSource(key).subset(chars);
  let deflated: Uint8Array | undefined;
  return { fontFile, shaper: createShaper(fontFile), deflated: () => (deflated ??= deflateSync(fontFile)) };
}

/** The font for a document that draws `chars` with font `key`: a shared set's, or its own subset. */
export function preparedFont(key: FontKey, chars: ReadonlySet<string>): PreparedFont {
  const set = SHARED_SETS[key].find((candidate) => [...chars].every((ch) => candidate.has(ch)));
  if (!set) return prepare(key, chars);
  let font = shared.get(set);
  if (!font) {
    font = prepare(key, set);
    shared.set(set, font);
  }
  return font;
}
