/**
 * Publication of accepted inputs: at once, at a scheduled instant (the worker publishes due ones),
 * withdrawn from publication with a reason, and published again. The database refuses publication
 * of anything not accepted (check constraint), so these cannot publish a pending or rejected input
 * even if misused. Every change is audited.
 */
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { submissions } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { addOutbox } from '../outbox/add-outbox';
import { holdsDecisionEmails } from '../notifications/held-decision-emails';
import { retireBooks } from './retire-books';

type Actor = { staffId?: string };

function actorOf(actor: Actor) {
  return { actorKind: actor.staffId ? ('staff' as const) : ('system' as const), actorStaffId: actor.staffId };
}

/** Publishable: accepted, not yet public, not withdrawn by the submitter. */
const publishable = () => and(eq(submissions.decision, 'accepted'), isNull(submissions.publishedAt), isNull(submissions.withdrawnAt));

/** Makes an accepted submission public now (also ends a schedule or an earlier withdrawal from publication). */
export async function publishSubmission(tx: Tx, submissionId: string, actor: Actor): Promise<boolean> {
  const rows = await tx
    .update(submissions)
    .set({ publishedAt: new Date(), publishAt: null, unpublishedAt: null, unpublishReason: null })
    .where(and(eq(submissions.id, submissionId), publishable()))
    .returning({ id: submissions.id });
  if (rows.length === 0) return false;
  await recordAudit(tx, { ...actorOf(actor), submissionId, action: 'submission.published' });
  await addOutbox(tx, 'render-publication', { submissionId }, {});
  return true;
}

/** Sets (or moves) the instant an accepted, unpublished input becomes public. */
export async function schedulePublication(tx: Tx, submissionId: string, at: Date, actor: Actor): Promise<boolean> {
  const [before] = await tx.select({ publishAt: submissions.publishAt }).from(submissions).where(eq(submissions.id, submissionId));
  const rows = await tx
    .update(submissions)
    .set({ publishAt: at })
    .where(and(eq(submissions.id, submissionId), publishable()))
    .returning({ id: submissions.id });
  if (rows.length === 0) return false;
  await recordAudit(tx, {
    ...actorOf(actor),
    submissionId,
    action: 'submission.publication_scheduled',
    details: { from: before?.publishAt?.toISOString() ?? null, to: at.toISOString() },
  });
  return true;
}

/**
 * Publishes every input whose scheduled instant has come; returns how many. Run by the worker
 * every few seconds. Rows locked by a moderator's transaction are left for the next round.
 */
export async function publishDue(db: Db, now = new Date(), batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const published = await db.transaction(async (tx) => {
      const rows = await tx.execute<{ id: string }>(sql`
        update submissions set published_at = publish_at, publish_at = null, unpublished_at = null, unpublish_reason = null
        where id in (
          select id from submissions
          where publish_at <= ${now.toISOString()}::timestamptz and published_at is null and decision = 'accepted' and withdrawn_at is null
          limit ${batch} for update skip locked
        )
        returning id`);
      for (const row of rows) {
        await recordAudit(tx, { actorKind: 'system', submissionId: row.id, action: 'submission.published', details: { scheduled: true } });
        await addOutbox(tx, 'render-publication', { submissionId: row.id }, {});
      }
      return rows.length;
    });
    total += published;
    if (published < batch) return total;
  }
}

export type UnpublishResult = 'unpublished' | 'not_published';

/**
 * Withdraws a published input from publication. The public page then says so (with the date, not
 * the reason); the reason is audited and e-mailed to the submitter.
 */
export async function unpublishSubmission(db: Db, args: { submissionId: string; staffId: string; reason: string }): Promise<UnpublishResult> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(submissions)
      .set({ publishedAt: null, publishAt: null, unpublishedAt: new Date(), unpublishReason: args.reason })
      .where(and(eq(submissions.id, args.submissionId), isNotNull(submissions.publishedAt)))
      .returning({ id: submissions.id, forumId: submissions.forumId });
    if (rows.length === 0) return 'not_published';
    await recordAudit(tx, { actorKind: 'staff', actorStaffId: args.staffId, submissionId: args.submissionId, action: 'submission.unpublished', details: { reason: args.reason } });
    await addOutbox(tx, 'decision-email', { submissionId: args.submissionId }, { decision: 'unpublished' }, { held: await holdsDecisionEmails(tx, args.submissionId) });
    // Its publication PDF goes with it, and so do the books of inputs that hold it.
    await addOutbox(tx, 'render-publication', { submissionId: args.submissionId }, {});
    await retireBooks(tx, { forumId: rows[0].forumId, submissionId: args.submissionId });
    return 'unpublished';
  });
}
