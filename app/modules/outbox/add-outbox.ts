import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { outbox } from '../../../db/schema';
import { JOBS, type JobKind, type JobPayload } from '../../../workers/queues';

/** Channel the relay LISTENs on; NOTIFY is delivered only when the caller's transaction commits. */
export const OUTBOX_CHANNEL = 'outbox_new';

/**
 * Records follow-up work inside the caller's transaction: it happens if and only if the change
 * that asked for it commits. A held row waits (the relay skips it) until it is released.
 */
export async function addOutbox<K extends JobKind>(
  tx: Tx,
  kind: K,
  about: { submissionId: string } | { draftId: string } | { staffId: string },
  payload: JobPayload<K>,
  opts: { held?: boolean } = {},
): Promise<number> {
  const insert = outboxInsert(tx, kind, about, payload, opts);
  if (opts.held) return (await insert)[0].id;
  // The row and its notice in one statement: one round trip fewer on every submission.
  const [row] = await tx.execute<{ id: string }>(sql`with added as (${insert.getSQL()}) select id, ${outboxNotice(sql`id`)} from added`);
  // Raw SQL skips the column's mapping: bigserial arrives as text.
  return Number(row.id);
}

/**
 * The outbox row's INSERT (returning its id), not yet sent: for a caller that writes the change
 * and its outbox row in one statement. That statement must also select `outboxNotice(id)` of the
 * new row (unless held), which addOutbox does for everyone else.
 */
export function outboxInsert<K extends JobKind>(
  db: Db | Tx,
  kind: K,
  about: { submissionId: string } | { draftId: string } | { staffId: string },
  payload: JobPayload<K>,
  opts: { held?: boolean } = {},
) {
  const parsed = JOBS[kind].payload.parse(payload) as Record<string, string>;
  return db
    .insert(outbox)
    .values({ kind, ...about, payload: parsed, heldAt: opts.held ? new Date() : null })
    .returning({ id: outbox.id });
}

/** Wakes the relay about the outbox row with this id; delivered when the transaction commits. */
export const outboxNotice = (id: SQL) => sql`pg_notify(${OUTBOX_CHANNEL}, ${id}::text)`;
