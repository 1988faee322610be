/**
 * Counting that is right in every script: words by Intl.Segmenter (dictionary-based for CJK, where
 * spaces do not separate words), characters as user-perceived characters (grapheme clusters), so an
 * Arabic letter with its vowel marks or an emoji with modifiers counts once.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const wordSegmenters = new Map<string, Intl.Segmenter>();

export function countWords(text: string, language = 'en'): number {
  let seg = wordSegmenters.get(language);
  if (!seg) {
    seg = new Intl.Segmenter(language, { granularity: 'word' });
    wordSegmenters.set(language, seg);
  }
  let n = 0;
  for (const s of seg.segment(text)) if (s.isWordLike) n++;
  return n;
}

export function countCharacters(text: string): number {
  let n = 0;
  for (const _ of graphemes.segment(text)) n++;
  return n;
}
