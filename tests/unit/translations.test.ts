/**
 * Every text the portal shows, e-mails or prints exists in all six UN languages, key for key the
 * English one, with the same placeholders; every interface message and every e-mail and PDF text
 * is used somewhere; plural wordings use only the plural categories their language has.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countHeadingKey } from '../../app/components/FoundInputs';
import { en } from '../../app/i18n/en';
import { PLURALS } from '../../app/i18n/plurals';
import { CATALOGUES } from '../../app/i18n/catalogues.server';
import { negotiateLocale, translator } from '../../app/i18n/translate';
import { CONSTITUENCIES } from '../../app/modules/taxonomy/constituencies';
import { INTERFACE_LOCALES, UN_LANGUAGES } from '../../app/modules/taxonomy/locales';
import { OBJECTIVES } from '../../app/modules/taxonomy/objectives';
import { PRINCIPLES } from '../../app/modules/taxonomy/principles';
import { REGIONS } from '../../app/modules/taxonomy/regions';
import { SUBMITTER_TYPES } from '../../app/modules/taxonomy/submitter-types';
import { EMAIL_CATALOGUES } from '../../templates/email/messages';
import { BOOK_TEXTS } from '../../templates/pdf/book-i18n';
import { PUBLICATION_TEXTS } from '../../templates/pdf/publication-i18n';
import { RECEIPT_TEXTS } from '../../templates/pdf/receipt-i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Same keys as English, each message non-empty and with exactly the English placeholders. */
function expectComplete(name: string, tables: Record<string, Record<string, string>>) {
  const english = tables.en;
  expect(Object.keys(tables).sort(), name).toEqual([...INTERFACE_LOCALES].sort());
  for (const locale of INTERFACE_LOCALES) {
    const table = tables[locale];
    expect(Object.keys(table).sort(), `${name} ${locale}: keys`).toEqual(Object.keys(english).sort());
    for (const key of Object.keys(english)) {
      expect(placeholders(table[key]), `${name} ${locale} ${key}: placeholders`).toEqual(placeholders(english[key]));
      expect(table[key].trim(), `${name} ${locale} ${key}: empty`).not.toBe('');
    }
  }
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) sourceFiles(file, out);
    else if (/\.tsx?$/.test(name)) out.push(file);
  }
  return out;
}

describe('translations', () => {
  it('speak all six UN languages in the interface', () => {
    expect([...INTERFACE_LOCALES].sort()).toEqual([...UN_LANGUAGES].sort());
  });

  it('have every interface message in every language, with the English placeholders', () => {
    expectComplete('interface', CATALOGUES);
  });

  it('have every e-mail text and every PDF text in every language, with the English placeholders', () => {
    expectComplete('e-mail', EMAIL_CATALOGUES);
    expectComplete('receipt PDF', RECEIPT_TEXTS);
    expectComplete('publication PDF', PUBLICATION_TEXTS);
    expectComplete('book PDF', BOOK_TEXTS);
  });

  it('label every objective, principle, stakeholder group, region and kind of submitter in every language', () => {
    for (const [name, table] of Object.entries({ OBJECTIVES, PRINCIPLES, CONSTITUENCIES, REGIONS, SUBMITTER_TYPES })) {
      for (const [key, labels] of Object.entries(table as Record<string, Record<string, string>>)) {
        for (const locale of UN_LANGUAGES) expect(labels[locale]?.trim(), `${name} ${key} ${locale}`).toBeTruthy();
      }
    }
  });

  it('use every interface message somewhere (a key is named whole, or built from a prefix the code names)', () => {
    const root = path.resolve(__dirname, '../..');
    const files = ['app', 'templates', 'workers'].flatMap((d) => sourceFiles(path.join(root, d))).filter((f) => !f.includes(`${path.sep}i18n${path.sep}`));
    const literals = new Set<string>();
    const prefixes = new Set<string>();
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/(['"`])([A-Za-z][\w.-]*)\1/g)) literals.add(m[2]);
      // `book.grouping.${g}` names every key under book.grouping.
      for (const m of source.matchAll(/`([A-Za-z][\w.-]*\.)\$\{/g)) prefixes.add(m[1]);
      // known('staff.audit', action) builds the key from a prefix and a value.
      for (const m of source.matchAll(/(['"])([A-Za-z]\w*\.[\w.-]+)\1/g)) prefixes.add(`${m[2]}.`);
    }
    const unused = Object.keys(en).filter((key) => !literals.has(key) && ![...prefixes].some((p) => key.startsWith(p)));
    expect(unused).toEqual([]);
  });

  // The e-mail and PDF text tables are read by name through one accessor each; a key counts as used
  // when a file calling that accessor names it whole, or builds it from a template whose ${…} parts
  // stand for one segment each (`decision.${v.decision}.subject`).
  it.each([
    ['e-mail', EMAIL_CATALOGUES.en, /\bemail(Text|Html)\(/, 'templates/email/messages.ts'],
    ['receipt PDF', RECEIPT_TEXTS.en, /\breceiptText\(/, 'templates/pdf/receipt-i18n.ts'],
    ['publication PDF', PUBLICATION_TEXTS.en, /\bpublicationText\(/, 'templates/pdf/publication-i18n.ts'],
    ['book PDF', BOOK_TEXTS.en, /\bbookText\(/, 'templates/pdf/book-i18n.ts'],
  ] as const)('use every %s text somewhere', (_name, table, accessor, definedIn) => {
    const root = path.resolve(__dirname, '../..');
    const users = ['app', 'templates', 'workers']
      .flatMap((d) => sourceFiles(path.join(root, d)))
      .filter((f) => f !== path.join(root, definedIn))
      .map((f) => readFileSync(f, 'utf8'))
      .filter((source) => accessor.test(source));
    expect(users.length).toBeGreaterThan(0);
    const literals = new Set<string>();
    const patterns: RegExp[] = [];
    for (const source of users) {
      for (const m of source.matchAll(/(['"])([A-Za-z][\w.-]*)\1/g)) literals.add(m[2]);
      for (const m of source.matchAll(/`([\w.-]*(?:\$\{[^}]*\}[\w.-]*)+)`/g)) {
        patterns.push(new RegExp(`^${m[1].split(/\$\{[^}]*\}/).map((part) => part.replace(/\./g, '\\.')).join('[\\w-]+')}$`));
      }
    }
    const unused = Object.keys(table).filter((key) => !literals.has(key) && !patterns.some((p) => p.test(key)));
    expect(unused).toEqual([]);
  });

  it('word plurals only with the categories each language has, keeping the other placeholders', () => {
    for (const locale of INTERFACE_LOCALES) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const [key, plural] of Object.entries(PLURALS[locale])) {
        const base = placeholders(CATALOGUES[locale][key as keyof typeof en]);
        expect(base, `${locale} ${key}`).toContain(plural!.by);
        for (const [category, form] of Object.entries(plural!.forms)) {
          expect(categories, `${locale} ${key}: category ${category}`).toContain(category);
          // A category may spell out its number ("one minute"), never drop another placeholder.
          const others = placeholders(form!).filter((p) => p !== plural!.by);
          expect(others, `${locale} ${key} ${category}`).toEqual(base.filter((p) => p !== plural!.by));
        }
      }
    }
  });

  it('agree nouns with numbers: Arabic in all six forms, Russian in its three', () => {
    const ar = translator('ar');
    const files = (count: number) => ar('form.attachments.rules', { count, size: 10, types: 'PDF' });
    expect(files(1)).toContain('ملف واحد');
    expect(files(2)).toContain('ملفين');
    expect(files(3)).toContain(`${new Intl.NumberFormat('ar').format(3)} ملفات`);
    expect(files(11)).toContain(`${new Intl.NumberFormat('ar').format(11)} ملفًا`);
    expect(files(100)).toContain(`${new Intl.NumberFormat('ar').format(100)} ملف `);
    expect(ar('error.rateLimited', { minutes: 2 })).toContain('بعد دقيقتين');
    expect(ar('error.rateLimited', { minutes: 60 })).toContain(`بعد ${new Intl.NumberFormat('ar').format(60)} دقيقةً`);
    expect(ar('form.summary.hintRange', { min: 20, max: 1500 })).toMatch(/حرف\.$/);
    expect(ar('form.errorSummary', { count: 1 })).toBe('توجد مشكلة في حقل واحد');

    const ru = translator('ru');
    const [one, few, many] = [21, 3, 11].map((count) => ru('form.errorSummary', { count }));
    expect(new Set([one, few, many]).size).toBe(3);
    expect(translator('en')('form.errorSummary', { count: 1 })).toBe('There is a problem with 1 field');
    expect(translator('en')('form.errorSummary', { count: 3 })).toBe('There is a problem with 3 fields');
    expect(translator('fr')('form.errorSummary', { count: 1 })).not.toBe(translator('fr')('form.errorSummary', { count: 3 }));
  });

  it('formats numbers in the interface language', () => {
    // Digits and separators follow CLDR for each language (Intl decides; no digit set is hard-coded).
    for (const locale of INTERFACE_LOCALES) {
      expect(translator(locale)('search.results', { count: 12345 }), locale).toContain(new Intl.NumberFormat(locale).format(12345));
    }
    expect(translator('en')('search.results', { count: 12345 })).toContain('12,345');
  });

  it('says "more than" a capped count of the listing, with or without a search, in every language', () => {
    const tenThousand = (locale: string) => new Intl.NumberFormat(locale).format(10000);
    expect(translator('en')(countHeadingKey(false, true), { count: 10000 })).toBe('More than 10,000 published inputs');
    expect(translator('en')(countHeadingKey(true, true), { count: 1000 })).toBe('More than 1,000 published inputs match');
    expect(translator('ar')(countHeadingKey(false, true), { count: 10000 })).toBe(`أكثر من ${tenThousand('ar')} مساهمة منشورة`);
    for (const locale of INTERFACE_LOCALES) {
      const t = translator(locale);
      const [exact, more] = [countHeadingKey(false, false), countHeadingKey(false, true)].map((key) => t(key, { count: 10000 }));
      expect(more, locale).toContain(tenThousand(locale));
      expect(more, locale).not.toBe(exact);
      expect(t(countHeadingKey(true, true), { count: 1000 }), locale).not.toBe(t(countHeadingKey(true, false), { count: 1000 }));
    }
  });

  it.each([
    ['ar-EG,ar;q=0.9,en;q=0.8', 'ar'],
    ['fr-FR,en;q=0.5', 'fr'],
    ['es-419,es;q=0.9', 'es'],
    ['zh-Hans-CN', 'zh'],
    ['ru', 'ru'],
    ['de-DE,ru;q=0.5,en;q=0.3', 'ru'],
    ['en;q=0.2, ar;q=0.8', 'ar'],
    ['de-DE', 'en'],
    ['', 'en'],
    [null, 'en'],
    ['ar;q=0', 'en'],
  ])('negotiates %s as %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
