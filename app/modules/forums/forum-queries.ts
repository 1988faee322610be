import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { forums, type Forum } from '../../../db/schema';

export async function findForumBySlug(db: Db, slug: string): Promise<Forum | undefined> {
  return db.query.forums.findFirst({ where: eq(forums.slug, slug) });
}

export async function listForums(db: Db): Promise<Forum[]> {
  return db.select().from(forums).orderBy(asc(forums.closesAt));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The forum with this id; undefined for anything that is not one (including malformed ids). */
export async function findForumById(db: Db, id: string | undefined): Promise<Forum | undefined> {
  if (!id || !UUID.test(id)) return undefined;
  return db.query.forums.findFirst({ where: eq(forums.id, id) });
}
