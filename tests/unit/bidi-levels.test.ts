/**
 * The embedding levels of paragraphs with nothing right-to-left are found without running the
 * bidi algorithm; they must be what the algorithm (bidi-js) gives, for any such text.
 */
import bidiFactory from 'bidi-js';
import { describe, expect, it } from 'vitest';
import { embeddingLevels } from '../../templates/pdf/bidi';

const bidi = bidiFactory();
/** What the shortcut must not be taken for: anything that can be right-to-left or raise a level. */
const RIGHT_TO_LEFT_OR_EXPLICIT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u061C\u200F\u202A-\u202E\u2066-\u2069]|[\uD802\uD803\uD83A\uD83B][\uDC00-\uDFFF]/;

/** A deterministic pseudo-random sequence (xorshift), so a failure can be replayed. */
function randomSource(seed: number) {
  let x = seed;
  return (n: number) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

function expectSameAsAlgorithm(text: string, direction: 'ltr' | 'auto') {
  const ours = embeddingLevels(text, direction);
  const theirs = bidi.getEmbeddingLevels(text, direction);
  expect({ text, levels: [...ours.levels], rtl: ours.rtl }).toEqual({ text, levels: [...theirs.levels], rtl: (theirs.paragraphs[0]?.level ?? 0) % 2 === 1 });
}

describe('embedding levels of paragraphs with nothing right-to-left', () => {
  it('are those of the bidi algorithm for real texts', () => {
    for (const text of [
      'Migrant workers need access to justice (2026), decent work & safe, regular pathways.',
      '« Les travailleurs migrants » ont droit à 12 345 € — art. 7 ; voir [note 3] !',
      'Права мигрантов: 23-я цель, 2026 г.',
      '移民工人的权利（目标 23）：2026 年。',
      'c0ffee00e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b',
      'IMRF26-0042 · 2026-11-22 22:50:19 UTC · 1.2 MB',
      'e\u0301 a\u200Db \u200E x 😀 𠀀 \u2028 \u00A0 \t end',
    ]) {
      expect(RIGHT_TO_LEFT_OR_EXPLICIT.test(text)).toBe(false);
      expectSameAsAlgorithm(text, 'auto');
      expectSameAsAlgorithm(text, 'ltr');
    }
  });

  it('leave no character of the BMP outside the right-to-left blocks above level 0', () => {
    const raised: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if ((code >= 0xd800 && code <= 0xdfff) || RIGHT_TO_LEFT_OR_EXPLICIT.test(ch)) continue;
      // Between a letter and a digit, and alone: a character that is right-to-left or an Arabic
      // number would be raised in one or the other.
      for (const text of [`a${ch}1`, ch]) {
        if (bidi.getEmbeddingLevels(text, 'auto').levels.some((level) => level > 0)) raised.push(code.toString(16));
      }
    }
    expect(raised).toEqual([]);
  });

  it('are those of the bidi algorithm for random texts from the whole BMP but the right-to-left blocks', () => {
    const random = randomSource(20261124);
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const length = 1 + random(24);
      while (text.length < length) {
        const code = random(0x10000);
        const ch = code >= 0xd800 && code <= 0xdfff ? '𝐀' : String.fromCharCode(code);
        if (!RIGHT_TO_LEFT_OR_EXPLICIT.test(ch)) text += ch;
      }
      expectSameAsAlgorithm(text, n % 2 === 0 ? 'auto' : 'ltr');
    }
  });

  it('still runs the algorithm when one right-to-left character or control is there', () => {
    for (const text of ['price 12 \u0661\u0662', 'see \u05D0', 'a \u200F b', 'x \u2067y\u2069', '(\u202Eabc\u202C)']) {
      expect(embeddingLevels(text, 'auto').levels.some((level) => level > 0)).toBe(true);
      expectSameAsAlgorithm(text, 'auto');
    }
  });
});
