/**
 * What happens to an input's content digests when its contact data goes (erasure, or expiry of an
 * unconfirmed input). The digests were computed over that contact data: left testable, they would
 * tell whoever guesses a name or address right that this person sent the input.
 *
 * `content_salt` then says which case a row is in:
 * - a salt: digests salted, person still there;
 * - '' (deleted): digests salted and kept, since without the salt nobody can test a guess; the
 *   receipt the submitter holds still matches them;
 * - NULL: stored before digests were salted (migration 0012). Such a digest can be recomputed from
 *   a guess, so it is removed ('') from the input and its earlier versions once the person is gone.
 * The database holds rows to this (submissions_digest_unlinked, submissions_salt_deleted_when_gone).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { submissionVersions, submissions } from '../../../db/schema';

/** Fields to SET on the submissions being stripped of their contact data (both read the old salt). */
export const unlinkedDigestFields = {
  contentSalt: sql`case when ${submissions.contentSalt} is null then null else '' end`,
  contentSha256: sql`case when ${submissions.contentSalt} is null then '' else ${submissions.contentSha256} end`,
};

/** After unlinkedDigestFields: the earlier versions of those of `ids` that had no salt lose their digests too. */
export async function unlinkVersionDigests(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const unsalted = tx
    .select({ id: submissions.id })
    .from(submissions)
    .where(and(inArray(submissions.id, ids), sql`${submissions.contentSalt} is null`, eq(submissions.contentSha256, '')));
  await tx.update(submissionVersions).set({ contentSha256: '' }).where(inArray(submissionVersions.submissionId, unsalted));
}
