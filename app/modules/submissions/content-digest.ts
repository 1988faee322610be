import { createHash, randomBytes } from 'node:crypto';
import type { SubmissionInput } from './submission-input';

/** A fresh salt for one submission's digests (128 random bits). */
export function newContentSalt(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * SHA-256 of the submitted content in a canonical form (fixed key order, JSON), printed on the
 * receipt so a submitter can prove later exactly what was received.
 *
 * The content includes the contact name and address, and a published input shows the rest: an
 * unsalted digest would let anyone test guesses of who sent it. Each submission's digests are
 * therefore salted with a random value kept on the submission, and erasing the personal data
 * deletes the salt ('' on the row), so the digests left behind can no longer be tied to a person.
 * Submissions stored before salts existed have none (NULL): their digests are computed as before,
 * and removed when the person goes (unlink-digest.ts). With no salt or a deleted one, the digest
 * computed here is unsalted, so it no longer equals a salted digest on the row: a retry's content
 * can only be matched while the salt is there.
 */
export function contentDigest(forumSlug: string, input: SubmissionInput, salt?: string | null): string {
  const canonical = JSON.stringify([
    ...(salt ? [['salt', salt]] : []),
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
    ...(salt ? [['publishAttachments', input.publishAttachments]] : []),
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
