import { buildAcknowledgementMail } from '../../app/modules/notifications/acknowledgement-mail';
import { loadSubmissionForMail } from '../../app/modules/notifications/submission-facts';
import type { OutboxRow } from '../../db/schema';
import { deliverEmail } from '../deliver-email';
import { JOBS } from '../queues';
import type { WorkerDeps } from '../worker-deps';

/** Acknowledgement e-mail with the PDF receipt, in the submitter's language. */
export async function runAcknowledge(deps: WorkerDeps, row: OutboxRow): Promise<void> {
  const facts = await loadSubmissionForMail(deps.db, row.submissionId!);
  if (!facts) throw new Error(`submission ${row.submissionId} not found for outbox ${row.id}`);
  const { statusToken } = JOBS.acknowledge.payload.parse(row.payload);
  const statusUrl = new URL(`/${facts.locale}/status/${statusToken}`, deps.env.APP_URL).toString();
  await deliverEmail(deps, row, await buildAcknowledgementMail(facts, statusUrl));
}
