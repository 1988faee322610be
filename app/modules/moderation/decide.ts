/**
 * A moderator's decision on a pending submission. Guarded in the UPDATE itself: it names the
 * version the moderator saw, requires the submission still pending, confirmed and not withdrawn,
 * and not claimed by someone else. So a decision is applied at most once, and a concurrent one is
 * refused rather than overwritten; the caller then shows what changed (audit rows after the last
 * one the moderator saw) and lets them decide again.
 */
import { and, eq, gt, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { staffUsers, submissions, type RejectionCategory } from '../../../db/schema';
import { issueStatusLink } from '../submissions/status-token';
import { recordAudit } from '../audit/record-audit';
import { addOutbox } from '../outbox/add-outbox';
import { publishSubmission, schedulePublication } from '../publication/publish';
import { holdsDecisionEmails } from '../notifications/held-decision-emails';

export type DecisionRequest =
  /** Published at once, or at `publishAt` (e.g. all together when the call closes). */
  | { decision: 'accepted'; publishAt?: Date }
  /** The reason goes to the submitter; the category is counted in the public ledger. */
  | { decision: 'rejected'; category: RejectionCategory; reason: string }
  /** The message says what to change; the submitter edits through a status link. */
  | { decision: 'changes_requested'; reason: string }
  /** The same input (or campaign text) as another, which stands for both. */
  | { decision: 'duplicate'; duplicateOf: string }
  /** Not an input at all: no e-mail is sent. */
  | { decision: 'spam' };

export type DecideResult =
  | { ok: true }
  | { ok: false; reason: 'stale' | 'not_found' | 'invalid_original' }
  | { ok: false; reason: 'claimed'; claimedBy: string };

export async function decide(
  db: Db,
  args: { submissionId: string; expectedVersion: number; staffId: string; request: DecisionRequest },
): Promise<DecideResult> {
  const { submissionId, expectedVersion, staffId, request } = args;
  const reason = request.decision === 'rejected' || request.decision === 'changes_requested' ? request.reason : null;
  return db.transaction(async (tx) => {
    if (request.decision === 'duplicate' && !(await isValidOriginal(tx, submissionId, request.duplicateOf))) {
      return { ok: false, reason: 'invalid_original' } as const;
    }
    const updated = await tx
      .update(submissions)
      .set({
        decision: request.decision,
        decisionReason: reason,
        rejectionCategory: request.decision === 'rejected' ? request.category : null,
        duplicateOf: request.decision === 'duplicate' ? request.duplicateOf : null,
        decidedAt: new Date(),
        decidedBy: staffId,
        claimedBy: null,
        claimedUntil: null,
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
          or(isNull(submissions.claimedBy), eq(submissions.claimedBy, staffId), lte(submissions.claimedUntil, sql`now()`)),
        ),
      )
      .returning({ id: submissions.id });
    if (updated.length === 0) return whyRefused(tx, submissionId, staffId);
    await recordAudit(tx, {
      actorKind: 'staff',
      actorStaffId: staffId,
      submissionId,
      action: `decision.${request.decision}`,
      details: {
        from: 'pending',
        to: request.decision,
        ...(reason ? { reason } : {}),
        ...(request.decision === 'rejected' ? { category: request.category } : {}),
        ...(request.decision === 'duplicate' ? { duplicateOf: request.duplicateOf } : {}),
      },
    });
    if (request.decision === 'accepted') {
      if (request.publishAt) await schedulePublication(tx, submissionId, request.publishAt, { staffId });
      else await publishSubmission(tx, submissionId, { staffId });
    }
    // A forum may hold decision e-mails until an admin releases them (held-decision-emails.ts).
    const held = await holdsDecisionEmails(tx, submissionId);
    if (request.decision === 'changes_requested') {
      // The e-mail needs a link to edit with; raw tokens are never kept, so a new one is made.
      const statusToken = await issueStatusLink(tx, submissionId);
      await addOutbox(tx, 'decision-email', { submissionId }, { decision: request.decision, statusToken }, { held });
    } else if (request.decision !== 'spam') {
      await addOutbox(tx, 'decision-email', { submissionId }, { decision: request.decision }, { held });
    }
    return { ok: true } as const;
  });
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];


/** A duplicate must point at another input of the same forum that is not itself a duplicate. */
async function isValidOriginal(tx: Tx, submissionId: string, originalId: string): Promise<boolean> {
  if (originalId === submissionId) return false;
  const rows = await tx
    .select({ id: submissions.id })
    .from(submissions)
    .where(
      and(
        eq(submissions.id, originalId),
        sql`${submissions.forumId} = (select forum_id from submissions s where s.id = ${submissionId})`,
        sql`${submissions.decision} <> 'duplicate'`,
      ),
    );
  return rows.length === 1;
}

async function whyRefused(tx: Tx, submissionId: string, staffId: string): Promise<DecideResult> {
  const [row] = await tx
    .select({ claimant: staffUsers.displayName, decision: submissions.decision })
    .from(submissions)
    .leftJoin(staffUsers, and(eq(staffUsers.id, submissions.claimedBy), gt(submissions.claimedUntil, sql`now()`), sql`${submissions.claimedBy} <> ${staffId}`))
    .where(eq(submissions.id, submissionId));
  if (!row) return { ok: false, reason: 'not_found' };
  if (row.claimant && row.decision === 'pending') return { ok: false, reason: 'claimed', claimedBy: row.claimant };
  return { ok: false, reason: 'stale' };
}
