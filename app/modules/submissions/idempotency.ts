/**
 * What an Idempotency-Key already stands for. A web form's key is made by the server, but an API
 * client picks its own, so a key may come back with another body or for another forum: the
 * submission's content digest tells a true retry from a reused key.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { submissions } from '../../../db/schema';
import { contentDigest } from './content-digest';
import type { SubmissionInput } from './submission-input';

export interface KeyedSubmission {
  id: string;
  reference: string;
  forumId: string;
  contentSha256: string;
  contentSalt: string | null;
  receivedAt: Date;
}

/** The submission stored under this key, in any forum (keys are unique across the portal). */
export async function findByIdempotencyKey(db: Db, idempotencyKey: string): Promise<KeyedSubmission | undefined> {
  const [row] = await db
    .select({
      id: submissions.id,
      reference: submissions.reference,
      forumId: submissions.forumId,
      contentSha256: submissions.contentSha256,
      contentSalt: submissions.contentSalt,
      receivedAt: submissions.receivedAt,
    })
    .from(submissions)
    .where(eq(submissions.idempotencyKey, idempotencyKey));
  return row;
}

/** True when `input` for this forum is exactly what the stored submission received. */
export function isSameRequest(stored: KeyedSubmission, forum: { id: string; slug: string }, input: SubmissionInput): boolean {
  // Digests are salted per submission: the retry is digested with the stored one's salt. Once the
  // personal data is erased there is no salt (or no digest) left, and nothing matches: the portal
  // can no longer tell what that input's sender sent, so such a retry counts as a reused key.
  return stored.forumId === forum.id && stored.contentSha256 === contentDigest(forum.slug, input, stored.contentSalt);
}
