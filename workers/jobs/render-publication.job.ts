import { and, eq, isNull } from 'drizzle-orm';
import { refreshPublicationPdf } from '../../app/modules/publication/publication-pdf';
import { outbox, type OutboxRow } from '../../db/schema';
import type { WorkerDeps } from '../worker-deps';

/** Renders (or removes) an input's publication PDF so it matches the public record; idempotent. */
export async function runRenderPublication(deps: WorkerDeps, row: OutboxRow): Promise<void> {
  await refreshPublicationPdf(deps.db, row.submissionId!, deps.env.APP_URL);
  await deps.db.update(outbox).set({ doneAt: new Date(), lastError: null }).where(and(eq(outbox.id, row.id), isNull(outbox.doneAt)));
}
