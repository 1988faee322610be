import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditEvents, emailDeliveries, forums, submissions } from '../../../db/schema';
import { attachmentsOf } from '../attachments/held-attachments';

/**
 * Pending submissions whose submitter confirmed the address, oldest first: the order in which
 * the secretariat owes an answer.
 */
export async function listPendingSubmissions(db: Db, limit = 100) {
  return db
    .select({
      id: submissions.id,
      reference: submissions.reference,
      title: submissions.title,
      language: submissions.language,
      constituency: submissions.constituency,
      receivedAt: submissions.receivedAt,
      forumName: forums.name,
    })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .where(and(eq(submissions.decision, 'pending'), isNull(submissions.withdrawnAt), isNotNull(submissions.emailConfirmedAt)))
    .orderBy(asc(submissions.receivedAt))
    .limit(limit);
}

/** Everything staff need to decide: the submission, its audit timeline and e-mails sent. */
export async function loadSubmissionForReview(db: Db, id: string) {
  const [row] = await db
    .select({ submission: submissions, forumName: forums.name, forumSlug: forums.slug })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .where(eq(submissions.id, id));
  if (!row) return undefined;
  const [audit, deliveries, files] = await Promise.all([
    db.select().from(auditEvents).where(eq(auditEvents.submissionId, id)).orderBy(desc(auditEvents.id)),
    db.select().from(emailDeliveries).where(eq(emailDeliveries.submissionId, id)).orderBy(asc(emailDeliveries.id)),
    attachmentsOf(db, id),
  ]);
  return { ...row, audit, deliveries, attachments: files };
}
