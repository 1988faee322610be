/**
 * E-mail confirmation: an input reaches moderators, and its submitter gets the receipt, only once
 * the submitter has shown the address is theirs by using the status link mailed to it. Inputs
 * never confirmed are expired: their personal data and text are erased, the row and its audit
 * trail stay (the audit log is append-only).
 */
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { outbox, submissions } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { addOutbox } from '../outbox/add-outbox';
import { unlinkedDigestFields, unlinkVersionDigests } from './unlink-digest';

export const UNCONFIRMED_EXPIRY_DAYS = 7;

/**
 * Confirms the address of one submission, once. The status token (from the link just used) goes
 * into the acknowledgement's outbox row so that e-mail can carry the link again.
 */
export async function confirmEmail(db: Db, submissionId: string, statusToken: string, now = new Date()): Promise<'confirmed' | 'unchanged'> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(submissions)
      .set({ emailConfirmedAt: now })
      .where(and(eq(submissions.id, submissionId), isNull(submissions.emailConfirmedAt), isNull(submissions.expiredAt), isNull(submissions.withdrawnAt)))
      .returning({ id: submissions.id });
    if (rows.length === 0) return 'unchanged';
    await recordAudit(tx, { actorKind: 'submitter', submissionId, action: 'email.confirmed' });
    await addOutbox(tx, 'acknowledge', { submissionId }, { statusToken });
    await addOutbox(tx, 'find-similar', { submissionId }, {});
    return 'confirmed';
  });
}

/** Erases inputs whose address was never confirmed within the expiry window; returns how many. */
export async function expireUnconfirmed(db: Db, now = new Date(), batch = 500): Promise<number> {
  const cutoff = new Date(now.getTime() - UNCONFIRMED_EXPIRY_DAYS * 24 * 3600 * 1000);
  let total = 0;
  // Bounded transactions: a backlog (a bot run that was never confirmed) never holds thousands of
  // row locks at once; locked rows are left for the next round rather than waited for.
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const due = await tx
        .select({ id: submissions.id })
        .from(submissions)
        .where(and(isNull(submissions.emailConfirmedAt), isNull(submissions.expiredAt), lt(submissions.receivedAt, cutoff)))
        .limit(batch)
        .for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      const ids = due.map((d) => d.id);
      await tx
        .update(submissions)
        .set({
          expiredAt: now,
          contactName: '',
          email: '',
          organisation: null,
          title: '',
          summary: '',
          body: '',
          publishName: false,
          publishOrganisation: false,
          ...unlinkedDigestFields,
        })
        .where(inArray(submissions.id, ids));
      await unlinkVersionDigests(tx, ids);
      // The confirmation request may still be retrying: it must not go to an erased address.
      await tx
        .update(outbox)
        .set({ doneAt: now, payload: {}, lastError: 'cancelled: input expired unconfirmed' })
        .where(and(inArray(outbox.submissionId, ids), isNull(outbox.doneAt), isNull(outbox.failedAt)));
      for (const id of ids) {
        await recordAudit(tx, { actorKind: 'system', submissionId: id, action: 'submission.expired', details: { reason: 'email_not_confirmed' } });
      }
      return ids.length;
    });
    total += count;
    if (count < batch) return total;
  }
}
