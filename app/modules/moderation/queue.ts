import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client';
import { auditEvents, emailDeliveries, forums, outbox, staffNotes, staffUsers, submissions, submissionVersions } from '../../../db/schema';
import { attachmentsOf } from '../attachments/held-attachments';
import { liveClaimant, liveClaimantJoin } from './moderation-queue';
import { EMAIL_JOB_KINDS } from '../../../workers/queues';
import { similarInputsOf } from './similar-inputs';

const original = alias(submissions, 'original');

/**
 * Everything staff need to decide: the submission, its audit timeline (with who did what), the
 * e-mails sent and those that failed, earlier versions, internal notes and attached files.
 */
export async function loadSubmissionForReview(db: Db, id: string) {
  const [row] = await db
    .select({
      submission: submissions,
      forumName: forums.name,
      forumSlug: forums.slug,
      forumTimeZone: forums.timeZone,
      forumClosesAt: forums.closesAt,
      claimantName: liveClaimant.displayName,
      originalReference: original.reference,
      originalId: original.id,
    })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .leftJoin(liveClaimant, liveClaimantJoin)
    .leftJoin(original, eq(original.id, submissions.duplicateOf))
    .where(eq(submissions.id, id));
  if (!row) return undefined;
  const [audit, deliveries, failures, versions, notes, files, similar] = await Promise.all([
    db
      .select({ event: auditEvents, actorName: staffUsers.displayName })
      .from(auditEvents)
      .leftJoin(staffUsers, eq(staffUsers.id, auditEvents.actorStaffId))
      .where(eq(auditEvents.submissionId, id))
      .orderBy(desc(auditEvents.id)),
    db.select().from(emailDeliveries).where(eq(emailDeliveries.submissionId, id)).orderBy(asc(emailDeliveries.id)),
    db
      .select({ id: outbox.id, kind: outbox.kind, failedAt: outbox.failedAt, heldAt: outbox.heldAt, lastError: outbox.lastError })
      .from(outbox)
      .where(and(eq(outbox.submissionId, id), or(isNotNull(outbox.failedAt), and(isNotNull(outbox.heldAt), isNull(outbox.doneAt))), inArray(outbox.kind, EMAIL_JOB_KINDS)))
      .orderBy(asc(outbox.id)),
    db.select().from(submissionVersions).where(eq(submissionVersions.submissionId, id)).orderBy(desc(submissionVersions.number)),
    db
      .select({ note: staffNotes, author: staffUsers.displayName })
      .from(staffNotes)
      .innerJoin(staffUsers, eq(staffUsers.id, staffNotes.staffId))
      .where(eq(staffNotes.submissionId, id))
      .orderBy(asc(staffNotes.id)),
    attachmentsOf(db, id),
    similarInputsOf(db, id),
  ]);
  return { ...row, audit, deliveries, failures, versions, notes, attachments: files, similar };
}

/** An input's audit rows after the one with `afterId`, oldest first, with who did what. */
export async function auditSince(db: Db, submissionId: string, afterId: number) {
  return db
    .select({ event: auditEvents, actorName: staffUsers.displayName })
    .from(auditEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, auditEvents.actorStaffId))
    .where(and(eq(auditEvents.submissionId, submissionId), gt(auditEvents.id, afterId)))
    .orderBy(asc(auditEvents.id));
}

/** The id of the input with this reference in the same forum as another, if any. */
export async function findInputInSameForum(db: Db, submissionId: string, reference: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(eq(submissions.reference, reference), sql`${submissions.forumId} = (select forum_id from submissions s where s.id = ${submissionId})`));
  return row?.id;
}

/** The forum a submission belongs to, for authorising staff before anything else is read. */
export async function submissionForumId(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ forumId: submissions.forumId }).from(submissions).where(eq(submissions.id, id));
  return row?.forumId;
}
