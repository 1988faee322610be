/**
 * Reads for the public record. Every query here filters on `published_at is not null`: nothing
 * unpublished can leave through this module. Contact e-mail is never selected, and the name and
 * organisation leave the database only where the submitter consented to their publication.
 */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { forums, submissions } from '../../../db/schema';
import { isReference } from '../submissions/reference';

const publicColumns = {
  reference: submissions.reference,
  authorName: sql<string | null>`case when ${submissions.publishName} then ${submissions.contactName} end`,
  authorOrganisation: sql<string | null>`case when ${submissions.publishOrganisation} then ${submissions.organisation} end`,
  submitterType: submissions.submitterType,
  constituency: submissions.constituency,
  country: submissions.country,
  region: submissions.region,
  title: submissions.title,
  summary: submissions.summary,
  body: submissions.body,
  language: submissions.language,
  objectives: submissions.objectives,
  principles: submissions.principles,
  publishedAt: submissions.publishedAt,
  forumSlug: forums.slug,
  forumName: forums.name,
};

export type PublicInput = Awaited<ReturnType<typeof findPublishedInput>> & {};

export async function listPublishedInputs(db: Db, forumId: string, limit = 50) {
  return db
    .select(publicColumns)
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .where(and(eq(submissions.forumId, forumId), isNotNull(submissions.publishedAt)))
    .orderBy(desc(submissions.publishedAt), desc(submissions.reference))
    .limit(limit);
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
