/**
 * The publication PDF of an accepted input: the public version (staff's redaction where there is
 * one) as the public record shows it, with the forum's header, the input's facts, its text in its
 * own direction, the published files' names, how to cite it, and page numbers. The frame (labels)
 * is in `locale`; the input's own text keeps its language. Pure except for reading the bundled fonts.
 */
import { PDFDocument } from 'pdf-lib';
import { PageFlow } from './page-flow';
import { publicationText, type PublicationTextKey } from './publication-i18n';
import { createTypesetter } from './text-layout';

export interface PublicationView {
  /** Language of the frame; 'ar' gives a right-to-left frame. */
  locale: string;
  reference: string;
  forumName: string;
  title: string;
  summary: string;
  body: string;
  /** ISO 639-1 code of the language the input is written in (the document's language). */
  language: string;
  /** Who the input is by, as far as the submitter consented, in words. */
  author: string;
  /** For the document's metadata: the consented name or organisation, if any. */
  metadataAuthor?: string;
  constituency: string;
  country: string;
  region: string;
  languageName: string;
  objectives: string[];
  principles: string[];
  publishedOn: string;
  attachments: string[];
  citation: string;
  url: string;
}

const GREY: [number, number, number] = [0.35, 0.38, 0.42];
const BRAND: [number, number, number] = [0, 0.33, 0.55];

export async function renderPublicationPdf(view: PublicationView, opts: { now?: Date } = {}): Promise<Uint8Array> {
  const t = (key: PublicationTextKey) => publicationText(view.locale, key);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${view.title} (${view.reference})`, { showInWindowTitleBar: true });
  if (view.metadataAuthor) pdf.setAuthor(view.metadataAuthor);
  pdf.setSubject(`${t('kind')} ${view.reference} · ${view.forumName}`);
  pdf.setKeywords([view.reference, ...view.objectives]);
  pdf.setLanguage(view.language);
  pdf.setProducer('GCM Review Inputs');
  pdf.setCreator('GCM Review Inputs');
  const now = opts.now ?? new Date();
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);

  const facts: Array<[string, string]> = [
    [t('reference'), view.reference],
    [t('by'), view.author],
    [t('constituency'), view.constituency],
    [t('country'), `${view.country} · ${view.region}`],
    [t('language'), view.languageName],
    [t('objectives'), view.objectives.join('\n')],
    ...(view.principles.length ? [[t('principles'), view.principles.join('\n')] as [string, string]] : []),
    [t('published'), view.publishedOn],
  ];
  const allText = [
    view.forumName, view.title, view.summary, view.body, view.citation, view.url, ...view.attachments, ...facts.flat(),
    ...(Object.keys({ kind: 0, summary: 0, text: 0, attachments: 0, cite: 0, source: 0, page: 0 }) as PublicationTextKey[]).map(t),
  ];
  const typesetter = await createTypesetter(pdf, allText, { compression: 'small' });
  const flow = new PageFlow(pdf, typesetter, view.locale === 'ar');

  flow.write(view.forumName, { size: 10, align: 'start', color: BRAND });
  flow.write(t('kind'), { size: 9, align: 'start', color: GREY });
  // The title and texts follow their own direction (an Arabic input in an English frame reads right to left).
  flow.write(view.title, { size: 17, align: 'paragraph', spaceBefore: 6 });
  flow.rule();
  for (const [label, value] of facts) {
    flow.write(label, { size: 8.5, align: 'start', color: GREY, spaceBefore: 3, keepWithNext: 10 * 1.75 });
    flow.write(value, { size: 10, align: 'start' });
  }
  flow.rule();
  flow.write(t('summary'), { size: 13, align: 'start', color: BRAND, spaceBefore: 6, keepWithNext: 2 * 10.5 * 1.75 });
  flow.write(view.summary, { size: 10.5, align: 'paragraph' });
  flow.write(t('text'), { size: 13, align: 'start', color: BRAND, spaceBefore: 10, keepWithNext: 2 * 10.5 * 1.75 });
  flow.write(view.body, { size: 10.5, align: 'paragraph' });
  if (view.attachments.length > 0) {
    flow.write(t('attachments'), { size: 11, align: 'start', color: BRAND, spaceBefore: 10, keepWithNext: 10 * 1.75 });
    // One name per line: a Latin file name beside Arabic words would be reordered.
    for (const name of view.attachments) flow.write(name, { size: 10, align: 'start' });
  }
  flow.rule();
  flow.write(t('cite'), { size: 9, align: 'start', color: GREY, spaceBefore: 6, keepWithNext: 10 * 1.75 });
  flow.write(view.citation, { size: 10, align: 'start' });
  flow.write(t('source'), { size: 9, align: 'start', color: GREY, spaceBefore: 6, keepWithNext: 9.5 * 1.75 });
  flow.write(view.url, { size: 9.5, align: 'start' });
  flow.numberPages(t('page'));
  typesetter.finish();
  return pdf.save({ useObjectStreams: false });
}
