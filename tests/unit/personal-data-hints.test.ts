import { describe, expect, it } from 'vitest';
import { personalDataHints, splitByHints } from '../../app/modules/moderation/personal-data-hints';

describe('personal data hints', () => {
  it('marks e-mail addresses and phone numbers exactly, in Latin and Arabic digits', () => {
    const text = 'Write to someone@example.org or call +41 22 917 1234, or ٠٧٩٥٥٥١٢٣٤ (office).';
    const found = personalDataHints(text).map((h) => [h.kind, text.slice(h.start, h.end)]);
    expect(found).toEqual([
      ['email', 'someone@example.org'],
      ['phone', '+41 22 917 1234'],
      ['phone', '٠٧٩٥٥٥١٢٣٤'],
    ]);
    expect(splitByHints(text).map((p) => p.text).join('')).toBe(text);
  });

  it('leaves years, ranges and plain counts alone', () => {
    expect(personalDataHints('Between 2018-2022, 100000 people moved; see objective 23 and 1951 convention.')).toEqual([]);
  });
});
