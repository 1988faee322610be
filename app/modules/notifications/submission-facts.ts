import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { forums, submissions } from '../../../db/schema';
import { directionOf, pickLabel } from '../taxonomy/locales';
import { attachmentsOf } from '../attachments/held-attachments';

/** A submission with its forum, and the language and direction to write to its submitter in. */
export async function loadSubmissionForMail(db: Db, submissionId: string) {
  const [row] = await db
    .select({ submission: submissions, forum: forums })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .where(eq(submissions.id, submissionId));
  if (!row) return undefined;
  const locale = row.submission.interfaceLocale;
  const [files, original] = await Promise.all([
    attachmentsOf(db, submissionId),
    row.submission.duplicateOf
      ? db.select({ reference: submissions.reference }).from(submissions).where(eq(submissions.id, row.submission.duplicateOf))
      : Promise.resolve([]),
  ]);
  return {
    ...row,
    attachments: files,
    locale,
    dir: directionOf(locale),
    forumName: pickLabel(row.forum.name, locale),
    /** For a duplicate: the reference of the input it repeats. */
    originalReference: original[0]?.reference,
  };
}

export type SubmissionForMail = NonNullable<Awaited<ReturnType<typeof loadSubmissionForMail>>>;
