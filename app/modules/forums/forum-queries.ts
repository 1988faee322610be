import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { forums, submissions, type Forum } from '../../../db/schema';
import { isUuid } from '../ids/uuid';

import { isSlug } from './slug';


export async function findForumBySlug(db: Db, slug: string): Promise<Forum | undefined> {
  if (!isSlug(slug)) return undefined;
  return db.query.forums.findFirst({ where: eq(forums.slug, slug) });
}

export async function listForums(db: Db): Promise<Forum[]> {
  return db.select().from(forums).orderBy(asc(forums.closesAt));
}

/**
 * Inputs stored per forum id, counted (a forum's last reference number can run ahead of it: a
 * submission that failed after taking its number leaves that number unused).
 */
export async function countInputsPerForum(db: Db): Promise<Map<string, number>> {
  const rows = await db.select({ forumId: submissions.forumId, n: count() }).from(submissions).groupBy(submissions.forumId);
  return new Map(rows.map((r) => [r.forumId, r.n]));
}


/** The forum with this id; undefined for anything that is not one (including malformed ids). */
export async function findForumById(db: Db, id: string | undefined): Promise<Forum | undefined> {
  if (!isUuid(id)) return undefined;
  return db.query.forums.findFirst({ where: eq(forums.id, id) });
}
