/**
 * Runs the job behind one outbox row: skips rows already done or failed, dispatches by kind, and
 * decides what a failure means:
 * - the mail server refused this message for good (see isPermanentSmtpFailure): dead-letter now;
 * - any other SMTP trouble (4xx, login, network, timeout): retry without limit, because "SMTP down
 *   for hours" must still end in delivery, and the relay re-queues rows whose BullMQ job gave up;
 * - anything else (bad payload, a bug, data that cannot be rendered): retry MAX_ATTEMPTS times,
 *   then dead-letter, so a poisoned row stops cycling through the relay forever. A database outage
 *   is not counted as the row's fault.
 * Dead-lettered rows get `failedAt` (staff and the status page see it; the relay and this function
 * skip it) and lose the secrets in their payload, as delivered rows lose it all: a one-time status
 * or invitation token. What the work was (a decision to announce, a book to make) stays, so an
 * admin can retry it from the operations page (app/modules/operations/failed-work.ts), which issues
 * a new link where one is needed.
 */
import { UnrecoverableError } from 'bullmq';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { recordAudit } from '../app/modules/audit/record-audit';
import { outbox, type OutboxRow } from '../db/schema';
import { DEFAULT_OUTBOX_CLAIM_MS } from '../app/modules/config/runtime-env';
import { isDatabaseUnavailable } from './database-errors';
import { runAcknowledge } from './jobs/acknowledge.job';
import { runConfirmEmail } from './jobs/confirm-email.job';
import { runDraftLink } from './jobs/draft-link.job';
import { runDecisionEmail } from './jobs/decision-email.job';
import { runStaffInvite } from './jobs/staff-invite.job';
import { runFindSimilar } from './jobs/find-similar.job';
import { runRenderBook } from './jobs/render-book.job';
import { runRenderPublication } from './jobs/render-publication.job';
import { runRemoveRetiredBooks } from './jobs/remove-retired-books.job';
import { SmtpSendError, isPermanentSmtpFailure } from './mailer';
import { JOB_OPTIONS } from './outbox-relay';
import { keptOnFailure, type JobKind } from './queues';
import type { WorkerDeps } from './worker-deps';
import { loggableError, loggableFailure } from '../app/modules/logging/loggable-error';

const HANDLERS: Record<JobKind, (deps: WorkerDeps, row: OutboxRow) => Promise<void>> = {
  'confirm-email': runConfirmEmail,
  'draft-link': runDraftLink,
  acknowledge: runAcknowledge,
  'decision-email': runDecisionEmail,
  'staff-invite': runStaffInvite,
  'find-similar': runFindSimilar,
  'render-publication': runRenderPublication,
  'render-book': runRenderBook,
  'remove-retired-books': runRemoveRetiredBooks,
};

/** Failed attempts (all causes, counted on the row) after which a non-SMTP error is final. */
export const MAX_ATTEMPTS = JOB_OPTIONS.attempts;

export type ProcessOutcome = 'done' | 'skipped';
type GiveUpReason = 'smtp-permanent' | 'attempts-exhausted';

export async function processOutboxJob(deps: WorkerDeps, outboxId: number): Promise<ProcessOutcome> {
  const row = await claimRow(deps, outboxId);
  if (!row) return 'skipped';
  const handler = HANDLERS[row.kind as JobKind];
  if (!handler) throw new UnrecoverableError(`unknown job kind ${row.kind}`);
  try {
    await handler(deps, row);
    return 'done';
  } catch (error) {
    // Kept in the outbox row and in BullMQ: the loggable first line only (no query parameters).
    const message = loggableError(error).split('\n')[0];
    // UnrecoverableError tells BullMQ not to retry; any other error is retried with backoff.
    if (await recordFailure(deps, row, error, message)) throw new UnrecoverableError(message);
    // BullMQ stores a retried job's message and stack in Redis: the loggable form only.
    throw loggableFailure(error);
  }
}

/**
 * Takes the row for this job, unless it is done, failed for good, or held by another worker's
 * running job. The database's clock decides, so workers on several machines agree.
 */
async function claimRow(deps: WorkerDeps, outboxId: number): Promise<OutboxRow | undefined> {
  const claimMs = deps.env.OUTBOX_CLAIM_MS ?? DEFAULT_OUTBOX_CLAIM_MS;
  const [row] = await deps.db
    .update(outbox)
    .set({ claimedUntil: sql`now() + make_interval(secs => ${claimMs / 1000})` })
    .where(
      and(
        eq(outbox.id, outboxId),
        isNull(outbox.doneAt),
        isNull(outbox.failedAt),
        or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, sql`now()`)),
      ),
    )
    .returning();
  return row;
}

/** Counts the failed attempt and, when it is final, dead-letters the row. Returns whether it gave up. */
async function recordFailure(deps: WorkerDeps, row: OutboxRow, error: unknown, message: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const [counted] = await tx
      .update(outbox)
      // The claim is given back: BullMQ's retry (or the relay) may take the row again at once.
      .set({ lastError: message, attempts: sql`${outbox.attempts} + 1`, claimedUntil: null })
      .where(eq(outbox.id, row.id))
      .returning({ attempts: outbox.attempts });
    const reason = giveUpReason(error, counted?.attempts ?? 0);
    if (!reason) return false;
    await tx
      .update(outbox)
      .set({ failedAt: new Date(), payload: keptOnFailure(row.payload) })
      .where(and(eq(outbox.id, row.id), isNull(outbox.doneAt)));
    const smtpCode = error instanceof SmtpSendError ? error.responseCode : undefined;
    await recordAudit(tx, {
      actorKind: 'system',
      submissionId: row.submissionId ?? undefined,
      action: 'email.failed',
      details: { kind: row.kind, reason, smtpCode, attempts: counted?.attempts },
    });
    return true;
  });
}

function giveUpReason(error: unknown, attempts: number): GiveUpReason | undefined {
  if (error instanceof SmtpSendError) return isPermanentSmtpFailure(error) ? 'smtp-permanent' : undefined;
  if (isDatabaseUnavailable(error)) return undefined;
  return attempts >= MAX_ATTEMPTS ? 'attempts-exhausted' : undefined;
}
