/**
 * The publication PDF of each published input: rendered by the worker when an input is published
 * or its public version changes (job 'render-publication'), kept in publication_pdfs, and served
 * only while it matches what the input's public page shows (its basis). A request that finds no
 * current PDF (a forum renamed, a worker behind) renders it then, the same way.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { publicationPdfs, submissions } from '../../../db/schema';
import { renderPublicationPdf, type PublicationView } from '../../../templates/pdf/publication';
import { translator } from '../../i18n/translate';
import { constituencyLabel } from '../taxonomy/constituencies';
import { countryName } from '../taxonomy/countries';
import { isInterfaceLocale, languageName, pickLabel } from '../taxonomy/locales';
import { objectiveLabel } from '../taxonomy/objectives';
import { principleLabel } from '../taxonomy/principles';
import { regionLabel } from '../taxonomy/regions';
import { submitterTypeLabel } from '../taxonomy/submitter-types';
import { citationOf } from './citation';
import { listPublicAttachments } from './public-attachments';
import { findPublishedInput, type PublicInput } from './public-inputs';

/** The frame of an input's PDF (headings, labels) is in the input's own language. */
const frameLocale = (language: string) => (isInterfaceLocale(language) ? language : 'en');

/** Who an input is by, in words, as far as the submitter consented (as the public page says it). */
export function authorInWords(input: Pick<PublicInput, 'authorName' | 'authorOrganisation' | 'submitterType'>, locale: string): string {
  const t = translator(isInterfaceLocale(locale) ? locale : 'en');
  if (input.authorName && input.authorOrganisation) return t('input.nameAndOrganisation', { name: input.authorName, organisation: input.authorOrganisation });
  return input.authorName ?? input.authorOrganisation ?? t('input.nameWithheld', { type: submitterTypeLabel(input.submitterType, locale) });
}

export function publicationView(input: PublicInput, attachmentNames: string[], appUrl: string): PublicationView {
  const locale = frameLocale(input.language);
  const url = new URL(`/${locale}/inputs/${input.reference}`, appUrl).toString();
  const forumName = pickLabel(input.forumName, locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    locale,
    reference: input.reference,
    forumName,
    title: input.title,
    summary: input.summary,
    body: input.body,
    language: input.language,
    author: authorInWords(input, locale),
    metadataAuthor: input.authorOrganisation ?? input.authorName ?? undefined,
    constituency: constituencyLabel(input.constituency, locale),
    country: countryName(input.country, locale),
    region: regionLabel(input.region, locale),
    languageName: languageName(input.language, locale),
    objectives: input.objectives.map((o) => objectiveLabel(o, locale)),
    principles: input.principles.map((p) => principleLabel(p, locale)),
    publishedOn: date.format(input.publishedAt!),
    attachments: attachmentNames,
    citation: citationOf({ ...input, forumName, publishedAt: input.publishedAt! }, locale, url),
    url,
  };
}

/** Everything the PDF shows, as one fingerprint. */
const basisOf = (view: PublicationView) => createHash('sha256').update(JSON.stringify(view)).digest('hex');

async function currentView(db: Db, reference: string, appUrl: string) {
  const input = await findPublishedInput(db, reference);
  if (!input) return undefined;
  const files = await listPublicAttachments(db, reference);
  const view = publicationView(input, files.map((f) => f.fileName), appUrl);
  return { view, basis: basisOf(view) };
}

/**
 * The current publication PDF of a published input, rendered and stored first if the stored one
 * is missing or no longer matches (`rendered`); undefined when the input is not published.
 */
export async function currentPublicationPdf(db: Db, reference: string, appUrl: string): Promise<{ pdf: Buffer; rendered: boolean } | undefined> {
  const current = await currentView(db, reference, appUrl);
  if (!current) return undefined;
  const [row] = await db
    .select({ id: submissions.id, basis: publicationPdfs.basis, pdf: publicationPdfs.pdf })
    .from(submissions)
    .leftJoin(publicationPdfs, eq(publicationPdfs.submissionId, submissions.id))
    .where(eq(submissions.reference, reference));
  if (row.basis === current.basis && row.pdf) return { pdf: row.pdf, rendered: false };
  const pdf = Buffer.from(await renderPublicationPdf(current.view));
  await db
    .insert(publicationPdfs)
    .values({ submissionId: row.id, basis: current.basis, pdf })
    .onConflictDoUpdate({ target: publicationPdfs.submissionId, set: { basis: current.basis, pdf, renderedAt: new Date() } });
  return { pdf, rendered: true };
}

/**
 * Brings an input's stored PDF up to date (the worker's job): renders it if published and not
 * current, and deletes it once the input is no longer published.
 */
export async function refreshPublicationPdf(db: Db, submissionId: string, appUrl: string): Promise<'rendered' | 'current' | 'removed'> {
  const [row] = await db.select({ reference: submissions.reference }).from(submissions).where(eq(submissions.id, submissionId));
  const result = row ? await currentPublicationPdf(db, row.reference, appUrl) : undefined;
  if (result) return result.rendered ? 'rendered' : 'current';
  await db.delete(publicationPdfs).where(eq(publicationPdfs.submissionId, submissionId));
  return 'removed';
}
