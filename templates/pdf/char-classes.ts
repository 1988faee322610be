/**
 * The classes of characters line breaking and drawing ask about, one UTF-16 code unit at a time.
 * Compared as numbers: the typesetter asks about every character of every paragraph several times,
 * and a regular expression per character was a tenth of a receipt's layout time. A unit test holds
 * each against the character class it stands for, over all 65,536 code units.
 */

/**
 * Spaces a line may break at: what `\s` matches, except the no-break spaces (U+00A0, U+2007,
 * U+202F, U+FEFF). French puts them inside « » and before ; : ! ?, Intl groups digits with them
 * (12 345), and a line must not start with "»" or "345".
 */
export function isBreakingSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x1680) return false;
  return code === 0x1680 || (code >= 0x2000 && code <= 0x200a && code !== 0x2007) || code === 0x2028 || code === 0x2029 || code === 0x205f || code === 0x3000;
}

/** Characters a line may break before or after with no space between (kana and Han; Chinese has no spaces). */
export function breaksAround(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

const CLOSING = new Set([...'、。，．：；！？）」』】〕〉》’”…‥ー々〜\uFF09\uFF0C\uFF0E\uFF1A\uFF1B\uFF01\uFF1F'].map((ch) => ch.charCodeAt(0)));
/** Punctuation that must not begin a line: it stays with the character before it. */
export function mustNotBeginLine(code: number): boolean {
  return code >= 0x2019 && CLOSING.has(code);
}

/**
 * Bidi formatting characters (ALM, LRM, RLM, embeddings and overrides, isolates): they steer the
 * bidi algorithm and are then dropped, never drawn.
 */
export function isBidiControl(code: number): boolean {
  return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}
