/**
 * The Unicode bidi algorithm (bidi-js) for one paragraph: embedding levels per character, the
 * paragraph's direction, and visual reordering of runs within a line (rule L2).
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl' | 'auto';

/**
 * What can lift a character above level 0 in a left-to-right paragraph: right-to-left letters
 * (the blocks from Hebrew to Arabic Extended-A, their presentation forms, and the right-to-left
 * blocks beyond the BMP, whose high surrogates are D802–D803 and D83A–D83B), Arabic numbers
 * (all inside those blocks), the right-to-left and Arabic letter marks, and explicit embeddings,
 * overrides and isolates. A text with none of them is all level 0.
 */
const MAY_LEAVE_LEVEL_0 = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u061C\u200F\u202A-\u202E\u2066-\u2069\uD802\uD803\uD83A\uD83B]/;

/** Levels per UTF-16 index, and whether the paragraph itself is right-to-left. */
export function embeddingLevels(text: string, direction: Direction): { levels: Uint8Array; rtl: boolean } {
  // Most paragraphs of a document in a left-to-right script (and the digests, dates and sizes of
  // any document) need no algorithm.
  if (direction !== 'rtl' && !MAY_LEAVE_LEVEL_0.test(text)) return { levels: new Uint8Array(text.length), rtl: false };
  const result = bidi.getEmbeddingLevels(text, direction);
  const rtl = (result.paragraphs[0]?.level ?? (direction === 'rtl' ? 1 : 0)) % 2 === 1;
  return { levels: result.levels, rtl };
}

/**
 * Orders the items of one line visually: from the highest level down to the lowest odd level,
 * every maximal sequence of items at or above that level is reversed.
 */
export function reorderVisually<T extends { level: number }>(items: T[]): T[] {
  const out = [...items];
  if (out.length === 0) return out;
  const max = Math.max(...out.map((i) => i.level));
  const minOdd = Math.min(...out.map((i) => i.level).filter((l) => l % 2 === 1), max + 1);
  for (let level = max; level >= minOdd && level > 0; level--) {
    let i = 0;
    while (i < out.length) {
      if (out[i].level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < out.length && out[j].level >= level) j++;
      const reversed = out.slice(i, j).reverse();
      out.splice(i, j - i, ...reversed);
      i = j;
    }
  }
  return out;
}
