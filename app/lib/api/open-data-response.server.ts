import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import type { Db } from '../../../db/client';
import type { Forum } from '../../../db/schema';
import { findForumBySlug } from '../../modules/forums/forum-queries';
import { csvExport, jsonExport } from '../../modules/publication/open-data';
import { slugParam } from './params';
import { publicInputResource } from './resources';
import { handleApi, methodNotAllowed, notFound } from './responses';

type Format = 'csv' | 'json';

/**
 * The open-data download of one forum (or all): the body streams as it is read from the database,
 * and names a file to save. Cached briefly: a download is the same for every reader.
 */
function openDataResponse(format: Format, db: Db, forum: Forum | undefined, appUrl: string): Response {
  const name = `gcm-inputs-${forum?.slug ?? 'all'}.${format}`;
  const body = format === 'csv' ? csvExport(db, forum?.id, appUrl) : jsonExport(db, forum?.id, publicInputResource);
  return new Response(body, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
}

/** The route module of an open-data download: of the forum named by the `slug` parameter, or of all forums. */
export function openDataRoute(format: Format, scope: 'forum' | 'all') {
  return {
    loader: ({ request, params, context }: LoaderFunctionArgs) =>
      handleApi(request, async (locale) => {
        if (scope === 'all') return openDataResponse(format, context.db, undefined, context.env.APP_URL);
        const slug = slugParam(params.slug);
        const forum = slug ? await findForumBySlug(context.db, slug) : undefined;
        return forum ? openDataResponse(format, context.db, forum, context.env.APP_URL) : notFound(locale);
      }),
    action: ({ request }: ActionFunctionArgs) => methodNotAllowed(request, ['GET', 'HEAD']),
  };
}
