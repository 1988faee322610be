/**
 * The moderation queue: confirmed inputs matching the moderator's filters, a page at a time in
 * keyset order (received, id), with counts of the matching inputs by forum, stage, group, region,
 * language and country computed in one pass (GROUPING SETS). Only forums the moderator may see
 * are ever read.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../../db/client';
import { withoutTableScans } from '../../../db/planner';
import { attachments, forums, staffUsers, submissions } from '../../../db/schema';
import type { QueueCursor, QueueFilter } from './queue-filter';

export const QUEUE_PAGE_SIZE = 50;

type ForumScope = 'all' | string[];

const hasAttachments = sql<boolean>`exists (select 1 from ${attachments} a where a.submission_id = ${submissions.id})`;
/**
 * The same, as a column of a page: one index probe per input shown. Written as EXISTS there,
 * PostgreSQL may plan it for every input the filter matches, before the page's limit, and build a
 * hash of every attachment in the portal on each page load.
 */
const rowHasAttachments = sql<boolean>`coalesce((select true from ${attachments} a where a.submission_id = ${submissions.id} limit 1), false)`;

/** The conditions of a filter, without the page cursor (and without the stage when asked). */
function conditions(filter: QueueFilter, scope: ForumScope, options: { stage?: boolean } = {}): SQL[] {
  const where: (SQL | undefined)[] = [
    // Inputs whose address was never confirmed never reach moderators.
    isNotNull(submissions.emailConfirmedAt),
    scope === 'all' ? undefined : scope.length ? inArray(submissions.forumId, scope) : sql`false`,
    options.stage === false
      ? undefined
      : filter.stage === 'withdrawn'
        ? isNotNull(submissions.withdrawnAt)
        : and(eq(submissions.decision, filter.stage), isNull(submissions.withdrawnAt)),
    filter.forum ? eq(submissions.forumId, filter.forum) : undefined,
    filter.constituency ? eq(submissions.constituency, filter.constituency) : undefined,
    filter.region ? eq(submissions.region, filter.region) : undefined,
    filter.country ? eq(submissions.country, filter.country) : undefined,
    filter.language ? eq(submissions.language, filter.language) : undefined,
    filter.objective ? sql`${submissions.objectives} @> array[${filter.objective}]::text[]` : undefined,
    filter.attachments === 'yes' ? hasAttachments : filter.attachments === 'no' ? sql`not ${hasAttachments}` : undefined,
    filter.flagged === 'yes' ? eq(submissions.likelyPersonalData, true) : undefined,
    filter.flagged === 'similar' ? isNotNull(submissions.similarGroup) : undefined,
    filter.group ? eq(submissions.similarGroup, filter.group) : undefined,
    filter.q ? sql`${submissions.searchDocument} @@ websearch_to_tsquery('simple'::regconfig, ${filter.q})` : undefined,
  ];
  return where.filter((c): c is SQL => c !== undefined);
}

/**
 * The inputs after the cursor, as one row comparison: PostgreSQL starts the index scan at the
 * cursor, where the same condition spelled with OR would be checked on every input before it.
 */
function afterCursor(cursor: QueueCursor, order: QueueFilter['order']): SQL {
  const direction = order === 'oldest' ? sql`>` : sql`<`;
  return sql`(${submissions.receivedAt}, ${submissions.id}) ${direction} (${cursor.receivedAt}::timestamptz, ${cursor.id}::uuid)`;
}

/** A received time as the cursor carries it: to the microsecond, as stored (a Date keeps only milliseconds). */
const cursorAt = sql<string>`to_char(${submissions.receivedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Who holds a claim on the input, joined only while the claim lasts. */
export const liveClaimant = alias(staffUsers, 'claimant');
export const liveClaimantJoin = and(eq(liveClaimant.id, submissions.claimedBy), gt(submissions.claimedUntil, sql`now()`));

export async function listQueuePage(db: Db, filter: QueueFilter, scope: ForumScope, pageSize = QUEUE_PAGE_SIZE) {
  const where = conditions(filter, scope);
  if (filter.after) where.push(afterCursor(filter.after, filter.order));
  const direction = filter.order === 'oldest' ? asc : desc;
  const rows = await db
    .select({
      id: submissions.id,
      reference: submissions.reference,
      title: submissions.title,
      language: submissions.language,
      constituency: submissions.constituency,
      country: submissions.country,
      receivedAt: submissions.receivedAt,
      revisedAt: submissions.revisedAt,
      version: submissions.version,
      likelyPersonalData: submissions.likelyPersonalData,
      hasAttachments: rowHasAttachments,
      similarGroup: submissions.similarGroup,
      // Other members of its group of near-identical inputs (served by the similar_group index).
      similarCount: sql<number>`case when ${submissions.similarGroup} is null then 0 else (select count(*)::int - 1 from submissions g where g.similar_group = ${submissions.similarGroup}) end`,
      forumName: forums.name,
      claimedBy: submissions.claimedBy,
      claimantName: liveClaimant.displayName,
      claimedUntil: submissions.claimedUntil,
      cursorAt,
    })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .leftJoin(liveClaimant, liveClaimantJoin)
    .where(and(...where))
    .orderBy(direction(submissions.receivedAt), direction(submissions.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const next = rows.length > pageSize && last ? { receivedAt: last.cursorAt, id: last.id } : undefined;
  return { rows: page.map(({ cursorAt: _cursorAt, ...row }) => row), next };
}

export type QueueFacet = 'forum' | 'constituency' | 'region' | 'language' | 'country';
export type QueueCounts = Record<QueueFacet | 'stage', Record<string, number>> & { total: number };

const FACET_COLUMNS = {
  forum: submissions.forumId,
  constituency: submissions.constituency,
  region: submissions.region,
  language: submissions.language,
  country: submissions.country,
} as const;

/**
 * How many inputs match, and how they divide by each facet, in two statements run together: one
 * counts by stage with every filter but the stage (a moderator sees how many wait in each stage),
 * the other counts the matches by each facet at once with GROUPING SETS.
 */
export async function queueCounts(db: Db, filter: QueueFilter, scope: ForumScope): Promise<QueueCounts> {
  const stage = sql<string>`case when ${submissions.withdrawnAt} is not null then 'withdrawn' else ${submissions.decision} end`;
  const facets = Object.entries(FACET_COLUMNS) as Array<[QueueFacet, (typeof FACET_COLUMNS)[QueueFacet]]>;
  const byStageQuery = (on: Db | Tx) =>
    on
      .select({ stage, n: sql<number>`count(*)::int` })
      .from(submissions)
      .where(and(...conditions(filter, scope, { stage: false })))
      .groupBy(stage);
  const byFacetQuery = (on: Db | Tx) =>
    on
      .select({
        ...Object.fromEntries(facets.map(([name, column]) => [name, column])),
        // Which grouping set a row belongs to: bit i (from the left) is 1 when facet i is not grouped.
        set: sql<number>`grouping(${sql.join(facets.map(([, c]) => c), sql`, `)})::int`,
        n: sql<number>`count(*)::int`,
      })
      .from(submissions)
      .where(and(...conditions(filter, scope)))
      .groupBy(sql`grouping sets (${sql.join(facets.map(([, c]) => sql`(${c})`), sql`, `)})`);
  // A search counts through the search index (withoutTableScans says why).
  const [byStage, byFacet] = filter.q
    ? await Promise.all([withoutTableScans(db, byStageQuery), withoutTableScans(db, byFacetQuery)])
    : await Promise.all([byStageQuery(db), byFacetQuery(db)]);
  const counts: QueueCounts = { stage: {}, forum: {}, constituency: {}, region: {}, language: {}, country: {}, total: 0 };
  for (const r of byStage) counts.stage[r.stage] = r.n;
  for (const r of byFacet as Array<Record<string, unknown> & { set: number; n: number }>) {
    facets.forEach(([name], i) => {
      const grouped = ((r.set >> (facets.length - 1 - i)) & 1) === 0;
      if (grouped) counts[name][String(r[name])] = r.n;
    });
  }
  counts.total = Object.values(counts.forum).reduce((a, b) => a + b, 0);
  return counts;
}
