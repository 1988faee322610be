import { describe, expect, it } from 'vitest';
import { ar } from '../../app/i18n/ar';
import { en } from '../../app/i18n/en';
import { PLURALS } from '../../app/i18n/plurals';
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

  it('words messages about a number by its plural category, Arabic in all six', () => {
    const ar_ = translator('ar');
    const files = (count: number) => ar_('form.attachments.rules', { count, size: 10, types: 'PDF' });
    expect(files(1)).toContain('ملف واحد');
    expect(files(2)).toContain('ملفين');
    expect(files(3)).toContain(`${new Intl.NumberFormat('ar').format(3)} ملفات`);
    expect(files(11)).toContain(`${new Intl.NumberFormat('ar').format(11)} ملفًا`);
    expect(files(100)).toContain(`${new Intl.NumberFormat('ar').format(100)} ملف `);
    expect(ar_('error.rateLimited', { minutes: 2 })).toContain('بعد دقيقتين');
    expect(ar_('error.rateLimited', { minutes: 60 })).toContain(`بعد ${new Intl.NumberFormat('ar').format(60)} دقيقةً`);
    expect(ar_('form.summary.hintRange', { min: 20, max: 1500 })).toMatch(/حرف\.$/);
    expect(ar_('form.errorSummary', { count: 1 })).toBe('توجد مشكلة في حقل واحد');
    expect(translator('en')('form.errorSummary', { count: 1 })).toBe('There is a problem with 1 field');
    expect(translator('en')('form.errorSummary', { count: 3 })).toBe('There is a problem with 3 fields');
  });

  it('gives every plural wording the placeholders of its message (a category may drop the number it spells out)', () => {
    for (const [locale, table] of Object.entries(PLURALS)) {
      for (const [key, plural] of Object.entries(table)) {
        const base = placeholders((locale === 'ar' ? ar : en)[key as keyof typeof en]);
        expect(base, `${locale} ${key}`).toContain(plural!.by);
        for (const [category, form] of Object.entries(plural!.forms)) {
          const others = placeholders(form!).filter((p) => p !== plural!.by);
          expect(others, `${locale} ${key} ${category}`).toEqual(base.filter((p) => p !== plural!.by));
        }
      }
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
