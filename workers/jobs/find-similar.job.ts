import { and, eq, isNull } from 'drizzle-orm';
import { groupSimilarInput } from '../../app/modules/moderation/similar-inputs';
import { outbox, type OutboxRow } from '../../db/schema';
import type { WorkerDeps } from '../worker-deps';

/** Groups a newly confirmed input with near-identical inputs of its forum (idempotent, so a retry is harmless). */
export async function runFindSimilar(deps: WorkerDeps, row: OutboxRow): Promise<void> {
  await groupSimilarInput(deps.db, row.submissionId!);
  await deps.db.update(outbox).set({ doneAt: new Date(), lastError: null }).where(and(eq(outbox.id, row.id), isNull(outbox.doneAt)));
}
