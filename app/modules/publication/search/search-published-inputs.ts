/**
 * Search of the public record: published inputs of one forum or of all, narrowed by the listing's
 * filters and a text query in any UN language, a page at a time (page-entries.ts chooses which),
 * with the count of matches and, with words, the passages that match. Matching reads
 * public_search_entries (search-conditions.ts).
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { withoutTableScans } from '../../../../db/planner';
import { forums, publicSearchEntries as entries, submissions } from '../../../../db/schema';
import { publicColumns, type PublicInput } from '../public-inputs';
import { choosePageEntries } from './page-entries';
import { effectiveSort, type PublicSearch } from './public-search-params';
import { matchConditions, searchQuery } from './search-conditions';
import { decodePosition, encodePosition, type SearchPosition } from './search-position';
import { snippetOf, type SnippetSegment } from './snippet';

export const SEARCH_PAGE_SIZE = 20;

/** A position this sort can start from: a relevance position carries a rank, a date one does not. */
export function positionFor(after: string | undefined, search: Pick<PublicSearch, 'q' | 'sort'>): SearchPosition | undefined | 'invalid' {
  const position = decodePosition(after);
  if (position === undefined || position === 'invalid') return position;
  return (position.rank !== undefined) === (effectiveSort(search) === 'relevance') ? position : 'invalid';
}

/** What a listing shows of an input: everything public but the text itself. */
const { body: _body, ...listedColumns } = publicColumns;

export type FoundInput = Omit<PublicInput, 'body'> & {
  /** The summary, or with a query the passages that match, with the matched words marked. */
  snippet: SnippetSegment[];
};

/**
 * One page of the search (`forumId` undefined: across forums, where `search.forum` may name one),
 * as the listing shows it: the inputs with their snippets, `next` (the position of the following
 * page; undefined on the last) and `total` (every match, or the count's limit and `capped`).
 */
export async function searchPublishedInputs(
  db: Db,
  forumId: string | undefined,
  search: PublicSearch,
  limit = SEARCH_PAGE_SIZE,
): Promise<{ inputs: FoundInput[]; next?: string; total: number; capped: boolean }> {
  // The count runs beside the page and its passages (on another connection of the pool).
  const pageWithPassages = searchPage(db, forumId, search, limit).then(async (page) => ({
    page,
    passages: search.q ? await matchingPassages(db, page.inputs.map((r) => r.reference), search.q) : new Map<string, string>(),
  }));
  const [{ page, passages }, { total, capped }] = await Promise.all([pageWithPassages, countMatches(db, forumId, search)]);
  return {
    total,
    capped,
    next: page.next,
    inputs: page.inputs.map((input) => ({
      ...input,
      snippet: snippetOf({ summary: input.summary, passage: passages.get(input.reference), q: search.q, language: input.language }),
    })),
  };
}

/**
 * The inputs of one page, in order, and where the next page starts. The page is chosen from the
 * search entries alone (page-entries.ts), and only its inputs are then read from submissions.
 */
export async function searchPage(db: Db, forumId: string | undefined, search: PublicSearch, limit = SEARCH_PAGE_SIZE) {
  // A position that does not fit (a hand-edited link) starts from the first page.
  const position = positionFor(search.after, search);
  const chosen = await choosePageEntries(db, forumId, search, position === 'invalid' ? undefined : position, limit + 1);
  const page = chosen.slice(0, limit);
  const rows = page.length
    ? await db.select(listedColumns).from(submissions).innerJoin(forums, eq(forums.id, submissions.forumId)).where(sql`${submissions.id} = any(${sql.param(page.map((c) => c.id))}::uuid[])`)
    : [];
  const byReference = new Map(rows.map((r) => [r.reference, r]));
  const last = page.at(-1);
  const byRelevance = effectiveSort(search) === 'relevance';
  const next =
    chosen.length > limit && last
      ? encodePosition({ ...(byRelevance ? { rank: String(last.tier) } : {}), publishedAt: last.publishedText, reference: last.reference })
      : undefined;
  return { inputs: page.map((c) => byReference.get(c.reference)!), next };
}

/**
 * Listings count their matches up to this many: beyond it, an exact count costs more than the page
 * itself (a common word, or a filter matching a tenth of 1,000,000 inputs: every match is read),
 * and "more than 1,000" tells a reader as much.
 */
export const COUNT_LIMIT = 1000;

/** How many published inputs match, on every page together, up to `limit` (then `capped`). */
export async function countMatches(db: Db, forumId: string | undefined, search: PublicSearch, limit = COUNT_LIMIT): Promise<{ total: number; capped: boolean }> {
  // Through the indexes, as every search count is (withoutTableScans says why).
  const [{ total }] = await withoutTableScans(db, (tx) =>
    tx.select({ total: sql<number>`count(*)::int` }).from(tx.select({ one: sql`1` }).from(entries).where(and(...matchConditions(forumId, search))).limit(limit + 1).as('matches')),
  );
  return { total: Math.min(total, limit), capped: total > limit };
}

/**
 * The passages of each input that match the query, with matches between snippet.ts's markers
 * (ts_headline, which stems as the input's language does). Chinese text has no word boundaries for
 * it to work with: its start is returned for snippet.ts to find the query's characters in.
 */
async function matchingPassages(db: Db, references: string[], q: string): Promise<Map<string, string>> {
  if (references.length === 0) return new Map();
  const text = sql`coalesce(${submissions.publicSummary}, ${submissions.summary}) || E'\\n\\n' || coalesce(${submissions.publicBody}, ${submissions.body})`;
  const rows = await db
    .select({
      reference: submissions.reference,
      passage: sql<string>`case when ${submissions.language} = 'zh' then left(${text}, 4000)
        else ts_headline(public_search_config(${submissions.language}), ${text}, ${searchQuery(q)}, ${HEADLINE_OPTIONS}) end`,
    })
    .from(submissions)
    .where(and(isNotNull(submissions.publishedAt), sql`${submissions.reference} = any(${sql.param(references)}::text[])`));
  return new Map(rows.map((r) => [r.reference, r.passage]));
}

const HEADLINE_OPTIONS = 'StartSel=\uE000, StopSel=\uE001, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "';
