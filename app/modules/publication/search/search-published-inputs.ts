/**
 * Search of the public record: published inputs of one forum or of all, narrowed by the listing's
 * filters and a text query in any UN language, a page at a time in keyset order (no OFFSET: a
 * deep page costs what the first does, and nothing repeats or goes missing as inputs are
 * published meanwhile). Matching and ordering read public_search_entries (one narrow row per
 * published input, kept by triggers: db/schema/public-search.ts), the page's inputs then come from
 * the public columns of submissions; query functions are in migration 0021.
 */
import { and, asc, desc, eq, isNotNull, not, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { withoutTableScans } from '../../../../db/planner';
import { forums, publicSearchEntries as entries, submissions } from '../../../../db/schema';
import { publicColumns, type PublicInput } from '../public-inputs';
import { effectiveSort, FILTER_KEYS, type PublicSearch } from './public-search-params';
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
/**
 * Relevance: inputs whose title or summary matches come first, then those matching only in their
 * text or author; newest first within each. Each is a walk down the date index that stops at the
 * page's end; ranking every match by ts_rank cost 150 ms for a word in a third of 100,000 inputs.
 */
const inHead = (q: string) => sql`${entries.head} @@ ${query(q)}`;
/** PostgreSQL keeps microseconds, a JS Date only milliseconds: positions travel as text. */
const publishedText = sql<string>`to_char(${entries.publishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The forum and the filters: everything a search asks but its words. */
function filterConditions(forumId: string | undefined, search: PublicSearch): SQL[] {
  const facets = FILTER_KEYS.flatMap((key) => (key !== 'forum' && search[key] ? [`${FACET_KIND[key]}:${search[key]}`] : []));
  const where: (SQL | undefined)[] = [
    forumId ? eq(entries.forumId, forumId) : search.forum ? sql`${entries.forumId} = (select id from ${forums} where slug = ${search.forum})` : undefined,
    facets.length ? sql`${entries.facets} @> ${sql.param(facets)}::text[]` : undefined,
  ];
  return where.filter((c): c is SQL => c !== undefined);
}

function conditions(forumId: string | undefined, search: PublicSearch): SQL[] {
  const where = filterConditions(forumId, search);
  return search.q ? [...where, sql`${entries.document} @@ ${query(search.q)}`] : where;
}

/**
 * Whether the words may exclude some (websearch syntax: -word, -"a phrase"). Without exclusion, a
 * match in the title and summary is a match in the whole document (it holds them, in the same
 * positions), so the first relevance tier need not test the document, and reads only the inputs
 * it returns through the head index. Any hyphen counts: a hyphenated word only costs the shortcut.
 */
const mayExclude = (q: string) => q.includes('-');

/** A position this sort can start from: a relevance position carries a rank, a date one does not. */
export function positionFor(after: string | undefined, search: Pick<PublicSearch, 'q' | 'sort'>): SearchPosition | undefined | 'invalid' {
  const position = decodePosition(after);
  if (position === undefined || position === 'invalid') return position;
  return (position.rank !== undefined) === (effectiveSort(search) === 'relevance') ? position : 'invalid';
}

interface Chosen {
  id: string;
  publishedText: string;
  reference: string;
  /** For relevance: 1 when the title or summary matches, 0 when only the text does. */
  tier: number;
}

/**
 * Up to `limit` matching entries in publication order after `after`: one row comparison, so the
 * date index is entered at the position (or the text index used when few inputs match).
 */
async function walk(db: Db, where: SQL[], order: 'asc' | 'desc', after: SearchPosition | undefined, limit: number, tier = 0): Promise<Chosen[]> {
  const keyset = after
    ? sql`(${entries.publishedAt}, ${entries.reference}) ${order === 'asc' ? sql`>` : sql`<`} (${after.publishedAt}::timestamptz, ${after.reference})`
    : undefined;
  const by = order === 'asc' ? asc : desc;
  const rows = await db
    .select({ id: entries.submissionId, publishedText, reference: entries.reference })
    .from(entries)
    .where(and(...where, keyset))
    .orderBy(by(entries.publishedAt), by(entries.reference))
    .limit(limit);
  return rows.map((r) => ({ ...r, tier }));
}

/** The entries of one page and one more (to know whether another page follows), in the search's order. */
async function chooseEntries(db: Db, forumId: string | undefined, search: PublicSearch, position: SearchPosition | undefined, wanted: number): Promise<Chosen[]> {
  const sort = effectiveSort(search);
  const where = conditions(forumId, search);
  if (sort !== 'relevance' || !search.q) return walk(db, where, sort === 'oldest' ? 'asc' : 'desc', position, wanted);
  // A position names its tier (its rank: 1 or 0; a ts_rank from older links counts as 1 when above 0).
  const startTier = position && !(Number(position.rank) > 0) ? 0 : 1;
  const headTier = mayExclude(search.q) ? [...where, inHead(search.q)] : [...filterConditions(forumId, search), inHead(search.q)];
  const chosen = startTier === 1 ? await walk(db, headTier, 'desc', position, wanted, 1) : [];
  if (chosen.length < wanted) chosen.push(...(await walk(db, [...where, not(inHead(search.q))], 'desc', startTier === 0 ? position : undefined, wanted - chosen.length, 0)));
  return chosen;
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
 * search entries alone, and only its inputs are then read from submissions.
 */
export async function searchPage(db: Db, forumId: string | undefined, search: PublicSearch, limit = SEARCH_PAGE_SIZE) {
  // A position that does not fit (a hand-edited link) starts from the first page.
  const position = positionFor(search.after, search);
  const chosen = await chooseEntries(db, forumId, search, position === 'invalid' ? undefined : position, limit + 1);
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
  // Through the search index (withoutTableScans says why).
  const [{ total }] = await withoutTableScans(db, (tx) =>
    tx.select({ total: sql<number>`count(*)::int` }).from(tx.select({ one: sql`1` }).from(entries).where(where).limit(limit + 1).as('matches')),
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
        else ts_headline(public_search_config(${submissions.language}), ${text}, ${query(q)}, ${HEADLINE_OPTIONS}) end`,
    })
    .from(submissions)
    .where(and(isNotNull(submissions.publishedAt), sql`${submissions.reference} = any(${sql.param(references)}::text[])`));
  return new Map(rows.map((r) => [r.reference, r.passage]));
}

const HEADLINE_OPTIONS = 'StartSel=\uE000, StopSel=\uE001, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "';
