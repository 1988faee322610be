import { buildDecisionMail } from '../../app/modules/notifications/decision-mail';
import { loadSubmissionForMail } from '../../app/modules/notifications/submission-facts';
import type { OutboxRow } from '../../db/schema';
import { cancelOutboxRow, deliverEmail } from '../deliver-email';
import { JOBS } from '../queues';
import type { WorkerDeps } from '../worker-deps';

/** Tells the submitter the decision stored on the submission. */
export async function runDecisionEmail(deps: WorkerDeps, row: OutboxRow): Promise<void> {
  const facts = await loadSubmissionForMail(deps.db, row.submissionId!);
  if (!facts) throw new Error(`submission ${row.submissionId} not found for outbox ${row.id}`);
  const { decision, statusToken } = JOBS['decision-email'].payload.parse(row.payload);
  const mail = buildDecisionMail(facts, deps.env.APP_URL, { announce: decision, statusToken });
  if (!mail) {
    // The decision was replaced before we got here; nothing truthful is left to say.
    await cancelOutboxRow(deps.db, row.id, 'no decision to announce');
    return;
  }
  await deliverEmail(deps, row, mail);
}
