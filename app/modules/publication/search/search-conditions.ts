/**
 * The SQL conditions of a public search on public_search_entries (one narrow row per published
 * input, kept by triggers: db/schema/public-search.ts; the query functions are in migrations 0021
 * and 0030): its forum and filters, and its words.
 */
import { eq, sql, type SQL } from 'drizzle-orm';
import { forums, publicSearchEntries as entries } from '../../../../db/schema';
import { FILTER_KEYS, type PublicSearch } from './public-search-params';

/** Facet names in public_facets ("kind:value"), per filter of the listing. */
const FACET_KIND = {
  objective: 'objective',
  principle: 'principle',
  constituency: 'constituency',
  submitterType: 'type',
  region: 'region',
  country: 'country',
  language: 'language',
} as const;

export const searchQuery = (q: string) => sql`public_search_query(${q})`;

/** Whether the title or summary match: the first tier of the relevance order. */
export const inHead = (q: string) => sql`${entries.head} @@ ${searchQuery(q)}`;

const facetsOf = (search: PublicSearch) => FILTER_KEYS.flatMap((key) => (key !== 'forum' && search[key] ? [`${FACET_KIND[key]}:${search[key]}`] : []));

function forumCondition(forumId: string | undefined, search: PublicSearch): SQL[] {
  if (forumId) return [eq(entries.forumId, forumId)];
  return search.forum ? [sql`${entries.forumId} = (select id from ${forums} where slug = ${search.forum})`] : [];
}

/** The forum and the filters: everything a search asks but its words. */
export function filterConditions(forumId: string | undefined, search: PublicSearch): SQL[] {
  const facets = facetsOf(search);
  return [...forumCondition(forumId, search), ...(facets.length ? [sql`${entries.facets} @> ${sql.param(facets)}::text[]`] : [])];
}

/**
 * Everything the search asks: its forum, filters and words. For walking the date index a page at
 * a time: each input's filters are tested before its document, which is stored out of line.
 */
export function searchConditions(forumId: string | undefined, search: PublicSearch): SQL[] {
  const where = filterConditions(forumId, search);
  return search.q ? [...where, sql`${entries.document} @@ ${searchQuery(search.q)}`] : where;
}

/**
 * The same inputs as searchConditions, for reading all matches through the indexes (counts): with
 * words, the filters' values and the forum are words of the document too (migration 0030), and one
 * query on the document index intersects them all, cheaper than combining the document index with
 * the filters' and the forum's. (A forum named by its address across forums keeps its own test.)
 */
export function matchConditions(forumId: string | undefined, search: PublicSearch): SQL[] {
  if (!search.q) return filterConditions(forumId, search);
  const facets = forumId ? [...facetsOf(search), `forum:${forumId}`] : facetsOf(search);
  const forumByAddress = forumId ? [] : forumCondition(undefined, search);
  return [...forumByAddress, sql`${entries.document} @@ public_search_query_with_facets(${search.q}, ${sql.param(facets)}::text[])`];
}

/**
 * Whether the words may exclude some (websearch syntax: -word, -"a phrase"). Without exclusion, a
 * match in the title and summary is a match in the whole document (it holds them, in the same
 * positions), so the first relevance tier need not test the document, and reads only the inputs
 * it returns through the head index. Any hyphen counts: a hyphenated word only costs the shortcut.
 */
export const mayExclude = (q: string) => q.includes('-');
