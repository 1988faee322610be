import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditEvents, emailDeliveries, forums, submissions } from '../../../db/schema';
import { attachmentsOf } from '../attachments/held-attachments';

/**
 * Pending submissions whose submitter confirmed the address, oldest first: the order in which
 * the secretariat owes an answer.
 */
export async function listPendingSubmissions(db: Db, forumScope: 'all' | string[], limit = 100) {
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
    .where(
      and(
        eq(submissions.decision, 'pending'),
        isNull(submissions.withdrawnAt),
        isNotNull(submissions.emailConfirmedAt),
        forumScope === 'all' ? undefined : inArray(submissions.forumId, forumScope.length ? forumScope : ['00000000-0000-0000-0000-000000000000']),
      ),
    )
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

/** The forum a submission belongs to, for authorising staff before anything else is read. */
export async function submissionForumId(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ forumId: submissions.forumId }).from(submissions).where(eq(submissions.id, id));
  return row?.forumId;
}
