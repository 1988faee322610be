/**
 * The receipt view: every submitted field, labelled in the submitter's language, values exactly as
 * received. Shared by the acknowledgement job and any page that offers the receipt again.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { receipts, submissions } from '../../../db/schema';
import { renderReceiptPdf, type ReceiptLocale, type ReceiptView } from '../../../templates/pdf/receipt';
import { constituencyLabel } from '../taxonomy/constituencies';
import { countryName } from '../taxonomy/countries';
import { languageName } from '../taxonomy/locales';
import { objectiveLabel } from '../taxonomy/objectives';
import { principleLabel } from '../taxonomy/principles';
import { regionLabel } from '../taxonomy/regions';
import { submitterTypeLabel } from '../taxonomy/submitter-types';
import { formatInZone, formatUtc } from '../time/format-instant';
import { receiptFieldLabel } from './receipt-labels';
import { fileSizeLabel } from '../attachments/file-size';
import type { SubmissionForMail } from './submission-facts';
import { crashPoint } from '../operations/crash-points';

export function receiptViewFor({ submission: s, forum, locale, forumName, attachments }: SubmissionForMail): ReceiptView {
  const label = (key: Parameters<typeof receiptFieldLabel>[1]) => receiptFieldLabel(locale, key);
  const published = [s.publishName ? label('publishName') : null, s.publishOrganisation ? label('publishOrganisation') : null].filter((x): x is string => x !== null);
  return {
    locale: locale as ReceiptLocale,
    reference: s.reference,
    forumName,
    // An edited input's receipt is for the edit: the content it lists was received then.
    receivedAtUtc: formatUtc(s.revisedAt ?? s.receivedAt),
    receivedAtForumTime: formatInZone(s.revisedAt ?? s.receivedAt, locale, forum.timeZone),
    fields: [
      { label: label('submitterType'), value: submitterTypeLabel(s.submitterType, locale) },
      { label: label('contactName'), value: s.contactName },
      { label: label('organisation'), value: s.organisation ?? '—' },
      { label: label('email'), value: s.email },
      { label: label('constituency'), value: constituencyLabel(s.constituency, locale) },
      { label: label('country'), value: countryName(s.country, locale) },
      { label: label('region'), value: regionLabel(s.region, locale) },
      { label: label('language'), value: languageName(s.language, locale) },
      { label: label('objectives'), value: s.objectives.map((o) => objectiveLabel(o, locale)).join('\n') },
      { label: label('principles'), value: s.principles.map((p) => principleLabel(p, locale)).join('\n') || label('none') },
      { label: label('publication'), value: published.length ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(published) : label('publishNeither') },
      { label: label('title'), value: s.title },
      { label: label('summary'), value: s.summary },
      { label: label('body'), value: s.body },
    ],
    contentSha256: s.contentSha256,
    attachments: attachments.map((a) => ({ name: a.fileName, size: fileSizeLabel(a.sizeBytes, locale), sha256: a.sha256 })),
  };
}

export function renderReceiptFor(facts: SubmissionForMail): Promise<Uint8Array> {
  return renderReceiptPdf(receiptViewFor(facts));
}

/**
 * The receipt of the submission's current content: rendered the first time it is needed and
 * stored, then always the same bytes (the e-mail's attachment and every later download).
 * Undefined when the personal data was erased (or the input expired) meanwhile: a receipt prints
 * the contact data, so none may be stored after erasure, even by a job that loaded it before.
 */
export async function storedReceiptFor(db: Db, facts: SubmissionForMail): Promise<Buffer | undefined> {
  const key = and(eq(receipts.submissionId, facts.submission.id), eq(receipts.contentSha256, facts.submission.contentSha256));
  const [found] = await db.select({ pdf: receipts.pdf }).from(receipts).where(key);
  if (found) return found.pdf;
  const pdf = Buffer.from(await renderReceiptFor(facts));
  return db.transaction(async (tx) => {
    // A share lock: an erasure waits for this transaction, or this one sees it and stores nothing.
    const [live] = await tx
      .select({ id: submissions.id })
      .from(submissions)
      .where(and(eq(submissions.id, facts.submission.id), isNull(submissions.personalDataErasedAt), isNull(submissions.expiredAt)))
      .for('share');
    if (!live) return undefined;
    // Two renderers at once (a download while the worker sends): the first stored wins for both.
    await tx.insert(receipts).values({ submissionId: facts.submission.id, contentSha256: facts.submission.contentSha256, pdf }).onConflictDoNothing();
    crashPoint('receipt-mid-write');
    const [stored] = await tx.select({ pdf: receipts.pdf }).from(receipts).where(key);
    return stored.pdf;
  });
}
