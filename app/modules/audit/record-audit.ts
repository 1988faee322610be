import type { Db, Tx } from '../../../db/client';
import { auditEvents } from '../../../db/schema';

export interface AuditEntry {
  actorKind: 'submitter' | 'staff' | 'system';
  actorStaffId?: string;
  submissionId?: string;
  /** The forum whose settings or late-access codes changed. */
  forumId?: string;
  action: string;
  /** Before → after values and reasons; never contact data. */
  details?: Record<string, unknown>;
}

/** Appends one audit row inside the caller's transaction, so the log and the change agree. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await auditInsert(tx, entry);
}

/**
 * The audit row's INSERT, not yet sent: for a caller that writes the change and its audit row in
 * one statement (data-modifying WITH clauses), which is atomic without a transaction of its own.
 */
export function auditInsert(db: Db | Tx, entry: AuditEntry) {
  return db.insert(auditEvents).values({ ...entry, details: entry.details ?? {} });
}
