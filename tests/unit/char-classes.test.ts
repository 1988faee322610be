/**
 * The typesetter's character classes are written as number comparisons for speed; each must mean
 * exactly the class it stands for, here written as a regular expression, for every UTF-16 code unit.
 */
import { describe, expect, it } from 'vitest';
import { breaksAround, isBidiControl, isBreakingSpace, mustNotBeginLine } from '../../templates/pdf/char-classes';
import { fontOfCodeUnit, type FontKey } from '../../templates/pdf/fonts';

/** Every code unit whose answer differs from the class's, as hex (empty when they agree). */
function disagreements(answer: (code: number) => unknown, expected: (ch: string) => unknown): string[] {
  const out: string[] = [];
  for (let code = 0; code <= 0xffff; code++) {
    if (answer(code) !== expected(String.fromCharCode(code))) out.push(code.toString(16));
  }
  return out;
}

describe('character classes of the typesetter', () => {
  it('breaks lines at white space but never at a no-break space', () => {
    expect(disagreements(isBreakingSpace, (ch) => /(?![\u00A0\u2007\u202F\uFEFF])\s/.test(ch))).toEqual([]);
  });

  it('breaks around kana and Han, and keeps closing punctuation off the start of a line', () => {
    expect(disagreements(breaksAround, (ch) => /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/.test(ch))).toEqual([]);
    expect(disagreements(mustNotBeginLine, (ch) => /[、。，．：；！？）」』】〕〉》’”…‥ー々〜\uFF09\uFF0C\uFF0E\uFF1A\uFF1B\uFF01\uFF1F]/.test(ch))).toEqual([]);
  });

  it('knows the bidi formatting characters, which are never drawn', () => {
    expect(disagreements(isBidiControl, (ch) => /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(ch))).toEqual([]);
  });

  it('gives Arabic to the Arabic font, Chinese and kana to the CJK font, and the rest to the Latin font', () => {
    const expected = (ch: string): FontKey =>
      /[\u0600-\u06FF\u0750-\u077F\u0870-\u089F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/.test(ch)
        ? 'arabic'
        : /[\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch)
          ? 'cjk'
          : 'latin';
    expect(disagreements(fontOfCodeUnit, expected)).toEqual([]);
  });
});
