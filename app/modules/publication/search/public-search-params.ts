/**
 * The public listing's search, read from and written to the page's query string: every state of
 * the listing is a shareable address. Values the lists do not know are dropped rather than
 * refused, so an old or hand-edited link still opens. Pure: shared by pages, the API and tests.
 */
import { isSlug } from '../../forums/slug';
import { CONSTITUENCY_KEYS } from '../../taxonomy/constituencies';
import { isCountryCode } from '../../taxonomy/countries';
import { UN_LANGUAGES } from '../../taxonomy/locales';
import { OBJECTIVE_KEYS } from '../../taxonomy/objectives';
import { PRINCIPLE_KEYS } from '../../taxonomy/principles';
import { REGION_KEYS } from '../../taxonomy/regions';
import { SUBMITTER_TYPE_KEYS } from '../../taxonomy/submitter-types';

export const SEARCH_SORTS = ['relevance', 'newest', 'oldest'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

/** Longest query kept; longer text is cut (a query is a few words, not a document). */
export const MAX_QUERY_LENGTH = 200;

/** The filters, each one value (an input matches every filter given). */
export interface SearchFilters {
  /** A forum's slug: only on the listing across forums. */
  forum?: string;
  objective?: string;
  principle?: string;
  constituency?: string;
  submitterType?: string;
  region?: string;
  country?: string;
  language?: string;
}

export const FILTER_KEYS = ['forum', 'objective', 'principle', 'constituency', 'submitterType', 'region', 'country', 'language'] as const satisfies ReadonlyArray<keyof SearchFilters>;

export interface PublicSearch extends SearchFilters {
  q?: string;
  /** What was asked for; the default, relevance, lists newest first when there is no query (every input matches alike). */
  sort: SearchSort;
  /** Where the page starts: the `next` of the page before (search-position.ts), opaque here. */
  after?: string;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const POSITION = /^[A-Za-z0-9_-]{1,200}$/;

/**
 * The words of a search box as the database can take them: control characters (a NUL, which
 * PostgreSQL text cannot hold, among them) become spaces, and the text is bounded without cutting
 * a character in half.
 */
export function searchWords(raw: string | null, maxChars = MAX_QUERY_LENGTH): string {
  return [...(raw ?? '').replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').trim()].slice(0, maxChars).join('').trim();
}

export function parsePublicSearch(params: URLSearchParams): PublicSearch {
  const q = searchWords(params.get('q'));
  const forum = params.get('forum') ?? '';
  const country = params.get('country') ?? '';
  const after = params.get('after') ?? '';
  return {
    q: q.length > 0 ? q : undefined,
    forum: isSlug(forum) ? forum : undefined,
    objective: oneOf(OBJECTIVE_KEYS, params.get('objective')),
    principle: oneOf(PRINCIPLE_KEYS, params.get('principle')),
    constituency: oneOf(CONSTITUENCY_KEYS, params.get('constituency')),
    submitterType: oneOf(SUBMITTER_TYPE_KEYS, params.get('submitterType')),
    region: oneOf(REGION_KEYS, params.get('region')),
    country: isCountryCode(country) ? country : undefined,
    language: oneOf(UN_LANGUAGES, params.get('language')),
    sort: oneOf(SEARCH_SORTS, params.get('sort')) ?? 'relevance',
    after: POSITION.test(after) ? after : undefined,
  };
}

/** The order the results actually come in. */
export function effectiveSort(search: Pick<PublicSearch, 'q' | 'sort'>): SearchSort {
  return search.sort === 'relevance' && !search.q ? 'newest' : search.sort;
}

/** The query string of a search, with `changes` applied; the page position only if `changes` sets one. */
export function publicSearchQuery(search: PublicSearch, changes: Partial<PublicSearch> = {}): string {
  const merged: PublicSearch = { ...search, after: undefined, ...changes };
  const params = new URLSearchParams();
  if (merged.q) params.set('q', merged.q);
  for (const key of FILTER_KEYS) {
    const value = merged[key];
    if (value) params.set(key, value);
  }
  // The default order is left out, so the address of a plain search stays short.
  if (merged.sort !== 'relevance') params.set('sort', merged.sort);
  if (merged.after) params.set('after', merged.after);
  return params.toString();
}

/** Whether any filter or query narrows the listing (the page then says what was searched). */
export function isNarrowed(search: PublicSearch): boolean {
  return Boolean(search.q) || FILTER_KEYS.some((key) => Boolean(search[key]));
}
