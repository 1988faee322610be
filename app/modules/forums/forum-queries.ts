import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { forums, type Forum } from '../../../db/schema';

export async function findForumBySlug(db: Db, slug: string): Promise<Forum | undefined> {
  return db.query.forums.findFirst({ where: eq(forums.slug, slug) });
}

export async function listForums(db: Db): Promise<Forum[]> {
  return db.select().from(forums).orderBy(asc(forums.closesAt));
}
