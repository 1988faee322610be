import type { Db } from '../../db/client';
import { listForums } from '../modules/forums/forum-queries';
import { pickLabel } from '../modules/taxonomy/locales';

/** Forums to choose from when giving a moderator access, named in the page's language. */
export async function forumChoices(db: Db, locale: string) {
  const forums = await listForums(db);
  return forums.map((f) => ({ id: f.id, name: pickLabel(f.name, locale) }));
}
