import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { translator } from '../i18n/translate';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageSizeParam, slugParam } from '../lib/api/params';
import { problem } from '../lib/api/problem';
import { publicInputSummary } from '../lib/api/resources';
import { handleApi, json, methodNotAllowed, notFound, PUBLIC_CACHE } from '../lib/api/responses';
import { findForumBySlug } from '../modules/forums/forum-queries';
import { pagePublishedInputs } from '../modules/publication/public-inputs';

/** GET /api/v1/forums/{slug}/inputs?limit=&cursor=: the forum's published inputs, newest first. */
export function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(request, async (locale) => {
    const slug = slugParam(params.slug);
    const forum = slug ? await findForumBySlug(context.db, slug) : undefined;
    if (!forum) return notFound(locale);
    const query = new URL(request.url).searchParams;
    const limit = pageSizeParam(query.get('limit'));
    const after = decodeCursor(query.get('cursor'));
    if (limit === undefined || after === 'invalid') {
      return problem(locale, 'invalid-query', { detail: translator(locale)('api.problem.invalidQuery.detail', { max: MAX_PAGE_SIZE }) });
    }
    const page = await pagePublishedInputs(context.db, forum.id, { limit, after });
    const nextCursor = page.next ? encodeCursor(page.next) : null;
    return json(
      {
        inputs: page.inputs.map(publicInputSummary),
        nextCursor,
        links: { next: nextCursor ? `/api/v1/forums/${forum.slug}/inputs?limit=${limit}&cursor=${nextCursor}` : null },
      },
      { headers: { 'Cache-Control': PUBLIC_CACHE } },
    );
  });
}

export const action = ({ request }: ActionFunctionArgs) => methodNotAllowed(request, ['GET', 'HEAD']);
