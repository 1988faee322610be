/**
 * Attached files on the public record: only of published inputs, only where the submitter
 * consented to their publication, and not withheld by staff (redaction). Like public-inputs,
 * every query filters on all three.
 */
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { attachments, submissions } from '../../../db/schema';
import { isReference } from '../submissions/reference';

const columns = {
  id: attachments.id,
  fileName: attachments.fileName,
  kind: attachments.kind,
  mediaType: attachments.mediaType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  storageKey: attachments.storageKey,
};

function published(reference: string) {
  return and(eq(submissions.reference, reference), isNotNull(submissions.publishedAt), eq(submissions.publishAttachments, true), isNull(attachments.withheldAt));
}

export async function listPublicAttachments(db: Db, reference: string) {
  if (!isReference(reference)) return [];
  return db
    .select(columns)
    .from(attachments)
    .innerJoin(submissions, eq(submissions.id, attachments.submissionId))
    .where(published(reference))
    .orderBy(asc(attachments.position), asc(attachments.createdAt));
}

export async function findPublicAttachment(db: Db, reference: string, attachmentId: string) {
  if (!isReference(reference)) return undefined;
  const [row] = await db
    .select(columns)
    .from(attachments)
    .innerJoin(submissions, eq(submissions.id, attachments.submissionId))
    .where(and(published(reference), eq(attachments.id, attachmentId)));
  return row;
}
