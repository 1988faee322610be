/**
 * Search of the public record: published inputs of one forum or of all, narrowed by the listing's
 * filters and a text query in any UN language, a page at a time in keyset order (no OFFSET: a
 * deep page costs what the first does, and nothing repeats or goes missing as inputs are
 * published meanwhile). Matching and ordering read public_search_entries (one narrow row per
 * published input, kept by triggers: db/schema/public-search.ts), the page's inputs then come from
 * the public columns of submissions; query functions are in migration 0021.
 */
import { and, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { forums, publicSearchEntries as entries, submissions } from '../../../../db/schema';
import { publicColumns, type PublicInput } from '../public-inputs';
import { effectiveSort, FILTER_KEYS, type PublicSearch, type SearchSort } from './public-search-params';
import { decodePosition, encodePosition, type SearchPosition } from './search-position';
import { snippetOf, type SnippetSegment } from './snippet';

export const SEARCH_PAGE_SIZE = 20;

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

const query = (q: string) => sql`public_search_query(${q})`;
/** Relevance: how the title and summary match (a match only in the text ranks after them, newest first). */
const rank = (q: string) => sql<string>`ts_rank(${entries.head}, ${query(q)})`;
/** PostgreSQL keeps microseconds, a JS Date only milliseconds: positions travel as text. */
const publishedText = sql<string>`to_char(${entries.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function conditions(forumId: string | undefined, search: PublicSearch): SQL[] {
  const facets = FILTER_KEYS.flatMap((key) => (key !== 'forum' && search[key] ? [`${FACET_KIND[key]}:${search[key]}`] : []));
  const where: (SQL | undefined)[] = [
    forumId ? eq(entries.forumId, forumId) : search.forum ? sql`${entries.forumId} = (select id from ${forums} where slug = ${search.forum})` : undefined,
    facets.length ? sql`${entries.facets} @> ${sql.param(facets)}::text[]` : undefined,
    search.q ? sql`${entries.document} @@ ${query(search.q)}` : undefined,
  ];
  return where.filter((c): c is SQL => c !== undefined);
}

/** The inputs after a position, as one row comparison (an index scan can start there). */
function afterPosition(position: SearchPosition, sort: SearchSort, q: string | undefined): SQL {
  if (sort === 'relevance' && q) {
    return sql`(${rank(q)}, ${entries.publishedAt}, ${entries.reference}) < (${position.rank}::real, ${position.publishedAt}::timestamptz, ${position.reference})`;
  }
  const direction = sort === 'oldest' ? sql`>` : sql`<`;
  return sql`(${entries.publishedAt}, ${entries.reference}) ${direction} (${position.publishedAt}::timestamptz, ${position.reference})`;
}

/** A position this sort can start from: a relevance position carries a rank, a date one does not. */
export function positionFor(after: string | undefined, search: Pick<PublicSearch, 'q' | 'sort'>): SearchPosition | undefined | 'invalid' {
  const position = decodePosition(after);
  if (position === undefined || position === 'invalid') return position;
  return (position.rank !== undefined) === (effectiveSort(search) === 'relevance') ? position : 'invalid';
}

function orderOf(sort: SearchSort, q: string | undefined): SQL[] {
  if (sort === 'relevance' && q) return [sql`${rank(q)} desc`, sql`${entries.publishedAt} desc`, sql`${entries.reference} desc`];
  if (sort === 'oldest') return [sql`${entries.publishedAt} asc`, sql`${entries.reference} asc`];
  return [sql`${entries.publishedAt} desc`, sql`${entries.reference} desc`];
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
 * page; undefined on the last) and `total` (every match, or COUNT_LIMIT and `capped`).
 */
export async function searchPublishedInputs(
  db: Db,
  forumId: string | undefined,
  search: PublicSearch,
  limit = SEARCH_PAGE_SIZE,
): Promise<{ inputs: FoundInput[]; next?: string; total: number; capped: boolean }> {
  const [page, { total, capped }] = await Promise.all([searchPage(db, forumId, search, limit), countMatches(db, forumId, search)]);
  const passages = search.q ? await matchingPassages(db, page.inputs.map((r) => r.reference), search.q) : new Map<string, string>();
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
 * search entries alone (a subquery with its limit), and only its inputs are then read from
 * submissions: joined earlier, PostgreSQL may read every match's input before sorting.
 */
export async function searchPage(db: Db, forumId: string | undefined, search: PublicSearch, limit = SEARCH_PAGE_SIZE) {
  const sort = effectiveSort(search);
  const where = conditions(forumId, search);
  // A position that does not fit (a hand-edited link) starts from the first page.
  const position = positionFor(search.after, search);
  if (position && position !== 'invalid') where.push(afterPosition(position, sort, search.q));
  const byRank = sort === 'relevance' && search.q ? search.q : undefined;
  const chosen = db
    .select({
      id: sql<string>`${entries.submissionId}`.as('chosen_id'),
      publishedAt: sql<Date>`${entries.publishedAt}`.as('chosen_published_at'),
      reference: sql<string>`${entries.reference}`.as('chosen_reference'),
      publishedText: publishedText.as('chosen_published_text'),
      rank: (byRank ? sql<number>`${rank(byRank)}` : sql<number>`0::real`).as('chosen_rank'),
    })
    .from(entries)
    .where(and(...where))
    .orderBy(...orderOf(sort, search.q))
    .limit(limit + 1)
    .as('chosen');
  const direction = sort === 'oldest' ? sql`asc` : sql`desc`;
  const rows = await db
    .select({
      ...listedColumns,
      publishedText: chosen.publishedText,
      // As text: the exact real PostgreSQL compares, for the next page's position.
      rank: sql<string>`${chosen.rank}::text`,
    })
    .from(chosen)
    .innerJoin(submissions, eq(submissions.id, chosen.id))
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .orderBy(sql`${chosen.rank} desc`, sql`${chosen.publishedAt} ${direction}`, sql`${chosen.reference} ${direction}`);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next =
    rows.length > limit && last
      ? encodePosition({ ...(byRank ? { rank: last.rank } : {}), publishedAt: last.publishedText, reference: last.reference })
      : undefined;
  return { inputs: page.map(({ publishedText: _p, rank: _r, ...input }) => input), next };
}

/**
 * Searches with words count their matches up to this many: beyond it, an exact count of a common
 * word costs more than the page itself, and "more than 1,000" tells a reader as much.
 */
export const COUNT_LIMIT = 1000;

/** How many published inputs match, on every page together; with words, at most COUNT_LIMIT (`capped`). */
export async function countMatches(db: Db, forumId: string | undefined, search: PublicSearch, limit = COUNT_LIMIT): Promise<{ total: number; capped: boolean }> {
  const where = and(...conditions(forumId, search));
  if (!search.q) {
    const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(entries).where(where);
    return { total, capped: false };
  }
  const matches = db.select({ one: sql`1` }).from(entries).where(where).limit(limit + 1).as('matches');
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(matches);
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
        else ts_headline(public_search_config(${submissions.language}), ${text}, ${query(q)}, ${HEADLINE_OPTIONS}) end`,
    })
    .from(submissions)
    .where(and(isNotNull(submissions.publishedAt), sql`${submissions.reference} = any(${sql.param(references)}::text[])`));
  return new Map(rows.map((r) => [r.reference, r.passage]));
}

const HEADLINE_OPTIONS = 'StartSel=\uE000, StopSel=\uE001, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "';
