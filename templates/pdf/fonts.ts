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

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u0870-\u089F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** Han ideographs, kana, CJK symbols and punctuation, full-width forms. */
export const CJK = /[\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
const JOINER = /[\u200C\u200D]/;
const SPACE = /[ \u00A0]/;

/**
 * Font for each UTF-16 index of `text`. Joiners follow the character before them, so a ZWNJ inside
 * an Arabic word stays in the Arabic run and keeps its meaning (no joining across it).
 */
export function fontPerCharacter(text: string): FontKey[] {
  const keys: FontKey[] = new Array(text.length);
  let previous: FontKey = 'latin';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const key: FontKey = ARABIC.test(ch) ? 'arabic' : CJK.test(ch) ? 'cjk' : JOINER.test(ch) ? previous : 'latin';
    keys[i] = key;
    previous = key;
  }
  // Spaces between two Arabic words are drawn from the Arabic font: an Arabic sentence is then one
  // run, shaped at once, instead of one run per word (shaping each run has a fixed cost).
  for (let i = 1; i < text.length - 1; i++) {
    if (!SPACE.test(text[i]) || keys[i - 1] !== 'arabic') continue;
    let end = i;
    while (end < text.length && SPACE.test(text[end])) end++;
    if (end < text.length && keys[end] === 'arabic') keys.fill('arabic', i, end);
    i = end - 1;
  }
  return keys;
}
