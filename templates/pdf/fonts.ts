/**
 * The fonts of our PDFs (OFL, from packages that ship only font files) and which one draws a
 * character: Arabic script with Noto Sans Arabic, Chinese (and Japanese kana, CJK punctuation and
 * full-width forms) with Noto Sans SC, everything else (Latin, Cyrillic, Greek…) with Noto Sans.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createSubsetSource, type SubsetSource } from './font-subset';

const require = createRequire(import.meta.url);

export type FontKey = 'latin' | 'arabic' | 'cjk';

const FILES: Record<FontKey, string> = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  cjk: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
};

export const POSTSCRIPT_NAMES: Record<FontKey, string> = { latin: 'NotoSans-Regular', arabic: 'NotoSansArabic-Regular', cjk: 'NotoSansSC-Regular' };

const cache = new Map<FontKey, Buffer>();
/** The whole font file, read once per process. */
export function fontBytes(key: FontKey): Buffer {
  let bytes = cache.get(key);
  if (!bytes) {
    bytes = readFileSync(require.resolve(FILES[key]));
    cache.set(key, bytes);
  }
  return bytes;
}

const sources = new Map<FontKey, SubsetSource>();
/** The font loaded into the subsetter, once per process (see font-subset.ts). */
export function subsetSource(key: FontKey): SubsetSource {
  let source = sources.get(key);
  if (!source) {
    source = createSubsetSource(fontBytes(key));
    sources.set(key, source);
  }
  return source;
}

/**
 * Which font draws one UTF-16 code unit, by range: Arabic (U+0600–06FF, 0750–077F, 0870–08FF,
 * FB50–FDFF, FE70–FEFF); Chinese, kana, CJK punctuation and full-width forms (U+3000–30FF,
 * 3400–4DBF, 4E00–9FFF, F900–FAFF, FF00–FFEF); anything else the Latin font. Compared as numbers,
 * not with a regular expression per character: a receipt asks this about every character twice.
 */
export function fontOfCodeUnit(code: number): FontKey {
  if (code < 0x0600) return 'latin';
  if (code <= 0x06ff || (code >= 0x0750 && code <= 0x077f) || (code >= 0x0870 && code <= 0x08ff)) return 'arabic';
  if (code < 0x3000) return 'latin';
  if (code <= 0x30ff || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff)) return 'cjk';
  if (code >= 0xf900 && code <= 0xfaff) return 'cjk';
  if ((code >= 0xfb50 && code <= 0xfdff) || (code >= 0xfe70 && code <= 0xfeff)) return 'arabic';
  if (code >= 0xff00 && code <= 0xffef) return 'cjk';
  return 'latin';
}

const isJoiner = (code: number) => code === 0x200c || code === 0x200d;
const isSpace = (code: number) => code === 0x20 || code === 0xa0;

/**
 * Font for each UTF-16 index of `text`. Joiners follow the character before them, so a ZWNJ inside
 * an Arabic word stays in the Arabic run and keeps its meaning (no joining across it).
 */
export function fontPerCharacter(text: string): FontKey[] {
  const keys: FontKey[] = new Array(text.length);
  let previous: FontKey = 'latin';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const key: FontKey = isJoiner(code) ? previous : fontOfCodeUnit(code);
    keys[i] = key;
    previous = key;
  }
  // Spaces between two Arabic words are drawn from the Arabic font: an Arabic sentence is then one
  // run, shaped at once, instead of one run per word (shaping each run has a fixed cost).
  for (let i = 1; i < text.length - 1; i++) {
    if (!isSpace(text.charCodeAt(i)) || keys[i - 1] !== 'arabic') continue;
    let end = i;
    while (end < text.length && isSpace(text.charCodeAt(end))) end++;
    if (end < text.length && keys[end] === 'arabic') keys.fill('arabic', i, end);
    i = end - 1;
  }
  return keys;
}
