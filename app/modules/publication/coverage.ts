/**
 * The coverage map of a forum: which GCM objectives each stakeholder group and each UN region
 * addressed, how many inputs came in each language, and how many arrived each week. Counts only,
 * never a single input. The public sees published inputs; staff may also count the inputs still
 * in review (`underReview`), to see gaps while the call is open.
 *
 * An input addressing three objectives counts once under each of them in the objective maps, and
 * once in the language and weekly counts.
 */
import { and, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { submissions } from '../../../db/schema';
import { CONSTITUENCY_KEYS } from '../taxonomy/constituencies';
import { UN_LANGUAGES } from '../taxonomy/locales';
import { OBJECTIVE_KEYS } from '../taxonomy/objectives';
import { REGION_KEYS } from '../taxonomy/regions';

/** Rows × columns of counts, in taxonomy order (every key present, 0 when none). */
export interface CountGrid {
  rows: string[];
  columns: string[];
  counts: number[][];
}

export interface Coverage {
  total: number;
  byConstituency: CountGrid;
  byRegion: CountGrid;
  byLanguage: Array<{ key: string; count: number }>;
  /** Inputs by the week they were received (weeks start on Monday, UTC), oldest first, no gaps. */
  byWeek: Array<{ weekStart: Date; count: number }>;
}

export type CoverageScope = 'published' | 'underReview';

/** Published inputs, and with `underReview` also the confirmed inputs waiting for or through a decision to publish. */
function inScope(scope: CoverageScope): SQL {
  const published = isNotNull(submissions.publishedAt);
  if (scope === 'published') return published;
  return or(
    published,
    and(
      isNotNull(submissions.emailConfirmedAt),
      isNull(submissions.withdrawnAt),
      isNull(submissions.unpublishedAt),
      inArray(submissions.decision, ['pending', 'changes_requested', 'accepted']),
    ),
  )!;
}

function grid(rows: readonly string[], columns: readonly string[], cells: Array<{ row: string; column: string; n: number }>): CountGrid {
  const counts = rows.map(() => columns.map(() => 0));
  for (const c of cells) {
    const r = rows.indexOf(c.row);
    const k = columns.indexOf(c.column);
    if (r >= 0 && k >= 0) counts[r][k] = c.n;
  }
  return { rows: [...rows], columns: [...columns], counts };
}

export async function forumCoverage(db: Db, forumId: string, scope: CoverageScope): Promise<Coverage> {
  const where = and(eq(submissions.forumId, forumId), inScope(scope));
  const objective = sql<string>`objective`;
  // Both objective maps in one pass over the forum's inputs (GROUPING SETS).
  const byObjective = db
    .select({
      objective,
      constituency: sql<string | null>`case when grouping(${submissions.constituency}) = 0 then ${submissions.constituency} end`,
      region: sql<string | null>`case when grouping(${submissions.region}) = 0 then ${submissions.region} end`,
      n: sql<number>`count(*)::int`,
    })
    .from(sql`${submissions} cross join lateral unnest(${submissions.objectives}) as objective`)
    .where(where)
    .groupBy(sql`grouping sets ((${objective}, ${submissions.constituency}), (${objective}, ${submissions.region}))`);
  const perInput = db
    .select({
      language: sql<string | null>`case when grouping(${submissions.language}) = 0 then ${submissions.language} end`,
      week: sql<string | null>`case when grouping(date_trunc('week', ${submissions.receivedAt} at time zone 'UTC')) = 0
        then to_char(date_trunc('week', ${submissions.receivedAt} at time zone 'UTC'), 'YYYY-MM-DD') end`,
      n: sql<number>`count(*)::int`,
    })
    .from(submissions)
    .where(where)
    .groupBy(sql`grouping sets ((), (${submissions.language}), (date_trunc('week', ${submissions.receivedAt} at time zone 'UTC')))`);
  const [objectiveRows, inputRows] = await Promise.all([byObjective, perInput]);

  const total = inputRows.find((r) => r.language === null && r.week === null)?.n ?? 0;
  const weeks = inputRows.filter((r) => r.week !== null).map((r) => ({ weekStart: new Date(`${r.week}T00:00:00Z`), count: r.n }));
  return {
    total,
    byConstituency: grid(OBJECTIVE_KEYS, CONSTITUENCY_KEYS, objectiveRows.filter((r) => r.constituency).map((r) => ({ row: r.objective, column: r.constituency!, n: r.n }))),
    byRegion: grid(OBJECTIVE_KEYS, REGION_KEYS, objectiveRows.filter((r) => r.region).map((r) => ({ row: r.objective, column: r.region!, n: r.n }))),
    byLanguage: UN_LANGUAGES.map((key) => ({ key, count: inputRows.find((r) => r.language === key)?.n ?? 0 })),
    byWeek: everyWeek(weeks),
  };
}

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The weeks from the first to the last with inputs, those without any at 0: a gap shows as a gap. */
function everyWeek(weeks: Array<{ weekStart: Date; count: number }>): Array<{ weekStart: Date; count: number }> {
  if (weeks.length === 0) return [];
  const sorted = [...weeks].sort((a, b) => a.weekStart.getTime() - b.weekStart.getTime());
  const byTime = new Map(sorted.map((w) => [w.weekStart.getTime(), w.count]));
  const out = [];
  for (let t = sorted[0].weekStart.getTime(); t <= sorted.at(-1)!.weekStart.getTime(); t += WEEK_MS) out.push({ weekStart: new Date(t), count: byTime.get(t) ?? 0 });
  return out;
}
