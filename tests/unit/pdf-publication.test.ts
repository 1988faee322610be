/**
 * The publication PDF, read back as a reader's tools read it: poppler's text extraction gives the
 * Arabic, Latin, Cyrillic and Chinese text in reading order; Chinese lines break between
 * characters within the page; the metadata names the input; pages are numbered. Over the six UN
 * languages, each input's frame is in its own language, fonts are embedded subsets, the catalog's
 * /Lang is the input's language, and every page is kept as a PNG for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { publicationView } from '../../app/modules/publication/publication-pdf';
import { renderPublicationPdf, type PublicationView } from '../../templates/pdf/publication';
import { PUBLICATION_TEXTS } from '../../templates/pdf/publication-i18n';
import { createTypesetter } from '../../templates/pdf/text-layout';
import { arabicFixture, TRICKY_TEXTS } from '../helpers/fixtures';
import { publicInputIn, SIX_INPUTS } from '../helpers/six-inputs';

const OUT = 'test-results/pdf';
mkdirSync(OUT, { recursive: true });

function save(name: string, pdf: Uint8Array): string {
  const file = `${OUT}/${name}.pdf`;
  writeFileSync(file, pdf);
  return file;
}
const extract = (file: string, ...args: string[]) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' });
const squeeze = (s: string) => s.replace(/[\s\u200E\u200F\u202A-\u202E]+/g, '');
const lettersAndDigits = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '');

const arabic: PublicationView = {
  locale: 'ar',
  reference: 'ESCWA25-0042',
  forumName: 'الاستعراض الإقليمي للمنطقة العربية',
  title: 'خطط التنفيذ الوطنية للميثاق العالمي للهجرة',
  summary: TRICKY_TEXTS.mixed,
  body: arabicFixture('ar-gcm-national-implementation-plans'),
  language: 'ar',
  author: 'شبكة حقوق المهاجرين',
  metadataAuthor: 'شبكة حقوق المهاجرين',
  constituency: 'منظمات المجتمع المدني',
  country: 'الأردن',
  region: 'اللجنة الاقتصادية والاجتماعية لغربي آسيا',
  languageName: 'العربية',
  objectives: ['6. التوظيف العادل والعمل اللائق', '23. التعاون الدولي'],
  principles: ['حقوق الإنسان'],
  publishedOn: '23 نوفمبر 2026',
  attachments: ['توصيات.pdf'],
  citation: 'شبكة حقوق المهاجرين (2026). خطط التنفيذ الوطنية للميثاق العالمي للهجرة. المساهمة المكتوبة ESCWA25-0042.',
  url: 'https://inputs.example.org/ar/inputs/ESCWA25-0042',
};

describe('publication PDF', () => {
  it('gives back the Arabic text in reading order, with the frame and metadata', async () => {
    const bytes = await renderPublicationPdf(arabic, { now: new Date('2026-11-23T10:00:00Z') });
    const file = save('publication-ar', bytes);
    const text = squeeze(extract(file));
    expect(text).toContain(squeeze(arabic.title));
    // (From the second word: poppler puts the vowel marks of a paragraph's tall first word on a line of their own.)
    const arabicStart = arabic.body.indexOf('الفريق العامل الرئيسي 2-2 بمهمة');
    expect(text).toContain(squeeze(arabic.body.slice(arabicStart, arabicStart + 350)));
    expect(text).toContain(squeeze('كيفية الاستشهاد بهذه المساهمة'));
    expect(text).toContain('ESCWA25-0042');
    expect(text).toContain(arabic.url);
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe(`${arabic.title} (ESCWA25-0042)`);
    expect(doc.getAuthor()).toBe('شبكة حقوق المهاجرين');
    const pages = doc.getPageCount();
    expect(pages).toBeGreaterThan(1);
    expect(squeeze(extract(file, '-f', String(pages), '-l', String(pages)))).toContain(squeeze(`الصفحة ${pages} من ${pages}`));
  });

  it('sets Chinese within the page, breaking between characters, and keeps Cyrillic and Latin', async () => {
    const chinese = '各国应当保障移民工人获得社会保障和司法救助，并确保招聘过程公平透明。'.repeat(12);
    const view: PublicationView = {
      ...arabic, locale: 'en', language: 'zh', forumName: 'International Migration Review Forum 2026', title: '移民工人的权利与体面劳动',
      summary: TRICKY_TEXTS.cyrillic, body: `${chinese}\nMigrant workers need access to justice.`, author: 'Asia Migration Research Centre', metadataAuthor: undefined,
      languageName: 'Chinese', citation: 'Asia Migration Research Centre (2026). 移民工人的权利与体面劳动.', attachments: [],
    };
    const file = save('publication-zh', await renderPublicationPdf(view));
    const text = extract(file);
    expect(squeeze(text)).toContain(squeeze(chinese));
    expect(squeeze(text)).toContain(squeeze(TRICKY_TEXTS.cyrillic));
    expect(squeeze(text)).toContain('Migrantworkersneedaccesstojustice.');
    // Many lines, none wider than the page: a run without spaces must still break.
    const chineseLines = text.split('\n').filter((l) => /[\u4e00-\u9fff]{10}/.test(l));
    expect(chineseLines.length).toBeGreaterThan(5);
    // No line may start with the comma or full stop that closes a clause.
    for (const line of chineseLines) expect(line.trim()[0]).not.toMatch(/[，。]/);
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    const right = Math.max(...[...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(right).toBeLessThanOrEqual(595.28 - 50 + 1);
  });
});

/** The catalog's /Lang, as pdf-lib reads it back. */
const catalogLanguage = (doc: PDFDocument) => (doc.catalog.lookup(PDFName.of('Lang'), PDFString) as PDFString).decodeText();

describe('publication PDF in the six UN languages', () => {
  it.each(SIX_INPUTS)('sets an input written in %s in a frame of its language', async (language, texts, mixedLine) => {
    const view = publicationView(publicInputIn(language, texts), [texts.file], 'https://inputs.example.org');
    // The frame follows the input's language.
    expect(view.locale).toBe(language);
    const bytes = await renderPublicationPdf(view, { now: new Date('2026-11-23T10:00:00Z') });
    const file = save(`publication-six-${language}`, bytes);

    const doc = await PDFDocument.load(bytes);
    expect(catalogLanguage(doc)).toBe(language);

    // Every font embedded, as a subset (the six-letter tag before its name), with the script's own font.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\b/);
    const names = fonts.map((l) => l.split(/\s+/)[0].slice(7));
    expect(names).toContain({ ar: 'NotoSansArabic-Regular', zh: 'NotoSansSC-Regular' }[language] ?? 'NotoSans-Regular');

    // The text in reading order: the frame's labels, the title, the summary, the body, the mixed line.
    const text = extract(file);
    const frame = PUBLICATION_TEXTS[language];
    for (const label of [frame.kind, frame.summary, frame.text, frame.cite]) expect(squeeze(text), label).toContain(squeeze(label));
    expect(squeeze(text)).toContain(squeeze(texts.title));
    expect(text).toContain(view.url);
    // (Arabic: from the fixture's second paragraph; poppler puts the vowel marks of a paragraph's tall first word on a line of their own.)
    const body = language === 'ar' ? texts.body.slice(texts.body.indexOf('القاهرة'), texts.body.indexOf('القاهرة') + 400) : texts.body;
    for (const shown of [texts.summary, body, mixedLine, texts.file]) {
      // Words, numbers and Latin names must come back in their logical order; where a line mixes
      // directions, poppler's own reordering moves punctuation next to a direction change (it gives
      // "لعام،2026" for "لعام 2026،"), so there only letters and digits are compared.
      if (/[\u0600-\u06FF]/.test(shown) && /[A-Za-z0-9]/.test(shown)) expect(lettersAndDigits(text)).toContain(lettersAndDigits(shown));
      else expect(squeeze(text)).toContain(squeeze(shown));
    }

    // The frame's lines start at the right margin in Arabic, even a Latin value such as the reference
    // (which alone would read left to right), and at the left margin in the other languages.
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    const reference = /xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">IMRF26-01\d\d</.exec(bbox);
    expect(reference).not.toBeNull();
    if (language === 'ar') expect(Number(reference![2])).toBeGreaterThan(595.28 - 50 - 1);
    else expect(Number(reference![1])).toBeLessThan(50 + 1);

    // Every page as an image, for a person to look at.
    execFileSync('pdftoppm', ['-r', '80', '-png', file, `${OUT}/publication-six-${language}`]);
  });

  it('never breaks a line at a no-break space (French typography, grouped digits)', async () => {
    const paragraph = 'Il faut créer un «\u00A0guichet unique\u00A0» d’information\u202F; il coûte 12\u202F345\u00A0€ par an\u202F!';
    const typesetter = await createTypesetter(await PDFDocument.create(), [paragraph], { compression: 'small' });
    let breaks = 0;
    // (From 80 points: narrower, "d’information\u202F;" alone is wider than the line and is cut between characters.)
    for (let width = 80; width <= 300; width += 3) {
      const lines = typesetter.layout(paragraph, { size: 10 }, width).map((l) => l.text);
      breaks += lines.length - 1;
      for (const line of lines.slice(1)) expect(line, `${width}: ${JSON.stringify(lines)}`).not.toMatch(/^[»;!€]|^345/);
      for (const line of lines) expect(line, `${width}: ${JSON.stringify(lines)}`).not.toMatch(/(«|12)$/);
    }
    // The paragraph did wrap, at its ordinary spaces.
    expect(breaks).toBeGreaterThan(15);
  });
});
