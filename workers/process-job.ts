/**
 * Runs the job behind one outbox row: skips rows already done, dispatches by kind, and turns a
 * permanent failure into a visible dead-letter state instead of endless retries.
 */
import { UnrecoverableError } from 'bullmq';
import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../app/modules/audit/record-audit';
import { outbox, type OutboxRow } from '../db/schema';
import { runAcknowledge } from './jobs/acknowledge.job';
import { runConfirmEmail } from './jobs/confirm-email.job';
import { runDecisionEmail } from './jobs/decision-email.job';
import { isPermanentSmtpFailure } from './mailer';
import type { JobKind } from './queues';
import type { WorkerDeps } from './worker-deps';

const HANDLERS: Record<JobKind, (deps: WorkerDeps, row: OutboxRow) => Promise<void>> = {
  'confirm-email': runConfirmEmail,
  acknowledge: runAcknowledge,
  'decision-email': runDecisionEmail,
};

export type ProcessOutcome = 'done' | 'skipped';

export async function processOutboxJob(deps: WorkerDeps, outboxId: number): Promise<ProcessOutcome> {
  const row = await deps.db.query.outbox.findFirst({ where: eq(outbox.id, outboxId) });
  if (!row || row.doneAt || row.failedAt) return 'skipped';
  const handler = HANDLERS[row.kind as JobKind];
  if (!handler) throw new UnrecoverableError(`unknown job kind ${row.kind}`);
  try {
    await handler(deps, row);
    return 'done';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (isPermanentSmtpFailure(error)) {
      await deps.db.transaction(async (tx) => {
        await tx.update(outbox).set({ failedAt: new Date(), lastError: message, attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, row.id));
        await recordAudit(tx, { actorKind: 'system', submissionId: row.submissionId ?? undefined, action: 'email.failed', details: { kind: row.kind, smtpCode: (error as { responseCode?: number }).responseCode } });
      });
      throw new UnrecoverableError(message);
    }
    await deps.db.update(outbox).set({ lastError: message, attempts: sql`${outbox.attempts} + 1` }).where(eq(outbox.id, row.id));
    throw error;
  }
}
