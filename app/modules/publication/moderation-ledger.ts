/**
 * The public moderation ledger of one forum: how many inputs it received and what became of them.
 * Only counts leave this module, never a row, a reference or a date of any single input.
 *
 * What each number means:
 * - `received`: inputs whose sender confirmed the e-mail address (`email_confirmed_at` set). Only
 *   these reach the secretariat; inputs never confirmed (waiting, or expired and erased) are not
 *   counted anywhere here.
 * - Every received input is in exactly one outcome, so the outcomes add up to `received`:
 *   - `withdrawn`: taken back by the submitter before any decision (also when they had their
 *     personal data erased while it waited);
 *   - `awaitingDecision`: no decision yet, including inputs returned to the submitter with a
 *     request for changes (their edited version comes back to the same queue);
 *   - `published`: accepted and public on the forum's page;
 *   - `acceptedNotPublished`: accepted but not public yet (scheduled for a later time);
 *   - `unpublished`: published, then withdrawn from publication by the secretariat;
 *   - `rejected`: not accepted, by the kind of reason the moderator chose (every category, 0 when
 *     none); the reason itself went only to the submitter;
 *   - `duplicate`: the same input (or campaign text) as another one, which stands for both;
 *   - `spam`: not an input at all, set aside without a reply.
 * - `byConstituency` and `byRegion`: received and published inputs for each stakeholder group and
 *   UN region the submitters gave (every group and region of the taxonomy, 0 when none).
 * - `asOf`: the database's clock when the counts were taken.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { REJECTION_CATEGORIES, submissions, type RejectionCategory } from '../../../db/schema';
import { CONSTITUENCY_KEYS } from '../taxonomy/constituencies';
import { REGION_KEYS } from '../taxonomy/regions';

export const LEDGER_OUTCOMES = ['published', 'acceptedNotPublished', 'unpublished', 'awaitingDecision', 'rejected', 'duplicate', 'spam', 'withdrawn'] as const;
export type LedgerOutcome = (typeof LEDGER_OUTCOMES)[number];

export interface LedgerBreakdownRow {
  key: string;
  received: number;
  published: number;
}

export interface ModerationLedger {
  asOf: Date;
  received: number;
  outcomes: Record<LedgerOutcome, number>;
  rejectedBy: Record<RejectionCategory, number>;
  byConstituency: LedgerBreakdownRow[];
  byRegion: LedgerBreakdownRow[];
}

// Withdrawal is tested first: a withdrawn input keeps the decision it had (pending).
const outcome = sql<LedgerOutcome>`case
  when ${submissions.withdrawnAt} is not null then 'withdrawn'
  when ${submissions.publishedAt} is not null then 'published'
  when ${submissions.decision} = 'accepted' and ${submissions.unpublishedAt} is not null then 'unpublished'
  when ${submissions.decision} = 'accepted' then 'acceptedNotPublished'
  when ${submissions.decision} in ('pending', 'changes_requested') then 'awaitingDecision'
  else ${submissions.decision}
end`;

/** The forum's ledger, counted in one query (GROUPING SETS: total, outcome and category, group, region). */
export async function moderationLedger(db: Db, forumId: string): Promise<ModerationLedger> {
  const rows = await db
    .select({
      groupedBy: sql<'total' | 'outcome' | 'constituency' | 'region'>`case
        when grouping(${outcome}) = 0 then 'outcome'
        when grouping(${submissions.constituency}) = 0 then 'constituency'
        when grouping(${submissions.region}) = 0 then 'region'
        else 'total' end`,
      outcome,
      rejectionCategory: submissions.rejectionCategory,
      constituency: submissions.constituency,
      region: submissions.region,
      received: sql<number>`count(*)::int`,
      published: sql<number>`(count(*) filter (where ${submissions.publishedAt} is not null))::int`,
      asOf: sql<string>`now()`.mapWith((v: string | Date) => new Date(v)),
    })
    .from(submissions)
    .where(and(eq(submissions.forumId, forumId), isNotNull(submissions.emailConfirmedAt)))
    // The empty set () always yields one row, so a forum with no inputs still gets its time and zeros.
    .groupBy(sql`grouping sets ((), (${outcome}, ${submissions.rejectionCategory}), (${submissions.constituency}), (${submissions.region}))`);

  const ledger: ModerationLedger = {
    asOf: new Date(),
    received: 0,
    outcomes: Object.fromEntries(LEDGER_OUTCOMES.map((o) => [o, 0])) as Record<LedgerOutcome, number>,
    rejectedBy: Object.fromEntries(REJECTION_CATEGORIES.map((c) => [c, 0])) as Record<RejectionCategory, number>,
    byConstituency: [],
    byRegion: [],
  };
  const zeros = (keys: readonly string[]) => new Map<string, LedgerBreakdownRow>(keys.map((key) => [key, { key, received: 0, published: 0 }]));
  const constituencies = zeros(CONSTITUENCY_KEYS);
  const regions = zeros(REGION_KEYS);
  for (const r of rows) {
    if (r.groupedBy === 'total') {
      ledger.received = r.received;
      ledger.asOf = r.asOf;
    } else if (r.groupedBy === 'outcome') {
      ledger.outcomes[r.outcome] += r.received;
      if (r.outcome === 'rejected' && r.rejectionCategory) ledger.rejectedBy[r.rejectionCategory] += r.received;
    } else {
      // A key no longer in the taxonomy (older data) still counts, under its own name.
      const [table, key] = r.groupedBy === 'constituency' ? [constituencies, r.constituency] : [regions, r.region];
      const entry = table.get(key) ?? table.set(key, { key, received: 0, published: 0 }).get(key)!;
      entry.received += r.received;
      entry.published += r.published;
    }
  }
  ledger.byConstituency = [...constituencies.values()];
  ledger.byRegion = [...regions.values()];
  return ledger;
}
