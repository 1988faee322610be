/**
 * Hexadecimal as PDF strings write it (upper case, two bytes per UTF-16 code unit). A content
 * stream writes one per glyph, so the digits come from a table of the 256 bytes.
 */
const BYTE = Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, '0').toUpperCase());

/** A 16-bit value as four hex digits: a glyph id as Identity-H codes it, or a UTF-16 code unit. */
export function hex4(n: number): string {
  return BYTE[(n >> 8) & 0xff] + BYTE[n & 0xff];
}

/** Text as UTF-16BE in hex, code unit by code unit (a surrogate pair gives its two units). */
export function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}
