import { desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { auditEvents, forums, submissions } from '../../../db/schema';

/**
 * The audit of one staff member: what they did (every decision, setting and account change) and
 * what admins did to their account, newest first.
 */
export async function staffActivity(db: Db, staffId: string, limit = 200) {
  return db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      actorStaffId: auditEvents.actorStaffId,
      details: auditEvents.details,
      submissionId: auditEvents.submissionId,
      reference: submissions.reference,
      forumName: forums.name,
    })
    .from(auditEvents)
    .leftJoin(submissions, eq(submissions.id, auditEvents.submissionId))
    .leftJoin(forums, eq(forums.id, auditEvents.forumId))
    .where(or(eq(auditEvents.actorStaffId, staffId), sql`${auditEvents.details}->>'staffId' = ${staffId}`))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
