import type { AppLoadContext } from '@remix-run/node';
import type { Forum } from '../../db/schema';
import { findForumById, findForumBySlug } from '../modules/forums/forum-queries';
import type { InterfaceLocale } from '../modules/taxonomy/locales';
import { statusPage } from './message-page.server';

/**
 * The forum named by the URL, or a thrown 404: a page's error boundary renders it by status; a feed
 * or other download answers it as the not-found page in the URL's language.
 */
export async function requireForum(context: AppLoadContext, slug: string | undefined, locale: InterfaceLocale): Promise<Forum> {
  const forum = slug ? await findForumBySlug(context.db, slug) : undefined;
  if (!forum) throw statusPage(locale, 404);
  return forum;
}

/** The forum an admin page names by id, or a thrown 404 as above. */
export async function requireForumById(context: AppLoadContext, id: string | undefined, locale: InterfaceLocale): Promise<Forum> {
  const forum = await findForumById(context.db, id);
  if (!forum) throw statusPage(locale, 404);
  return forum;
}
