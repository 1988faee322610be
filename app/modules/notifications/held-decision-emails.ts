/**
 * Decision e-mails a forum holds for review (forums.holdDecisionEmails): they wait in the outbox
 * with `heldAt` set, and the relay skips them, until an admin releases them together, for example
 * once every input of the call has been decided. Releasing only clears `heldAt` and wakes the
 * relay; what each e-mail says is read from the submission when it is sent.
 */
import { and, asc, count, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { forums, outbox, submissions } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { OUTBOX_CHANNEL } from '../outbox/add-outbox';

const heldIn = (forumId: string) =>
  and(isNotNull(outbox.heldAt), isNull(outbox.doneAt), isNull(outbox.failedAt), eq(submissions.forumId, forumId));

/**
 * Whether decision e-mails about this input wait for release: its forum holds them. Read in the
 * transaction that records the decision or withdrawal from publication.
 */
export async function holdsDecisionEmails(tx: Tx, submissionId: string): Promise<boolean> {
  const [row] = await tx
    .select({ hold: forums.holdDecisionEmails })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .where(eq(submissions.id, submissionId));
  return row?.hold ?? false;
}

/** The held e-mails of a forum, oldest first: which input and which decision. */
export async function listHeldDecisionEmails(db: Db, forumId: string, limit = 200) {
  const [rows, [total]] = await Promise.all([
    db
      .select({ id: outbox.id, heldAt: outbox.heldAt, submissionId: submissions.id, reference: submissions.reference, decision: submissions.decision })
      .from(outbox)
      .innerJoin(submissions, eq(submissions.id, outbox.submissionId))
      .where(heldIn(forumId))
      .orderBy(asc(outbox.id))
      .limit(limit),
    db.select({ n: count() }).from(outbox).innerJoin(submissions, eq(submissions.id, outbox.submissionId)).where(heldIn(forumId)),
  ]);
  return { rows: rows.map((r) => ({ ...r, heldAt: r.heldAt! })), total: total?.n ?? 0 };
}

/**
 * Releases the forum's held e-mails up to the outbox id `upTo` (the last one the admin was shown:
 * e-mails held after the page was read wait for the next release); returns how many. Audited.
 */
export async function releaseHeldDecisionEmails(db: Db, args: { forumId: string; staffId: string; upTo: number }): Promise<number> {
  return db.transaction(async (tx) => {
    const held = tx
      .select({ id: outbox.id })
      .from(outbox)
      .innerJoin(submissions, eq(submissions.id, outbox.submissionId))
      .where(and(heldIn(args.forumId), lte(outbox.id, args.upTo)));
    const released = await tx.update(outbox).set({ heldAt: null }).where(inArray(outbox.id, held)).returning({ id: outbox.id });
    if (released.length === 0) return 0;
    await recordAudit(tx, { actorKind: 'staff', actorStaffId: args.staffId, forumId: args.forumId, action: 'forum.decision_emails_released', details: { count: released.length } });
    // One wake-up is enough: the relay takes every due row in batches.
    await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, 'released')`);
    return released.length;
  });
}
