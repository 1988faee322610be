import { buildAcknowledgementMail } from '../../app/modules/notifications/acknowledgement-mail';
import { loadSubmissionForMail } from '../../app/modules/notifications/submission-facts';
import type { OutboxRow } from '../../db/schema';
import { deliverEmail } from '../deliver-email';
import type { WorkerDeps } from '../worker-deps';

/** Acknowledgement e-mail with the PDF receipt, in the submitter's language. */
export async function runAcknowledge(deps: WorkerDeps, row: OutboxRow): Promise<void> {
  const facts = await loadSubmissionForMail(deps.db, row.submissionId!);
  if (!facts) throw new Error(`submission ${row.submissionId} not found for outbox ${row.id}`);
  await deliverEmail(deps, row, await buildAcknowledgementMail(facts));
}
