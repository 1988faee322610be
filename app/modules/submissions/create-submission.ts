/**
 * Stores one submission: the row, its audit event and the confirmation e-mail's outbox row commit
 * together, and the reference exists only once they have. Replays of the same form (same
 * idempotency key) get the first submission back instead of a second one: callers look for one
 * first (findReplayedSubmission), before any other rule, and a replay racing its original (a
 * double click) is caught here by the key's unique index.
 */
import { and, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/client';
import { forums, submissions, type Forum } from '../../../db/schema';
import { auditInsert } from '../audit/record-audit';
import { callState } from '../forums/call-window';
import { closeSentDraft } from '../drafts/drafts';
import { holdLateAccess, type LateAccessGrant } from '../forums/late-access';
import { outboxInsert, outboxNotice } from '../outbox/add-outbox';
import { claimHeldAttachments, HeldAttachmentsLost } from '../attachments/held-attachments';
import { contentDigest, newContentSalt } from './content-digest';
import { formatReference } from './reference';
import { newStatusToken } from './status-token';
import type { SubmissionInput } from './submission-input';

export type CreateSubmissionResult =
  | {
      ok: true;
      id: string;
      reference: string;
      replayed: boolean;
      /**
       * A new submission's raw status token, the one its confirmation e-mail carries. Callers
       * neither store nor show it (the e-mail is how the submitter receives it); test factories
       * confirm with it as the submitter would, where reading it back from the outbox row would
       * race the worker that sends the e-mail and erases it.
       */
      statusToken?: string;
    }
  | { ok: false; reason: 'call_not_open' | 'late_access_invalid' | 'attachments_lost' | 'idempotency_key_reused' };

export interface SubmissionContext {
  idempotencyKey: string;
  interfaceLocale: string;
  /** The draft this submission was sent from: it ends (values erased) in the same transaction. */
  draftToken?: string;
  now?: Date;
  /** A checked late-access code: lets an input in after the call closed (never before it opens). */
  lateAccess?: LateAccessGrant;
  /** Hold tokens of the files uploaded with the form: the submission claims them as it is stored. */
  attachmentTokens?: string[];
}

class LateAccessLost extends Error {}

export async function createSubmission(
  db: Db,
  forum: Forum,
  input: SubmissionInput,
  ctx: SubmissionContext,
): Promise<CreateSubmissionResult> {
  const now = ctx.now ?? new Date();
  const state = callState(forum, now);
  const late = state === 'closed' && ctx.lateAccess?.forumId === forum.id ? ctx.lateAccess : undefined;
  if (state !== 'open' && !late) return { ok: false, reason: 'call_not_open' };

  const reference = await takeReference(db, forum.id);
  try {
    const status = newStatusToken();
    const salt = newContentSalt();
    // The id is chosen here so the audit and outbox rows need not wait for the row's RETURNING:
    // the three go to the server as one statement, atomic on its own. The raw token waits in the
    // outbox row (PostgreSQL only, never Redis) until the confirmation e-mail carrying it is
    // recorded; then it is erased.
    const id = randomUUID();
    const store = sql`with stored as (${db
      .insert(submissions)
      .values({
        id,
        forumId: forum.id,
        reference,
        idempotencyKey: ctx.idempotencyKey,
        interfaceLocale: ctx.interfaceLocale,
        ...input,
        organisation: input.organisation ?? null,
        contentSha256: contentDigest(forum.slug, input, salt),
        contentSalt: salt,
        statusTokenHash: status.hash,
      })
      .returning({ id: submissions.id })
      .getSQL()}),
      audited as (${auditInsert(db, {
        actorKind: 'submitter',
        submissionId: id,
        action: 'submission.received',
        details: late ? { reference, late: true, lateAccessCodeId: late.codeId } : { reference },
      }).getSQL()}),
      queued as (${outboxInsert(db, 'confirm-email', { submissionId: id }, { statusToken: status.token }).getSQL()})
      select ${outboxNotice(sql`queued.id`)} from stored, queued`;
    const tokens = ctx.attachmentTokens ?? [];
    if (!late && tokens.length === 0 && !ctx.draftToken) {
      // The common case: one round trip, where a transaction would take three.
      await db.execute(store);
    } else {
      await db.transaction(async (tx) => {
        // Checked again here, under a lock: a code revoked since the form was shown lets nothing in.
        if (late && !(await holdLateAccess(tx, late, now))) throw new LateAccessLost();
        await tx.execute(store);
        // A file whose hold ran out while the form was open is gone: store nothing, say so.
        await claimHeldAttachments(tx, forum.id, id, tokens, now);
        if (ctx.draftToken) await closeSentDraft(tx, forum.id, ctx.draftToken, now);
      });
    }
    return { ok: true, id, reference, replayed: false, statusToken: status.token };
  } catch (error) {
    // A concurrent request with the same key won the race: answer with its submission, whatever
    // else went wrong with this copy meanwhile (a code revoked, a hold run out).
    const winner = await findReplayedSubmission(db, forum.id, ctx.idempotencyKey);
    if (winner) return { ok: true, ...winner, replayed: true };
    if (error instanceof LateAccessLost) return { ok: false, reason: 'late_access_invalid' };
    if (error instanceof HeldAttachmentsLost) return { ok: false, reason: 'attachments_lost' };
    // Keys are unique across forums: one already used in another forum is not a retry here.
    const [elsewhere] = await db.select({ id: submissions.id }).from(submissions).where(eq(submissions.idempotencyKey, ctx.idempotencyKey));
    if (elsewhere) return { ok: false, reason: 'idempotency_key_reused' };
    throw error;
  }
}

/**
 * The forum's next reference, taken in a transaction of its own before the submission's. Taken
 * inside it, the forum row's lock was held through every insert and the commit's flush to disk,
 * so one forum stored its inputs one at a time (about 50 a second here); now the lock lasts one
 * UPDATE. A submission that then fails leaves its number unused: references have gaps, as they
 * would from a sequence, and are never given twice.
 *
 * The commit does not wait for the disk (synchronous_commit off): the submission's own commit,
 * which does wait, is later in the write-ahead log and so makes this one durable too. A crash
 * before that commit can at most hand the same number out again, and only a number no stored
 * submission carries.
 */
async function takeReference(db: Db, forumId: string): Promise<string> {
  // One statement, its own transaction: set_config(…, true) lasts until that transaction's commit,
  // which reads it (SET LOCAL would need begin, set, update, commit: four round trips).
  const [counter] = await db.execute<{ n: number; prefix: string }>(sql`
    with no_flush_wait as (select set_config('synchronous_commit', 'off', true))
    update ${forums} set last_reference_number = last_reference_number + 1
    from no_flush_wait where ${forums.id} = ${forumId}
    returning last_reference_number as n, reference_prefix as prefix`);
  return formatReference(counter.prefix, counter.n);
}

/**
 * The submission an earlier POST of the same rendered form created, if any. Checked before any
 * other rule so a replay (double click, browser retry) always lands on the first result, even
 * after the call closed or a rate limit was reached meanwhile.
 */
export async function findReplayedSubmission(db: Db, forumId: string, idempotencyKey: string) {
  const [row] = await db
    .select({ id: submissions.id, reference: submissions.reference })
    .from(submissions)
    .where(and(eq(submissions.idempotencyKey, idempotencyKey), eq(submissions.forumId, forumId)));
  return row;
}
