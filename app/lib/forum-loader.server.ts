import type { AppLoadContext } from '@remix-run/node';
import type { Forum } from '../../db/schema';
import { findForumById, findForumBySlug } from '../modules/forums/forum-queries';

/** The forum named by the URL, or a 404 response. */
export async function requireForum(context: AppLoadContext, slug: string | undefined): Promise<Forum> {
  const forum = slug ? await findForumBySlug(context.db, slug) : undefined;
  if (!forum) throw new Response('Not found', { status: 404 });
  return forum;
}

/** The forum an admin page names by id, or a 404 response. */
export async function requireForumById(context: AppLoadContext, id: string | undefined): Promise<Forum> {
  const forum = await findForumById(context.db, id);
  if (!forum) throw new Response('Not found', { status: 404 });
  return forum;
}
