/**
 * Reads for the public record. Every query here filters on `published_at is not null`: nothing
 * unpublished can leave through this module. Contact e-mail is never selected, and the name and
 * organisation leave the database only where the submitter consented to their publication (and
 * staff did not hide the name). Texts are the public version: staff's redaction where there is one.
 */
import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { forums, submissions } from '../../../db/schema';
import { isReference } from '../submissions/reference';

export const publicColumns = {
  reference: submissions.reference,
  authorName: sql<string | null>`case when ${submissions.publishName} and not ${submissions.nameHidden} then ${submissions.contactName} end`,
  authorOrganisation: sql<string | null>`case when ${submissions.publishOrganisation} then ${submissions.organisation} end`,
  submitterType: submissions.submitterType,
  constituency: submissions.constituency,
  country: submissions.country,
  region: submissions.region,
  title: sql<string>`coalesce(${submissions.publicTitle}, ${submissions.title})`,
  summary: sql<string>`coalesce(${submissions.publicSummary}, ${submissions.summary})`,
  body: sql<string>`coalesce(${submissions.publicBody}, ${submissions.body})`,
  language: submissions.language,
  objectives: submissions.objectives,
  principles: submissions.principles,
  publishedAt: submissions.publishedAt,
  forumSlug: forums.slug,
  forumName: forums.name,
};

export type PublicInput = Awaited<ReturnType<typeof findPublishedInput>> & {};

/** The newest published inputs of one forum, or of every forum (`forumId` undefined). */
export async function listPublishedInputs(db: Db, forumId: string | undefined, limit = 50) {
  return db
    .select({
      ...publicColumns,
      // When the public version last changed, if after publication (feeds announce the change).
      updatedAt: sql<Date>`greatest(${submissions.publishedAt}, ${submissions.redactedAt})`.mapWith(submissions.publishedAt),
    })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .where(and(forumId ? eq(submissions.forumId, forumId) : undefined, isNotNull(submissions.publishedAt)))
    .orderBy(desc(submissions.publishedAt), desc(submissions.reference))
    .limit(limit);
}

/** Where a page of the listing ends: the last row's publication instant (to the microsecond) and reference. */
export interface ListingPosition {
  publishedAt: string;
  reference: string;
}

/**
 * One page of a forum's published inputs (or every forum's, `forumId` undefined), newest first, after `after` (keyset pagination: a page
 * neither repeats nor skips rows when inputs are published meanwhile). `next` is where the
 * following page starts, or undefined on the last page.
 */
export async function pagePublishedInputs(db: Db, forumId: string | undefined, opts: { limit: number; after?: ListingPosition }) {
  // PostgreSQL keeps microseconds, a JS Date only milliseconds: the position travels as text.
  const position = sql<string>`to_char(${submissions.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  // One row comparison: PostgreSQL starts the index scan at the position, where the same
  // condition spelled with OR makes every batch read the record from its start.
  const after = opts.after
    ? sql`(${submissions.publishedAt}, ${submissions.reference}) < (${opts.after.publishedAt}::timestamptz, ${opts.after.reference})`
    : undefined;
  const rows = await db
    .select({ ...publicColumns, position })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .where(and(forumId ? eq(submissions.forumId, forumId) : undefined, isNotNull(submissions.publishedAt), after))
    .orderBy(desc(submissions.publishedAt), desc(submissions.reference))
    .limit(opts.limit + 1);
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  const next: ListingPosition | undefined = rows.length > opts.limit && last ? { publishedAt: last.position, reference: last.reference } : undefined;
  return { inputs: page.map(({ position: _position, ...input }) => input), next };
}

export async function findPublishedInput(db: Db, reference: string) {
  if (!isReference(reference)) return undefined;
  const [row] = await db
    .select(publicColumns)
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .where(and(eq(submissions.reference, reference), isNotNull(submissions.publishedAt)));
  return row;
}

/** The inputs most recently withdrawn from publication (reference and date only), for feeds' tombstones. */
export async function listWithdrawnFromPublication(db: Db, forumId: string | undefined, limit = 50) {
  const rows = await db
    .select({ reference: submissions.reference, unpublishedAt: submissions.unpublishedAt })
    .from(submissions)
    .where(and(forumId ? eq(submissions.forumId, forumId) : undefined, isNull(submissions.publishedAt), isNotNull(submissions.unpublishedAt)))
    .orderBy(desc(submissions.unpublishedAt))
    .limit(limit);
  return rows.map((r) => ({ reference: r.reference, unpublishedAt: r.unpublishedAt! }));
}

/**
 * An input staff withdrew from publication: only its reference, forum and when, so its old address
 * can say what happened instead of "not found". Nothing of its content or authorship.
 */
export async function findWithdrawnFromPublication(db: Db, reference: string) {
  if (!isReference(reference)) return undefined;
  const [row] = await db
    .select({ reference: submissions.reference, unpublishedAt: submissions.unpublishedAt, forumSlug: forums.slug, forumName: forums.name })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .where(and(eq(submissions.reference, reference), isNull(submissions.publishedAt), isNotNull(submissions.unpublishedAt)));
  return row ? { ...row, unpublishedAt: row.unpublishedAt! } : undefined;
}
