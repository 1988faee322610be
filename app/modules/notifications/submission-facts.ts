import { eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { forums, submissions } from '../../../db/schema';
import { directionOf, pickLabel } from '../taxonomy/locales';
import { attachmentsOf } from '../attachments/held-attachments';

// Every column but the search document (the whole text again, as lexemes), which no e-mail uses.
const { searchDocument: _searchDocument, ...submissionColumns } = getTableColumns(submissions);

/**
 * The query, built once per database handle: drizzle took ~0.5 ms to build this statement of
 * eighty columns, and every e-mail about an input runs it. Prepared here means built once, as
 * drizzle's `prepare` does; the values are still sent with each run.
 */
const prepared = new WeakMap<Db, ReturnType<typeof prepareSubmissionWithForum>>();
function prepareSubmissionWithForum(db: Db) {
  return db
    .select({ submission: submissionColumns, forum: forums })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .where(eq(submissions.id, sql.placeholder('id')))
    .prepare('submission_for_mail');
}

/** A submission with its forum, and the language and direction to write to its submitter in. */
export async function loadSubmissionForMail(db: Db, submissionId: string) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareSubmissionWithForum(db)));
  const [row] = await query.execute({ id: submissionId });
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
