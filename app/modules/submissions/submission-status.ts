/**
 * What a status link shows its holder: the submission's stage, the e-mails sent and any that
 * could not be delivered. Found only by the hash of the token, never by id or reference.
 */
import { and, asc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { emailDeliveries, forums, outbox, statusLinks, submissions } from '../../../db/schema';
import { hashStatusToken } from './status-token';
import { EMAIL_JOB_KINDS } from '../../../workers/queues';

export async function findByStatusToken(db: Db, token: string) {
  const [row] = await db
    .select({ submission: submissions, forum: forums })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .where(
      or(
        eq(submissions.statusTokenHash, hashStatusToken(token)),
        inArray(submissions.id, db.select({ id: statusLinks.submissionId }).from(statusLinks).where(eq(statusLinks.tokenHash, hashStatusToken(token)))),
      ),
    );
  if (!row) return undefined;
  const [sent, failed, held] = await Promise.all([
    db
      .select({ kind: emailDeliveries.kind, sentAt: emailDeliveries.sentAt })
      .from(emailDeliveries)
      .where(eq(emailDeliveries.submissionId, row.submission.id))
      .orderBy(asc(emailDeliveries.sentAt)),
    db
      .select({ kind: outbox.kind, failedAt: outbox.failedAt })
      .from(outbox)
      .where(and(eq(outbox.submissionId, row.submission.id), isNotNull(outbox.failedAt), inArray(outbox.kind, EMAIL_JOB_KINDS))),
    db
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.submissionId, row.submission.id), eq(outbox.kind, 'decision-email'), isNotNull(outbox.heldAt), isNull(outbox.doneAt)))
      .limit(1),
  ]);
  // A forum holding decision e-mails holds the decision itself back from the submitter until the
  // e-mail is released (an accepted input already public is public, held or not).
  const decisionHeld = held.length > 0 && !row.submission.publishedAt;
  return { ...row, sent, failed, decisionHeld };
}
