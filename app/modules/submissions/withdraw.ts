import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { submissions } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';

/**
 * The submitter takes the input back before any decision. Guarded like a decision: once staff
 * have decided (or it was already withdrawn) nothing changes.
 */
export async function withdrawSubmission(db: Db, submissionId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(submissions)
      .set({ withdrawnAt: new Date(), version: sql`${submissions.version} + 1` })
      .where(and(eq(submissions.id, submissionId), eq(submissions.decision, 'pending'), isNull(submissions.withdrawnAt)))
      .returning({ id: submissions.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, { actorKind: 'submitter', submissionId, action: 'submission.withdrawn' });
    return true;
  });
}
