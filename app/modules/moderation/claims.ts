/**
 * Claims: a moderator takes an input to work on it, so two people do not read and decide the same
 * one. A claim lasts CLAIM_MS and can be renewed; an expired claim is no claim. Deciding is
 * refused to others while it lasts (decide.ts) and ends it.
 */
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { submissions } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';

export const CLAIM_MS = 30 * 60 * 1000;

export async function claimSubmission(db: Db, args: { submissionId: string; staffId: string }): Promise<{ ok: boolean }> {
  return db.transaction(async (tx) => {
    const claimedUntil = new Date(Date.now() + CLAIM_MS);
    const rows = await tx
      .update(submissions)
      .set({ claimedBy: args.staffId, claimedUntil })
      .where(
        and(
          eq(submissions.id, args.submissionId),
          eq(submissions.decision, 'pending'),
          or(isNull(submissions.claimedBy), eq(submissions.claimedBy, args.staffId), lte(submissions.claimedUntil, sql`now()`)),
        ),
      )
      .returning({ id: submissions.id });
    if (rows.length === 0) return { ok: false };
    await recordAudit(tx, { actorKind: 'staff', actorStaffId: args.staffId, submissionId: args.submissionId, action: 'claim.taken', details: { until: claimedUntil.toISOString() } });
    return { ok: true };
  });
}

/** Ends a claim: one's own, or anyone's for an admin (someone went home with inputs claimed). */
export async function releaseClaim(db: Db, args: { submissionId: string; staffId: string; anyone: boolean }): Promise<{ ok: boolean }> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(submissions)
      .set({ claimedBy: null, claimedUntil: null })
      .where(and(eq(submissions.id, args.submissionId), args.anyone ? sql`${submissions.claimedBy} is not null` : eq(submissions.claimedBy, args.staffId)))
      .returning({ id: submissions.id });
    if (rows.length === 0) return { ok: false };
    await recordAudit(tx, { actorKind: 'staff', actorStaffId: args.staffId, submissionId: args.submissionId, action: 'claim.released' });
    return { ok: true };
  });
}
