import type { AppLoadContext } from '@remix-run/node';
import type { Forum } from '../../db/schema';
import { findForumBySlug } from '../modules/forums/forum-queries';

/** The forum named by the URL, or a 404 response. */
export async function requireForum(context: AppLoadContext, slug: string | undefined): Promise<Forum> {
  const forum = slug ? await findForumBySlug(context.db, slug) : undefined;
  if (!forum) throw new Response('Not found', { status: 404 });
  return forum;
}
