/**
 * Sends one e-mail for one outbox row and records it. The delivery row and the outbox row's
 * completion commit together, so a retried job finds the row done and never sends twice. The only
 * window for a duplicate is a crash between the SMTP server's "250" and that commit; the resend
 * then carries the same Message-ID, so mail systems and people can recognise it.
 */
import { eq } from 'drizzle-orm';
import { emailDeliveries, outbox, type OutboxRow } from '../db/schema';
import type { OutgoingMail } from '../app/modules/notifications/outgoing-mail';
import type { WorkerDeps } from './worker-deps';

export function messageIdFor(row: Pick<OutboxRow, 'id' | 'kind' | 'submissionId' | 'draftId'>, appUrl: string): string {
  return `<${row.kind}.${row.id}.${row.submissionId ?? row.draftId}@${new URL(appUrl).hostname}>`;
}

export async function deliverEmail(deps: WorkerDeps, row: OutboxRow, mail: OutgoingMail): Promise<void> {
  const messageId = messageIdFor(row, deps.env.APP_URL);
  const smtpResponse = await deps.mailer.send(mail, messageId);
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(emailDeliveries)
      .values({ outboxId: row.id, submissionId: row.submissionId, draftId: row.draftId, kind: row.kind, messageId, smtpResponse })
      .onConflictDoNothing();
    // Done, and its payload (which may hold a one-time secret such as a status token) erased.
    await tx.update(outbox).set({ doneAt: new Date(), lastError: null, payload: {} }).where(eq(outbox.id, row.id));
  });
}

/** Ends an outbox row without sending: the reason is kept, the payload (which may hold a token) erased. */
export async function cancelOutboxRow(db: WorkerDeps['db'], outboxId: number, reason: string): Promise<void> {
  await db.update(outbox).set({ doneAt: new Date(), lastError: reason, payload: {} }).where(eq(outbox.id, outboxId));
}
