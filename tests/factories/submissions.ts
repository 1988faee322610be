import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import type { Forum } from '../../db/schema';
import { createSubmission } from '../../app/modules/submissions/create-submission';
import type { SubmissionInput } from '../../app/modules/submissions/submission-input';
import { confirmEmail } from '../../app/modules/submissions/email-confirmation';

export function submissionInput(overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  return {
    submitterType: 'organisation',
    contactName: 'Amina Haddad',
    organisation: 'Migrant Rights Network',
    email: `amina+${randomUUID().slice(0, 8)}@example.org`,
    constituency: 'civil_society',
    country: 'LB',
    region: 'ESCWA',
    title: 'Access to services for migrant workers',
    summary: 'Recommendations on objectives 6 and 15.',
    body: 'Migrant domestic workers need access to justice and basic services.',
    language: 'en',
    objectives: ['6', '15'],
    principles: ['human_rights'],
    publishName: false,
    publishOrganisation: true,
    publishAttachments: false,
    ...overrides,
  };
}

/**
 * Stores a submission through the real module (transaction, audit, outbox) and, unless told
 * otherwise, confirms its e-mail address through the real module too, as the submitter would
 * with the status link from the confirmation e-mail.
 */
export async function createTestSubmission(
  db: Db,
  forum: Forum,
  overrides: Partial<SubmissionInput> = {},
  locale = 'en',
  { confirmed = true } = {},
) {
  const result = await createSubmission(db, forum, submissionInput(overrides), { idempotencyKey: randomUUID(), interfaceLocale: locale });
  if (!result.ok) throw new Error(`submission refused: ${result.reason}`);
  // Not read back from the outbox row: where a worker runs, it may have sent the e-mail and erased it.
  const statusToken = result.statusToken!;
  if (confirmed) await confirmEmail(db, result.id, statusToken);
  return { ...result, statusToken };
}
