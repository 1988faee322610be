/**
 * Sends one e-mail for one outbox row and records it. The delivery row and the outbox row's
 * completion commit together, so a retried job finds the row done and never sends twice. The only
 * window for a duplicate is a crash between the SMTP server's "250" and that commit; the resend
 * then carries the same Message-ID, so mail systems and people can recognise it.
 *
 * A job loads its data, renders and only then sends: the submitter may erase their data (or the
 * input expire, the draft end, or a staff account be disabled) meanwhile. The row and its subject are looked at again just
 * before sending, so nothing goes to an address asked to be forgotten. What is left is an erasure
 * committing while the SMTP exchange is under way: that message was sent and is recorded, and the
 * row keeps the erasure's cancellation (holding a database lock across SMTP instead would let one
 * slow mail server stall erasures and exhaust the worker's connections).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { drafts, emailDeliveries, outbox, staffUsers, submissions, type OutboxRow } from '../db/schema';
import type { OutgoingMail } from '../app/modules/notifications/outgoing-mail';
import type { WorkerDeps } from './worker-deps';
import { crashPoint } from '../app/modules/operations/crash-points';

export function messageIdFor(row: Pick<OutboxRow, 'id' | 'kind' | 'submissionId' | 'draftId' | 'staffId'>, appUrl: string): string {
  return `<${row.kind}.${row.id}.${row.submissionId ?? row.draftId ?? row.staffId}@${new URL(appUrl).hostname}>`;
}

export type DeliveryOutcome = 'sent' | 'cancelled';

export async function deliverEmail(deps: WorkerDeps, row: OutboxRow, mail: OutgoingMail): Promise<DeliveryOutcome> {
  const stop = await reasonNotToSend(deps.db, row);
  if (stop) {
    await cancelOutboxRow(deps.db, row.id, stop);
    return 'cancelled';
  }
  const messageId = messageIdFor(row, deps.env.APP_URL);
  const smtpResponse = await deps.mailer.send(mail, messageId);
  crashPoint('email-after-smtp-accept');
  const recordDelivery = deps.db
    .insert(emailDeliveries)
    .values({ outboxId: row.id, submissionId: row.submissionId, draftId: row.draftId, staffId: row.staffId, kind: row.kind, messageId, smtpResponse })
    .onConflictDoNothing();
  // Done, and its payload (which may hold a one-time secret such as a status token) erased. A
  // row ended meanwhile (an erasure during the SMTP exchange) keeps the reason it was ended.
  const finishRow = deps.db
    .update(outbox)
    .set({ doneAt: new Date(), lastError: null, payload: {} })
    .where(and(eq(outbox.id, row.id), isNull(outbox.doneAt)));
  // One statement, so one transaction and one round trip: the row is finished by a data-modifying
  // WITH, which runs whether or not the insert reads it.
  await deps.db.execute(sql`with finished as (${finishRow.getSQL()}) ${recordDelivery.getSQL()}`);
  return 'sent';
}

/**
 * Why this row must not be sent now, if it must not: it was ended since the job loaded it, or the
 * input's contact data was erased (by the submitter, or with an unconfirmed input's expiry), or the
 * draft ended.
 */
async function reasonNotToSend(db: WorkerDeps['db'], row: OutboxRow): Promise<string | undefined> {
  const [current] = await db
    .select({
      doneAt: outbox.doneAt,
      failedAt: outbox.failedAt,
      erasedAt: submissions.personalDataErasedAt,
      expiredAt: submissions.expiredAt,
      draftClosedAt: drafts.closedAt,
      staffDisabledAt: staffUsers.disabledAt,
    })
    .from(outbox)
    .leftJoin(submissions, eq(submissions.id, outbox.submissionId))
    .leftJoin(drafts, eq(drafts.id, outbox.draftId))
    .leftJoin(staffUsers, eq(staffUsers.id, outbox.staffId))
    .where(eq(outbox.id, row.id));
  if (!current) return 'cancelled: outbox row gone';
  if (current.doneAt || current.failedAt) return 'cancelled: ended meanwhile';
  if (current.erasedAt) return 'cancelled: personal data erased';
  if (current.expiredAt) return 'cancelled: input expired unconfirmed';
  if (current.draftClosedAt) return 'skipped: draft closed';
  if (current.staffDisabledAt) return 'skipped: staff account disabled';
  return undefined;
}

/**
 * Ends an outbox row without sending: the reason is kept, the payload (which may hold a token)
 * erased. A row something else ended first (an erasure, an expiry) keeps that reason.
 */
export async function cancelOutboxRow(db: WorkerDeps['db'], outboxId: number, reason: string): Promise<void> {
  await db
    .update(outbox)
    .set({ doneAt: new Date(), lastError: reason, payload: {} })
    .where(and(eq(outbox.id, outboxId), isNull(outbox.doneAt), isNull(outbox.failedAt)));
}
