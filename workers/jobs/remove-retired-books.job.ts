import { and, eq, isNull } from 'drizzle-orm';
import { removeRetiredBookFiles } from '../../app/modules/publication/retire-books';
import { outbox, type OutboxRow } from '../../db/schema';
import type { WorkerDeps } from '../worker-deps';

/** Deletes the files of every retired book still kept (all of them, not only this row's forum: idempotent). */
export async function runRemoveRetiredBooks(deps: WorkerDeps, row: OutboxRow): Promise<void> {
  await removeRetiredBookFiles(deps.db, deps.files);
  await deps.db.update(outbox).set({ doneAt: new Date(), lastError: null }).where(and(eq(outbox.id, row.id), isNull(outbox.doneAt)));
}
