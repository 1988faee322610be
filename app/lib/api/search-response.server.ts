/**
 * The API's listing of published inputs, of one forum or all: the public listing's search (same
 * filters, same query language, same order) as JSON pages. Unlike a page's address, a value the
 * lists do not know is refused (400), not dropped: a program should learn that its filter
 * matched nothing it meant.
 */
import type { Db } from '../../../db/client';
import { translator } from '../../i18n/translate';
import { findForumBySlug } from '../../modules/forums/forum-queries';
import { FILTER_KEYS, MAX_QUERY_LENGTH, parsePublicSearch, type PublicSearch } from '../../modules/publication/search/public-search-params';
import { positionFor, searchPublishedInputs } from '../../modules/publication/search/search-published-inputs';
import { MAX_PAGE_SIZE, pageSizeParam, slugParam } from './params';
import { problem } from './problem';
import { publicInputSummary } from './resources';
import { handleApi, json, notFound, PUBLIC_CACHE } from './responses';

/** Query parameters the listing reads; `after` is the web page's name for what the API calls `cursor`. */
const KNOWN = new Set(['q', 'sort', 'limit', 'cursor', ...FILTER_KEYS]);

/** The search a query string asks for, or undefined when any value in it is not one the API knows. */
function strictSearch(query: URLSearchParams, scope: 'all' | 'forum'): PublicSearch | undefined {
  const parsed = parsePublicSearch(query);
  for (const [key, value] of query) {
    if (!KNOWN.has(key) || query.getAll(key).length > 1) return undefined;
    if (key === 'forum' && scope === 'forum') return undefined;
    if ((FILTER_KEYS as readonly string[]).includes(key) && parsed[key as (typeof FILTER_KEYS)[number]] !== value) return undefined;
  }
  if ((query.get('q') ?? '').length > MAX_QUERY_LENGTH) return undefined;
  if (query.has('sort') && parsed.sort !== query.get('sort')) return undefined;
  return { ...parsed, after: query.get('cursor') ?? undefined };
}

export function publishedInputsSearch(request: Request, db: Db, scope: { slug: string } | 'all'): Promise<Response> {
  return handleApi(request, async (locale) => {
    let forum;
    if (scope !== 'all') {
      const slug = slugParam(scope.slug);
      forum = slug ? await findForumBySlug(db, slug) : undefined;
      if (!forum) return notFound(locale);
    }
    const url = new URL(request.url);
    const limit = pageSizeParam(url.searchParams.get('limit'));
    const search = strictSearch(url.searchParams, forum ? 'forum' : 'all');
    if (limit === undefined || search === undefined || positionFor(search.after, search) === 'invalid') {
      return problem(locale, 'invalid-query', { detail: translator(locale)('api.problem.invalidQuery.detail', { max: MAX_PAGE_SIZE }) });
    }
    const page = await searchPublishedInputs(db, forum?.id, search, limit);
    const nextCursor = page.next ?? null;
    const nextQuery = new URLSearchParams(url.searchParams);
    if (nextCursor) nextQuery.set('cursor', nextCursor);
    return json(
      {
        inputs: page.inputs.map(publicInputSummary),
        total: page.total,
        totalCapped: page.capped,
        nextCursor,
        links: { next: nextCursor ? `${url.pathname}?${nextQuery}` : null },
      },
      { headers: { 'Cache-Control': PUBLIC_CACHE } },
    );
  });
}
