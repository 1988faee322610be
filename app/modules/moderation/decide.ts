/**
 * A moderator's decision on a pending submission. Guarded twice: the UPDATE names the version the
 * moderator saw and requires the submission still pending, so a decision is applied at most once
 * and a concurrent one is refused rather than overwritten.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { statusLinks, submissions } from '../../../db/schema';
import { newStatusToken } from '../submissions/status-token';
import { recordAudit } from '../audit/record-audit';
import { addOutbox } from '../outbox/add-outbox';
import { publishSubmission } from '../publication/publish';

export type DecisionRequest =
  | { decision: 'accepted' }
  | { decision: 'rejected'; reason: string }
  /** The message says what to change; the submitter edits through a status link. */
  | { decision: 'changes_requested'; reason: string };

export type DecideResult = { ok: true } | { ok: false; reason: 'stale' | 'not_found' };

export async function decide(
  db: Db,
  args: { submissionId: string; expectedVersion: number; staffId: string; request: DecisionRequest },
): Promise<DecideResult> {
  const { submissionId, expectedVersion, staffId, request } = args;
  const reason = request.decision === 'accepted' ? null : request.reason;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(submissions)
      .set({
        decision: request.decision,
        decisionReason: reason,
        decidedAt: new Date(),
        decidedBy: staffId,
        version: sql`${submissions.version} + 1`,
      })
      .where(
        and(
          eq(submissions.id, submissionId),
          eq(submissions.version, expectedVersion),
          eq(submissions.decision, 'pending'),
          isNull(submissions.withdrawnAt),
          // Unconfirmed inputs never reach moderators (the database refuses it too).
          isNotNull(submissions.emailConfirmedAt),
        ),
      )
      .returning({ id: submissions.id });
    if (updated.length === 0) {
      const [exists] = await tx.select({ id: submissions.id }).from(submissions).where(eq(submissions.id, submissionId));
      return { ok: false, reason: exists ? 'stale' : 'not_found' } as const;
    }
    await recordAudit(tx, {
      actorKind: 'staff',
      actorStaffId: staffId,
      submissionId,
      action: `decision.${request.decision}`,
      details: { from: 'pending', to: request.decision, ...(reason ? { reason } : {}) },
    });
    if (request.decision === 'accepted') await publishSubmission(tx, submissionId, { staffId });
    if (request.decision === 'changes_requested') {
      // The e-mail needs a link to edit with; raw tokens are never kept, so a new one is made.
      const link = newStatusToken();
      await tx.insert(statusLinks).values({ submissionId, tokenHash: link.hash });
      await addOutbox(tx, 'decision-email', { submissionId }, { decision: request.decision, statusToken: link.token });
    } else {
      await addOutbox(tx, 'decision-email', { submissionId }, { decision: request.decision });
    }
    return { ok: true } as const;
  });
}
