/**
 * Counting that is right in every script: words by Intl.Segmenter (dictionary-based for CJK, where
 * spaces do not separate words), characters as user-perceived characters (grapheme clusters), so an
 * Arabic letter with its vowel marks or an emoji with modifiers counts once.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const wordSegmenters = new Map<string, Intl.Segmenter>();

/**
 * Words in `text`, segmented by the rules of `language` (no language yet, or an unknown one:
 * generic rules). Exactly what Intl.Segmenter counts, but most of the text never reaches it: words
 * never span a space, tab or line break, so the text is split there, and a piece that is plainly
 * one word (letters of the Latin, Greek, Cyrillic or Arabic script, digits and combining marks,
 * with quotes, brackets or sentence punctuation only at its ends) counts one without segmenting.
 * Segmenting every word took ~1.3 ms per 3,000 characters, the largest cost of a submission;
 * this takes ~0.06 ms. tests/unit/word-count.test.ts proves the premise for every such character
 * against the running ICU, and the result against Intl.Segmenter on random texts.
 */
export function countWords(text: string, language?: string): number {
  let n = 0;
  for (const piece of text.split(WORD_SEPARATORS)) {
    if (piece === '') continue;
    if (PLAIN_WORD.test(piece)) n++;
    else n += segmentedWords(piece, language);
  }
  return n;
}

/** Characters after which, and before which, a word always ends (Unicode's word-boundary rules). */
const WORD_SEPARATORS = /[ \t\n\r]+/;
/** Letters and digits that always join their neighbours of the same kind into one word. */
export const PLAIN_WORD_CHARACTER = String.raw`(?:(?=\p{L})[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Arabic}]|[0-9\u0660-\u0669\u06F0-\u06F9])`;
/** Combining marks of those scripts, or inherited by any: they belong to the letter before them. */
export const PLAIN_WORD_MARK = String.raw`(?:(?=\p{M})[\p{sc=Inherited}\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Arabic}])`;
/** Punctuation that opens or closes a word without joining anything (and is no word itself). */
export const WORD_OPENERS = `([«“‘"'`;
export const WORD_CLOSERS = `.,;:!?)]»”’"'،؛؟`;
// Written as code points: the same pattern runs in browsers (the form's counters), unescaped.
const escaped = (chars: string) => [...chars].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('');
const PLAIN_WORD = new RegExp(
  `^[${escaped(WORD_OPENERS)}]*${PLAIN_WORD_CHARACTER}(?:${PLAIN_WORD_CHARACTER}|${PLAIN_WORD_MARK})*[${escaped(WORD_CLOSERS)}]*$`,
  'u',
);

function segmentedWords(text: string, language?: string): number {
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
