import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { forums, type Forum } from '../../../db/schema';
import { isUuid } from '../ids/uuid';

/** Slugs are lower-case words joined by hyphens; anything else names no forum (and never reaches SQL). */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export function isSlug(value: string): boolean {
  return value.length <= 80 && SLUG.test(value);
}

export async function findForumBySlug(db: Db, slug: string): Promise<Forum | undefined> {
  if (!isSlug(slug)) return undefined;
  return db.query.forums.findFirst({ where: eq(forums.slug, slug) });
}

export async function listForums(db: Db): Promise<Forum[]> {
  return db.select().from(forums).orderBy(asc(forums.closesAt));
}


/** The forum with this id; undefined for anything that is not one (including malformed ids). */
export async function findForumById(db: Db, id: string | undefined): Promise<Forum | undefined> {
  if (!isUuid(id)) return undefined;
  return db.query.forums.findFirst({ where: eq(forums.id, id) });
}
