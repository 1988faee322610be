/**
 * Which font subset a document embeds: one shared per process when its characters fall in a
 * common set, its own otherwise; and receipts drawn from a shared subset read back exactly.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontPerCharacter, type FontKey } from '../../templates/pdf/fonts';
import { preparedFont } from '../../templates/pdf/prepared-fonts';
import { renderReceiptPdf, type ReceiptView } from '../../templates/pdf/receipt';
import { arabicFixture, TRICKY_TEXTS } from '../helpers/fixtures';

const OUT = 'test-results/pdf';
mkdirSync(OUT, { recursive: true });

/** The characters of `text` that font `key` draws, as the typesetter collects them. */
function charsFor(key: FontKey, text: string): Set<string> {
  const fonts = fontPerCharacter(text);
  return new Set([...text].filter((_, i) => fonts[i] === key));
}

describe('prepared fonts', () => {
  it('shares one subset among texts of the common sets, and gives any other text its own', () => {
    const briefing = preparedFont('arabic', charsFor('arabic', arabicFixture('ar-arab-region-imrf-briefing')));
    const vowelled = preparedFont('arabic', charsFor('arabic', TRICKY_TEXTS.vowelled));
    expect(vowelled).toBe(briefing);

    const english = preparedFont('latin', charsFor('latin', 'Migrant workers need access to justice (2026).'));
    expect(preparedFont('latin', charsFor('latin', 'IMRF26-0042 · 22:50:19 UTC'))).toBe(english);
    // Accented letters take the larger shared set, not the basic one, and not a subset of their own.
    const french = preparedFont('latin', charsFor('latin', 'Les travailleurs migrants ont droit à la sécurité.'));
    expect(french).not.toBe(english);
    expect(preparedFont('latin', charsFor('latin', '¿Dónde están los niños?'))).toBe(french);
    expect(french.fontFile.length).toBeGreaterThan(english.fontFile.length);

    // Cyrillic is in no shared set: a subset of just what the text draws, made anew each time.
    const russian = charsFor('latin', 'Права мигрантов');
    const own = preparedFont('latin', russian);
    expect(own).not.toBe(preparedFont('latin', russian));
    expect(own.fontFile.length).toBeLessThan(english.fontFile.length);
  });

  it('draws receipts from a shared subset and from their own alike: every character reads back', async () => {
    const view = (value: string): ReceiptView => ({
      locale: 'ar',
      reference: 'IMRF26-0042',
      forumName: 'منتدى استعراض الهجرة الدولية 2026',
      receivedAtUtc: '2026-11-22 22:50:19 UTC',
      receivedAtForumTime: '22 نوفمبر 2026، 17:50:19 (America/New_York)',
      fields: [{ label: 'النص', value }],
      contentSha256: 'c0ffee'.padEnd(64, '0'),
      attachments: [],
    });
    const squeeze = (s: string) => s.replace(/[\s\u200E\u200F\u202A-\u202E]+/g, '');
    // The first fits the shared sets; the second adds a Cyrillic word and a rare Arabic letter (ڤ).
    for (const [name, value] of [['shared', TRICKY_TEXTS.mixed], ['own', `${TRICKY_TEXTS.mixed} мигранты ڤيزا`]]) {
      const file = `${OUT}/prepared-fonts-${name}.pdf`;
      writeFileSync(file, await renderReceiptPdf(view(value)));
      const text = squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
      // Word by word: extraction orders a line of mixed directions its own way.
      for (const word of value.split(/[\s()]+/).filter(Boolean)) expect(text, `${name}: ${word}`).toContain(word);
    }
  });
});
