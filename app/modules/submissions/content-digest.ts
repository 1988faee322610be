import { createHash } from 'node:crypto';
import type { SubmissionInput } from './submission-input';

/**
 * SHA-256 of the submitted content in a canonical form (fixed key order, JSON), printed on the
 * receipt so a submitter can prove later exactly what was received.
 */
export function contentDigest(forumSlug: string, input: SubmissionInput): string {
  const canonical = JSON.stringify([
    ['forum', forumSlug],
    ['contactName', input.contactName],
    ['organisation', input.organisation ?? ''],
    ['email', input.email],
    ['constituency', input.constituency],
    ['country', input.country],
    ['title', input.title],
    ['summary', input.summary],
    ['body', input.body],
    ['language', input.language],
    ['objectives', input.objectives],
    // Later fields are appended, never reordered: the receipt explains this canonical form.
    ['submitterType', input.submitterType],
    ['principles', input.principles],
    ['publishName', input.publishName],
    ['publishOrganisation', input.publishOrganisation],
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
