import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { forums, type Forum } from '../../../db/schema';
import { isUuid } from '../ids/uuid';

import { isSlug } from './slug';


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
