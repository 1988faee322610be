/**
 * Which published inputs make one page of a search, in its order, read from the search entries
 * alone (the page's inputs are then read from submissions). Pages follow each other in keyset
 * order, never OFFSET: a deep page costs what the first does, and nothing repeats or goes missing
 * as inputs are published meanwhile.
 *
 * Order by relevance: inputs whose title or summary match come first (tier 1), then those matching
 * only in their text or author (tier 0), newest first within each. Each tier is a walk down the
 * date index that stops at the page's end; ranking every match by ts_rank cost 150 ms for a word
 * in a third of 100,000 inputs.
 */
import { and, asc, desc, not, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import { publicSearchEntries as entries } from '../../../../db/schema';
import { effectiveSort, type PublicSearch } from './public-search-params';
import { filterConditions, inHead, mayExclude, searchConditions } from './search-conditions';
import type { SearchPosition } from './search-position';

export interface ChosenEntry {
  id: string;
  /** The publication instant to the microsecond (a JS Date keeps only milliseconds). */
  publishedText: string;
  reference: string;
  /** For relevance: 1 when the title or summary matches, 0 when only the text does. */
  tier: number;
}

const PUBLISHED_TEXT_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"';

/** A position's tier: its rank, 1 or 0 (a ts_rank from older links counts as 1 when above 0). */
const tierOf = (position: SearchPosition) => (Number(position.rank) > 0 ? 1 : 0);

/** The entries of one page and one more (`wanted`), in the search's order, after `position`. */
export async function choosePageEntries(db: Db, forumId: string | undefined, search: PublicSearch, position: SearchPosition | undefined, wanted: number): Promise<ChosenEntry[]> {
  const sort = effectiveSort(search);
  const where = searchConditions(forumId, search);
  if (sort !== 'relevance' || !search.q) return walk(db, where, sort === 'oldest' ? 'asc' : 'desc', position, wanted);
  const startTier = position ? tierOf(position) : 1;
  const headTier = mayExclude(search.q) ? [...where, inHead(search.q)] : [...filterConditions(forumId, search), inHead(search.q)];
  const chosen = startTier === 1 ? await walk(db, headTier, 'desc', position, wanted, 1) : [];
  if (chosen.length < wanted) chosen.push(...(await walk(db, [...where, not(inHead(search.q))], 'desc', startTier === 0 ? position : undefined, wanted - chosen.length, 0)));
  return chosen;
}

/**
 * Up to `limit` matching entries in publication order after `after`: one row comparison, so the
 * date index is entered at the position.
 */
async function walk(db: Db, where: SQL[], order: 'asc' | 'desc', after: SearchPosition | undefined, limit: number, tier = 0): Promise<ChosenEntry[]> {
  const keyset = after
    ? sql`(${entries.publishedAt}, ${entries.reference}) ${order === 'asc' ? sql`>` : sql`<`} (${after.publishedAt}::timestamptz, ${after.reference})`
    : undefined;
  const by = order === 'asc' ? asc : desc;
  const rows = await db
    .select({ id: entries.submissionId, publishedText: sql<string>`to_char(${entries.publishedAt} at time zone 'UTC', ${PUBLISHED_TEXT_FORMAT})`, reference: entries.reference })
    .from(entries)
    .where(and(...where, keyset))
    .orderBy(by(entries.publishedAt), by(entries.reference))
    .limit(limit);
  return rows.map((r) => ({ ...r, tier }));
}
