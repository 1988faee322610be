import { describe, expect, it } from 'vitest';
import { ar } from '../../app/i18n/ar';
import { en } from '../../app/i18n/en';
import { negotiateLocale, translator } from '../../app/i18n/translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface translations', () => {
  it('Arabic has exactly the English keys, each with the same placeholders and real text', () => {
    expect(Object.keys(ar).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(ar[key]), key).toEqual(placeholders(en[key]));
      expect(ar[key].trim(), key).not.toBe('');
    }
  });

  it('formats numbers in the interface language', () => {
    // Arabic digits follow CLDR's default for "ar" (Intl decides; we never hard-code a digit set).
    expect(translator('ar')('staff.queue.count', { count: 12345 })).toContain(new Intl.NumberFormat('ar').format(12345));
    expect(translator('en')('staff.queue.count', { count: 12345 })).toContain('12,345');
  });

  it.each([
    ['ar-EG,ar;q=0.9,en;q=0.8', 'ar'],
    ['fr-FR,en;q=0.5', 'en'],
    ['en;q=0.2, ar;q=0.8', 'ar'],
    ['', 'en'],
    [null, 'en'],
    ['ar;q=0', 'en'],
  ])('negotiates %s as %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
