/**
 * Counting that is right in every script: words by Intl.Segmenter (dictionary-based for CJK, where
 * spaces do not separate words), characters as user-perceived characters (grapheme clusters), so an
 * Arabic letter with its vowel marks or an emoji with modifiers counts once.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const wordSegmenters = new Map<string, Intl.Segmenter>();

/** Words in `text`, segmented by the rules of `language` (no language yet, or an unknown one: generic rules). */
export function countWords(text: string, language?: string): number {
  const key = language ?? '';
  let seg = wordSegmenters.get(key);
  if (!seg) {
    seg = new Intl.Segmenter(usableLocale(key), { granularity: 'word' });
    wordSegmenters.set(key, seg);
  }
  let n = 0;
  for (const s of seg.segment(text)) if (s.isWordLike) n++;
  return n;
}

function usableLocale(tag: string): string | undefined {
  try {
    return tag ? Intl.getCanonicalLocales(tag)[0] : undefined;
  } catch {
    return undefined;
  }
}

export function countCharacters(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}
