import { buildAcknowledgementMail } from '../../app/modules/notifications/acknowledgement-mail';
import { storedReceiptFor } from '../../app/modules/notifications/receipt';
import { loadSubmissionForMail } from '../../app/modules/notifications/submission-facts';
import type { OutboxRow } from '../../db/schema';
import { cancelOutboxRow, deliverEmail } from '../deliver-email';
import { JOBS } from '../queues';
import type { WorkerDeps } from '../worker-deps';

/**
 * Rows written before status links existed have payload `{}`: nobody holds a token for their
 * submission (migration 0002 gave it an unguessable hash), so they are acknowledged without the
 * link instead of failing forever. A token that is present must still be well-formed.
 */
const payloadSchema = JOBS.acknowledge.payload.partial();

/** Acknowledgement e-mail with the PDF receipt, in the submitter's language. */
export async function runAcknowledge(deps: WorkerDeps, row: OutboxRow): Promise<void> {
  const facts = await loadSubmissionForMail(deps.db, row.submissionId!);
  if (!facts) throw new Error(`submission ${row.submissionId} not found for outbox ${row.id}`);
  const { statusToken } = payloadSchema.parse(row.payload);
  const statusUrl = statusToken ? new URL(`/${facts.locale}/status/${statusToken}`, deps.env.APP_URL).toString() : undefined;
  const pdf = await storedReceiptFor(deps.db, facts);
  if (!pdf) {
    // Erased (or expired) after this job loaded it: nothing is sent to an address asked to be forgotten.
    await cancelOutboxRow(deps.db, row.id, 'cancelled: personal data erased');
    return;
  }
  await deliverEmail(deps, row, buildAcknowledgementMail(facts, statusUrl, pdf));
}
