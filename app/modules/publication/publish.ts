import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { submissions } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';

/**
 * Makes an accepted submission public. The database refuses publication of anything not accepted
 * (check constraint), so this cannot publish a pending or rejected input even if misused.
 */
export async function publishSubmission(tx: Tx, submissionId: string, actor: { staffId?: string }): Promise<boolean> {
  const rows = await tx
    .update(submissions)
    .set({ publishedAt: new Date() })
    .where(and(eq(submissions.id, submissionId), eq(submissions.decision, 'accepted'), isNull(submissions.publishedAt)))
    .returning({ id: submissions.id });
  if (rows.length === 0) return false;
  await recordAudit(tx, {
    actorKind: actor.staffId ? 'staff' : 'system',
    actorStaffId: actor.staffId,
    submissionId,
    action: 'submission.published',
  });
  return true;
}
