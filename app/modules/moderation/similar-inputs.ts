/**
 * Near-identical inputs: a campaign text sent by many people, or one input sent twice with small
 * edits (possibly from different addresses). When an input reaches moderators, the worker looks
 * for a similar enough input of the same forum (pg_trgm trigram similarity over SIMILARITY_TEXT,
 * served by a GIN index) and puts both in one group, named by the id of the group's first input.
 * Only inputs not yet grouped and the first input of each group are compared (the indexes hold
 * just those): every member of a group is like its first input, so a group does not drift along a
 * chain of edits, and each of a campaign's copies is compared with one input, not every copy before.
 * Moderators see the group and can mark all its other inputs as duplicates of one of them at once.
 */
import { and, asc, eq, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { SIMILARITY_TEXT, submissions } from '../../../db/schema';
import { decide } from './decide';
import { SIMILARITY_THRESHOLD } from './similarity-threshold';


const similarityText = sql.raw(SIMILARITY_TEXT);

/**
 * Puts the input in a group with a similar enough input of the same forum (similarCandidateQuery),
 * if there is one; returns the group id, or undefined. Idempotent: an input already grouped is left as is.
 */
export async function groupSimilarInput(db: Db, submissionId: string): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ forumId: submissions.forumId, group: submissions.similarGroup }).from(submissions).where(eq(submissions.id, submissionId));
    if (!before) return undefined;
    if (before.group) return before.group;
    // One grouping at a time per forum: two copies arriving together must not found two groups.
    // Read again under the lock: another input's grouping may have put this one in a group.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('similar-inputs'), hashtext(${before.forumId}))`);
    const [me] = await tx.execute<{ group: string | null; text: string; receivedAt: string }>(
      sql`select similar_group as "group", ${similarityText} as text, received_at::text as "receivedAt" from submissions where id = ${submissionId}`,
    );
    if (me.group) return me.group;
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(SIMILARITY_THRESHOLD)}, true)`);
    const [match] = await tx.execute<{ id: string; group: string | null; earlier: boolean }>(
      similarCandidateQuery({ forumId: before.forumId, submissionId, text: me.text, receivedAt: me.receivedAt }),
    );
    if (!match) return undefined;
    // A new group is named by the earlier of the two (the worker may meet the copy first).
    const group = match.group ?? (match.earlier ? match.id : submissionId);
    if (!match.group) await tx.update(submissions).set({ similarGroup: group }).where(eq(submissions.id, match.id));
    await tx.update(submissions).set({ similarGroup: group }).where(eq(submissions.id, submissionId));
    return group;
  });
}

/**
 * The input to group with: the first input of a group if one is similar enough (so a backlog of
 * copies checked after they all arrived still makes one group, not one per copy that meets
 * another ungrouped copy first), else the most similar input not yet grouped. Only inputs that
 * reached moderators count. The ungrouped part runs only when no group matches (an Append stops
 * at the LIMIT), each part on its own trigram index. `%` (threshold set by the caller's
 * transaction) is what those indexes serve, and only against a value: the text is passed in, not
 * joined from its row (joined, the planner computes the similarity with every input of the forum).
 * Exported for its plan test.
 */
export function similarCandidateQuery(me: { forumId: string; submissionId: string; text: string; receivedAt: string }) {
  const among = (grouping: SQL) => sql`(
    select id, similar_group as "group", (received_at, id) < (${me.receivedAt}::timestamptz, ${me.submissionId}::uuid) as earlier
    from submissions
    where forum_id = ${me.forumId} and id <> ${me.submissionId} and ${grouping}
      and email_confirmed_at is not null and withdrawn_at is null
      and ${similarityText} % ${me.text}
    order by similarity(${similarityText}, ${me.text}) desc, received_at
    limit 1)`;
  return sql`${among(sql`first_of_group`)} union all ${among(sql`similar_group is null`)} limit 1`;
}

/**
 * How many of its group an input's page lists. A campaign can send thousands of copies, and
 * comparing each with this input (0.1-1 ms apiece) on every view of the page took seconds.
 */
export const SIMILAR_SHOWN = 50;

export interface SimilarInputs {
  /** Every other input of the group. */
  total: number;
  /** At most `SIMILAR_SHOWN` of them: those still to decide first, then oldest first. */
  shown: Array<Pick<typeof submissions.$inferSelect, 'id' | 'reference' | 'title' | 'language' | 'decision' | 'version'> & { similarity: number }>;
}

/**
 * The other inputs in an input's group, with how similar each shown one is to it. Those still to
 * decide come first, so marking them as duplicates brings the next ones up.
 */
export async function similarInputsOf(db: Db | Tx, submissionId: string, limit = SIMILAR_SHOWN): Promise<SimilarInputs> {
  const [me] = await db.select({ group: submissions.similarGroup }).from(submissions).where(eq(submissions.id, submissionId));
  if (!me?.group) return { total: 0, shown: [] };
  // The page's members are chosen first and only they are compared: a similarity in the select
  // list of the limited query could be worked out for every member before the limit applies.
  const members = db
    .select({
      id: submissions.id,
      reference: submissions.reference,
      title: submissions.title,
      language: submissions.language,
      decision: submissions.decision,
      version: submissions.version,
      receivedAt: submissions.receivedAt,
      text: sql<string>`${similarityText}`.as('text'),
      // Counted in the same statement (before the limit), so the count and the list agree.
      total: sql<number>`(count(*) over ())::int`.as('total'),
    })
    .from(submissions)
    .where(and(eq(submissions.similarGroup, me.group), ne(submissions.id, submissionId)))
    .orderBy(sql`${submissions.decision} = 'pending' desc`, asc(submissions.receivedAt), asc(submissions.id))
    .limit(limit)
    .as('members');
  const mine = sql`(select ${similarityText} from submissions where id = ${submissionId})`;
  const rows = await db
      .select({
        id: members.id,
        reference: members.reference,
        title: members.title,
        language: members.language,
        decision: members.decision,
        version: members.version,
        similarity: sql<number>`round(similarity(${members.text}, ${mine})::numeric, 2)::float8`,
        total: members.total,
      })
      .from(members)
      .orderBy(sql`${members.decision} = 'pending' desc`, asc(members.receivedAt), asc(members.id));
  return { total: rows[0]?.total ?? 0, shown: rows.map(({ total: _, ...row }) => row) };
}

export interface GroupDuplicatesResult {
  marked: number;
  /** References left as they were: decided already, changed or claimed meanwhile. */
  skipped: string[];
}

/**
 * Marks every other pending input of the group as a duplicate of `originalId`, each with the
 * version the moderator saw and the guards of a single decision (decide.ts).
 */
export async function markGroupDuplicates(
  db: Db,
  args: { originalId: string; staffId: string; items: Array<{ id: string; version: number }> },
): Promise<GroupDuplicatesResult> {
  const [original] = await db.select({ group: submissions.similarGroup, forumId: submissions.forumId }).from(submissions).where(eq(submissions.id, args.originalId));
  const ids = args.items.map((i) => i.id);
  // Only members of the original's own group: a tampered form cannot reach other inputs.
  const members =
    original?.group && ids.length
      ? await db
          .select({ id: submissions.id, reference: submissions.reference })
          .from(submissions)
          .where(and(inArray(submissions.id, ids), eq(submissions.similarGroup, original.group), eq(submissions.forumId, original.forumId), ne(submissions.id, args.originalId), isNotNull(submissions.similarGroup)))
      : [];
  const references = new Map(members.map((m) => [m.id, m.reference]));
  const result: GroupDuplicatesResult = { marked: 0, skipped: [] };
  for (const item of args.items) {
    const reference = references.get(item.id);
    if (!reference) continue;
    const outcome = await decide(db, { submissionId: item.id, expectedVersion: item.version, staffId: args.staffId, request: { decision: 'duplicate', duplicateOf: args.originalId } });
    if (outcome.ok) result.marked += 1;
    else result.skipped.push(reference);
  }
  return result;
}
