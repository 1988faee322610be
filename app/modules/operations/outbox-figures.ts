/**
 * Figures about the outbox that monitoring (/metrics, /readyz) and the admins' operations page
 * share, so each is computed one way: the follow-up work still waiting and the age of the oldest,
 * and the work that failed for good, by kind. Counts only.
 */
import { and, count, isNotNull, isNull, min } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { outbox } from '../../../db/schema';

export interface OutboxBacklog {
  /** Rows not done, not failed for good, not held for review: work the relay and workers owe. */
  pending: number;
  /** Age of the oldest of them, in whole seconds (0 when there is none). */
  oldestPendingSeconds: number;
}

/** Waiting work: held rows (decision e-mails a forum holds) wait for an admin, not for the workers. */
export const pendingOutboxRows = and(isNull(outbox.doneAt), isNull(outbox.failedAt), isNull(outbox.heldAt));

export async function outboxBacklog(db: Db | Tx, now = new Date()): Promise<OutboxBacklog> {
  const [row] = await db.select({ pending: count(), oldest: min(outbox.createdAt) }).from(outbox).where(pendingOutboxRows);
  const oldestPendingSeconds = row.oldest ? Math.max(0, Math.round((now.getTime() - new Date(row.oldest).getTime()) / 1000)) : 0;
  return { pending: row.pending, oldestPendingSeconds };
}

/** Work that failed for good (dead-lettered: `failedAt`), counted by kind. */
export async function failedWorkByKind(db: Db | Tx): Promise<Array<{ kind: string; count: number }>> {
  return db.select({ kind: outbox.kind, count: count() }).from(outbox).where(isNotNull(outbox.failedAt)).groupBy(outbox.kind).orderBy(outbox.kind);
}
