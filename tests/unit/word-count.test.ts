/**
 * countWords counts a piece of text that is plainly one word without asking Intl.Segmenter. These
 * tests hold that shortcut to the running ICU: every character it trusts is checked, and on texts
 * of every kind the count must equal the segmenter's, word for word.
 */
import { describe, expect, it } from 'vitest';
import { countWords, PLAIN_WORD_CHARACTER, PLAIN_WORD_MARK, WORD_CLOSERS, WORD_OPENERS } from '../../app/modules/submissions/text-measure';
import { arabicFixture, TRICKY_TEXTS } from '../helpers/fixtures';

const LANGUAGES = [undefined, 'ar', 'en', 'es', 'fr', 'ru', 'zh'];

/** The reference: every word-like segment Intl.Segmenter finds in the whole text. */
function segmenterCount(text: string, language?: string): number {
  let n = 0;
  for (const s of new Intl.Segmenter(language, { granularity: 'word' }).segment(text)) if (s.isWordLike) n++;
  return n;
}

function segments(text: string, language?: string) {
  return [...new Intl.Segmenter(language, { granularity: 'word' }).segment(text)].map((s) => ({ text: s.segment, word: s.isWordLike }));
}

function codePointsMatching(pattern: RegExp): string[] {
  const out: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const c = String.fromCodePoint(cp);
    if (pattern.test(c)) out.push(c);
  }
  return out;
}

describe('the characters countWords trusts, checked against the running ICU', () => {
  const plain = codePointsMatching(new RegExp(`^${PLAIN_WORD_CHARACTER}$`, 'u'));
  const marks = codePointsMatching(new RegExp(`^${PLAIN_WORD_MARK}$`, 'u'));

  it('covers the scripts it names and nothing else', () => {
    expect(plain.length).toBeGreaterThan(2_500);
    for (const c of ['a', 'é', 'ß', 'Ω', 'ж', 'ب', 'ی', '٣', '7']) expect(plain).toContain(c);
    for (const c of ['中', 'あ', 'ア', 'ก', 'א', '½', '_', 'ـ', '\u200c', '-', '.']) expect(plain).not.toContain(c);
    for (const m of ['\u0301', '\u064e', '\u0651', '\u0670']) expect(marks).toContain(m);
    // A mark of another script (here one used with Han) may stand alone; it is left to the segmenter.
    expect(marks).not.toContain('\u{16ff0}');
  });

  it.each(LANGUAGES)('joins every trusted letter or digit with letters and digits of every trusted script (%s)', (language) => {
    const split: string[] = [];
    for (const c of plain) {
      for (const text of [c, `a${c}a`, `ب${c}ب`, `1${c}1`, `ж${c}`, `${c}٣`]) {
        const found = segments(text, language);
        if (found.length !== 1 || !found[0].word) split.push(`${text} → ${JSON.stringify(found)}`);
      }
    }
    expect(split).toEqual([]);
  });

  it.each(LANGUAGES)('keeps every combining mark inside the word it follows (%s)', (language) => {
    const split: string[] = [];
    for (const m of marks) {
      for (const text of [`a${m}a`, `ب${m}`, `ب${m}${m}ب`, `1${m}1`]) {
        const found = segments(text, language);
        if (found.length !== 1 || !found[0].word) split.push(`${text} → ${JSON.stringify(found)}`);
      }
    }
    expect(split).toEqual([]);
  });

  it.each(LANGUAGES)('finds one word in a word between any opening and closing punctuation (%s)', (language) => {
    const wrong: string[] = [];
    for (const open of ['', ...WORD_OPENERS]) {
      for (const close of ['', ...WORD_CLOSERS]) {
        for (const word of ['a', 'régulières', 'الهجرة', '2026', 'Ωμέγα']) {
          for (const text of [`${open}${word}${close}`, `${open}${open}${word}${close}${close}`]) {
            const n = segmenterCount(text, language);
            if (n !== 1) wrong.push(`${text}: ${n}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('countWords equals Intl.Segmenter', () => {
  it.each(LANGUAGES)('on the Arabic fixtures, the tricky texts and one of each (%s)', (language) => {
    const texts = [
      arabicFixture('ar-arab-region-imrf-briefing'),
      arabicFixture('ar-gcm-national-implementation-plans'),
      ...Object.values(TRICKY_TEXTS),
      "Don't stop: U.S. 2,000.5 e-mail a_b x.y «quoted», (brackets) [x] ‘single’ “double” ¿qué? ¡sí!",
      '',
      '   \n\t  ',
    ];
    for (const text of texts) expect(countWords(text, language), text.slice(0, 40)).toBe(segmenterCount(text, language));
  });

  it('on 3,000 random texts mixing scripts, marks, joiners, punctuation, emoji and spacing', () => {
    // A fixed seed: a failure names a text that fails again the next time.
    let seed = 20_261_124;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pool = [
      'a', 'Z', 'é', 'e\u0301', '\u0301', '\u0483', 'ß', 'Ω', 'ж', 'ب', 'ـ', 'ة', 'بِ', '\u0651', '٣', '۵', '7', 'א', '中', '文', 'あ', 'ア', 'ก', 'ำ',
      '\u200c', '\u200d', '\u200e', '\u200f', '\u00a0', '\u202f', '\u2009', '\u3000', '👨‍👩‍👧', '🤝🏽', '½', '_',
      ' ', ' ', ' ', '\n', '\r\n', '\t', '.', ',', "'", '’', '"', '-', ':', ';', '!', '?', '(', ')', '«', '»', '،', '؟', '@', '/', '#', '$',
    ];
    const failures: string[] = [];
    for (let i = 0; i < 3_000; i++) {
      let text = '';
      const length = 1 + Math.floor(random() * 40);
      for (let j = 0; j < length; j++) text += pool[Math.floor(random() * pool.length)];
      const language = LANGUAGES[i % LANGUAGES.length];
      const expected = segmenterCount(text, language);
      const counted = countWords(text, language);
      if (counted !== expected) failures.push(`${JSON.stringify(text)} (${language}): ${counted}, segmenter ${expected}`);
    }
    expect(failures).toEqual([]);
  });
});
