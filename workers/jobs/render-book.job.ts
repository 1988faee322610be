import { and, eq, isNull } from 'drizzle-orm';
import { buildBook } from '../../app/modules/publication/book';
import { outbox, type OutboxRow } from '../../db/schema';
import { JOBS } from '../queues';
import type { WorkerDeps } from '../worker-deps';

/** Builds the book an admin asked for; a retry starts it again (a finished book is left as it is). */
export async function runRenderBook(deps: WorkerDeps, row: OutboxRow): Promise<void> {
  const { bookId } = JOBS['render-book'].payload.parse(row.payload);
  await buildBook(deps.db, deps.files, bookId);
  await deps.db.update(outbox).set({ doneAt: new Date(), lastError: null }).where(and(eq(outbox.id, row.id), isNull(outbox.doneAt)));
}
