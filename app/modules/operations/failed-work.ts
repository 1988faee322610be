/**
 * What an admin sees of the portal's follow-up work (/:lang/staff/operations), and the retry of
 * work that failed for good.
 *
 * A row fails for good (workers/process-job.ts) when the mail server refuses a message (SMTP 5xx)
 * or an error of our own repeats MAX_ATTEMPTS times; nothing retries it by itself. On failing it
 * loses its one-time secrets (status and invitation tokens) and keeps what the work was (the
 * decision to announce, the book to make). A retry therefore issues a new link where the e-mail
 * carries one, through the module that owns such links:
 * - confirm-email, acknowledge: a new status link (status_links); earlier links keep working;
 * - decision-email: the decision it was to announce, and for a request for changes a new status
 *   link to edit with;
 * - staff-invite: a new invitation link (earlier unused ones stop working, as with "send a new link");
 * - find-similar, render-publication, remove-retired-books, render-book: run again as they were.
 * Some cannot be retried, and the page says why (NotRetriableReason): the submitter's data was
 * erased; the address is already confirmed; a later e-mail of the same kind replaced it; a
 * draft's link (its only holder is the submitter's browser, and a new one would break it); an
 * account since disabled; or what the row was for is missing (it failed before the portal kept
 * it: the whole payload was erased then) or not what its job accepts.
 *
 * Pages receive counts, kinds, references, attempts and the stored error (which is loggable:
 * ADR 008), never an address or a payload.
 */
import { and, desc, eq, inArray, isNotNull, isNull, max, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { outbox, staffInvites, staffUsers, submissions } from '../../../db/schema';
import { EMAIL_JOB_KINDS, JOBS, isJobKind, type JobKind } from '../../../workers/queues';
import { recordAudit } from '../audit/record-audit';
import { OUTBOX_CHANNEL } from '../outbox/add-outbox';
import { issueInviteLink } from '../staff/staff-invites';
import { issueStatusLink } from '../submissions/status-token';
import { DEFAULT_LOCALE } from '../taxonomy/locales';
import { failedWorkByKind, outboxBacklog, type OutboxBacklog } from './outbox-figures';
import type { QueueCounts } from './queue-counts';

/** The newest failed rows the page lists (and "retry all listed" covers); the total is given beside. */
export const FAILED_WORK_LIST_LIMIT = 100;

export type NotRetriableReason = 'erased' | 'confirmed' | 'superseded' | 'draft-link' | 'staff-disabled' | 'details-erased' | 'unknown-kind';

export interface FailedWork {
  id: number;
  kind: string;
  /** The input it was about, if any (its reference is shown, never its contact data). */
  submissionId: string | null;
  reference: string | null;
  /** The staff account an invitation was for, by name. */
  staffId: string | null;
  staffName: string | null;
  attempts: number;
  /** The loggable first line of the last error (SMTP step and code, or the error's kind). */
  lastError: string | null;
  failedAt: Date;
  /** Why no retry is offered; undefined when it can be retried. */
  notRetriable?: NotRetriableReason;
}

export interface OperationsOverview {
  /** BullMQ's jobs by queue and state; undefined when Redis did not answer. */
  queues: QueueCounts | undefined;
  backlog: OutboxBacklog;
  failedTotal: number;
  /** The newest FAILED_WORK_LIST_LIMIT failed rows, newest first. */
  failed: FailedWork[];
}

export async function operationsOverview(
  deps: { db: Db; queueCounts: () => Promise<QueueCounts | undefined> },
  now = new Date(),
): Promise<OperationsOverview> {
  const [queues, backlog, byKind, failed] = await Promise.all([
    deps.queueCounts(),
    outboxBacklog(deps.db, now),
    failedWorkByKind(deps.db),
    listFailedWork(deps.db),
  ]);
  return { queues, backlog, failedTotal: byKind.reduce((n, k) => n + k.count, 0), failed };
}

const failedRows = and(isNotNull(outbox.failedAt), isNull(outbox.doneAt));

/** Failed rows with what deciding on a retry needs (the payload stays in this module). */
function selectFailed(db: Db | Tx) {
  return db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      submissionId: outbox.submissionId,
      draftId: outbox.draftId,
      staffId: outbox.staffId,
      payload: outbox.payload,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      failedAt: outbox.failedAt,
      reference: submissions.reference,
      erasedAt: submissions.personalDataErasedAt,
      expiredAt: submissions.expiredAt,
      confirmedAt: submissions.emailConfirmedAt,
      staffName: staffUsers.displayName,
      staffDisabledAt: staffUsers.disabledAt,
    })
    .from(outbox)
    .leftJoin(submissions, eq(submissions.id, outbox.submissionId))
    .leftJoin(staffUsers, eq(staffUsers.id, outbox.staffId));
}

type Candidate = Awaited<ReturnType<ReturnType<typeof selectFailed>['execute']>>[number];

/** The newest failed rows, newest first, each with the reason it cannot be retried, if any. */
export async function listFailedWork(db: Db, limit = FAILED_WORK_LIST_LIMIT): Promise<FailedWork[]> {
  const rows = await selectFailed(db).where(failedRows).orderBy(desc(outbox.failedAt), desc(outbox.id)).limit(limit);
  const later = await laterRows(db, rows);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    submissionId: r.submissionId,
    reference: r.reference,
    staffId: r.staffId,
    staffName: r.staffName,
    attempts: r.attempts,
    lastError: r.lastError,
    failedAt: r.failedAt!,
    notRetriable: reasonNotToRetry(r, later),
  }));
}

/** E-mails a later one of the same kind, about the same input or account, replaces. */
const REPLACED_BY_LATER: JobKind[] = ['confirm-email', 'acknowledge', 'decision-email', 'staff-invite'];
const subjectKey = (kind: string, subject: string | null) => `${kind}:${subject}`;

/**
 * The newest row of each replaceable kind for the inputs and accounts of these rows, whatever
 * became of it: only the newest e-mail of a kind about one input or account may be sent again. An
 * older one was replaced (sent, waiting, or failed and retriable itself): a decision e-mail always
 * tells the current decision and an acknowledgement the current receipt, so sending the old one
 * too would repeat the newer one; an older invitation link would expire the newer.
 */
async function laterRows(db: Db | Tx, rows: Candidate[]): Promise<Map<string, number>> {
  const replaceable = rows.filter((r) => (REPLACED_BY_LATER as string[]).includes(r.kind));
  const submissionIds = [...new Set(replaceable.flatMap((r) => (r.submissionId ? [r.submissionId] : [])))];
  const staffIds = [...new Set(replaceable.flatMap((r) => (r.staffId ? [r.staffId] : [])))];
  if (submissionIds.length === 0 && staffIds.length === 0) return new Map();
  const newest = await db
    .select({ kind: outbox.kind, submissionId: outbox.submissionId, staffId: outbox.staffId, id: max(outbox.id) })
    .from(outbox)
    .where(
      and(
        inArray(outbox.kind, REPLACED_BY_LATER),
        or(
          submissionIds.length ? inArray(outbox.submissionId, submissionIds) : sql`false`,
          staffIds.length ? inArray(outbox.staffId, staffIds) : sql`false`,
        ),
      ),
    )
    .groupBy(outbox.kind, outbox.submissionId, outbox.staffId);
  return new Map(newest.map((n) => [subjectKey(n.kind, n.submissionId ?? n.staffId), n.id ?? 0]));
}

const DECISIONS = JOBS['decision-email'].payload.shape.decision;

function reasonNotToRetry(r: Candidate, later: Map<string, number>): NotRetriableReason | undefined {
  if (!isJobKind(r.kind)) return 'unknown-kind';
  const kind = r.kind;
  if (kind === 'draft-link') return 'draft-link';
  const aboutSubmitter = kind === 'confirm-email' || kind === 'acknowledge' || kind === 'decision-email';
  if (aboutSubmitter && (!r.submissionId || r.erasedAt || r.expiredAt)) return 'erased';
  if (kind === 'confirm-email' && r.confirmedAt) return 'confirmed';
  if (kind === 'staff-invite' && (!r.staffId || r.staffDisabledAt)) return 'staff-disabled';
  if ((later.get(subjectKey(kind, r.submissionId ?? r.staffId)) ?? 0) > r.id) return 'superseded';
  if (!keptDetailsValid(kind, r.payload)) return 'details-erased';
  return undefined;
}

/** Whether what a failed row kept is what its job needs, besides the links a retry issues anew. */
function keptDetailsValid(kind: JobKind, payload: Record<string, unknown>): boolean {
  switch (kind) {
    case 'confirm-email':
    case 'acknowledge':
    case 'staff-invite':
      return true;
    case 'decision-email':
      return DECISIONS.safeParse(payload.decision).success;
    default:
      return JOBS[kind].payload.safeParse(payload).success;
  }
}

/** The payload a retried row runs with: what the work was, and a new link where the e-mail needs one. */
async function retryPayload(tx: Tx, r: Candidate & { kind: JobKind }): Promise<Record<string, string>> {
  const kept = r.payload as Record<string, string>;
  switch (r.kind) {
    case 'confirm-email':
    case 'acknowledge':
      return { statusToken: await issueStatusLink(tx, r.submissionId!) };
    case 'decision-email':
      return kept.decision === 'changes_requested'
        ? { decision: kept.decision, statusToken: await issueStatusLink(tx, r.submissionId!) }
        : { decision: kept.decision };
    case 'staff-invite': {
      // In the language, and from the inviter, of the link it replaces.
      const [last] = await tx
        .select({ locale: staffInvites.locale, createdBy: staffInvites.createdBy })
        .from(staffInvites)
        .where(eq(staffInvites.staffId, r.staffId!))
        .orderBy(desc(staffInvites.createdAt))
        .limit(1);
      return { token: await issueInviteLink(tx, r.staffId!, last?.locale ?? DEFAULT_LOCALE, last?.createdBy ?? null) };
    }
    default:
      return kept;
  }
}

export interface RetryResult {
  /** Rows queued again. */
  retried: number;
  /** Rows asked for that were no longer failed, or cannot be retried. */
  skipped: number;
}

/**
 * Queues failed work again, in one transaction: each row still failed that can be retried gets a
 * new payload (new links where needed), `failedAt` and `enqueuedAt` cleared and its attempts
 * counted from zero, and an audit event naming the admin; then the relay is woken. Rows done or
 * retried meanwhile (by another admin) are left alone: the rows are locked and read again here.
 */
export async function retryFailedWork(db: Db, args: { staffId: string } & ({ outboxIds: number[] } | { all: true })): Promise<RetryResult> {
  const asked = 'outboxIds' in args ? [...new Set(args.outboxIds)] : undefined;
  if (asked && asked.length === 0) return { retried: 0, skipped: 0 };
  return db.transaction(async (tx) => {
    const rows = await selectFailed(tx)
      .where(and(failedRows, asked ? inArray(outbox.id, asked) : undefined))
      .orderBy(outbox.id)
      .for('update', { of: outbox });
    const later = await laterRows(tx, rows);
    let retried = 0;
    for (const row of rows) {
      if (reasonNotToRetry(row, later) || !isJobKind(row.kind)) continue;
      const kind = row.kind;
      // Checked against the job's own schema: a row the worker would refuse is never queued.
      const payload = JOBS[kind].payload.parse(await retryPayload(tx, { ...row, kind })) as Record<string, string>;
      await tx.update(outbox).set({ failedAt: null, enqueuedAt: null, attempts: 0, lastError: null, payload }).where(eq(outbox.id, row.id));
      await recordAudit(tx, {
        actorKind: 'staff',
        actorStaffId: args.staffId,
        submissionId: row.submissionId ?? undefined,
        action: (EMAIL_JOB_KINDS as string[]).includes(kind) ? 'email.retried' : 'work.retried',
        details: { kind, outboxId: row.id, attempts: row.attempts, error: row.lastError, ...(row.staffId ? { staffId: row.staffId } : {}) },
      });
      retried++;
    }
    if (retried > 0) await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, 'retried')`);
    return { retried, skipped: (asked?.length ?? rows.length) - retried };
  });
}

