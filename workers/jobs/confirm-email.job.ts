import { buildConfirmationMail } from '../../app/modules/notifications/confirmation-mail';
import { loadSubmissionForMail } from '../../app/modules/notifications/submission-facts';
import type { OutboxRow } from '../../db/schema';
import { deliverEmail } from '../deliver-email';
import { JOBS } from '../queues';
import type { WorkerDeps } from '../worker-deps';

/** The e-mail asking the submitter to confirm the address, in the submitter's language. */
export async function runConfirmEmail(deps: WorkerDeps, row: OutboxRow): Promise<void> {
  const facts = await loadSubmissionForMail(deps.db, row.submissionId!);
  if (!facts) throw new Error(`submission ${row.submissionId} not found for outbox ${row.id}`);
  const { statusToken } = JOBS['confirm-email'].payload.parse(row.payload);
  const statusUrl = new URL(`/${facts.locale}/status/${statusToken}`, deps.env.APP_URL).toString();
  await deliverEmail(deps, row, buildConfirmationMail(facts, statusUrl));
}
