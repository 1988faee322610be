/**
 * Moves outbox rows into BullMQ. New rows go within moments (LISTEN/NOTIFY, with a poll as a safety net);
 * rows still undone a while after they were queued are queued again, which recovers jobs a Redis
 * restart or flush lost. The deterministic job id makes re-queueing a live job a no-op.
 * Rows that are done or failed (dead-lettered) are never queued again; held rows wait for release.
 */
import type { Queue } from 'bullmq';
import { and, asc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import { OUTBOX_CHANNEL } from '../app/modules/outbox/add-outbox';
import type { Db, DbHandle } from '../db/client';
import { outbox } from '../db/schema';
import { JOBS, isJobKind, jobIdFor } from './queues';
import { loggableError } from '../app/modules/logging/loggable-error';
import { crashPoint } from '../app/modules/operations/crash-points';

const BATCH = 200;
const POLL_MS = 2_000;
/** How long a notice waits for others before its pass starts: nothing next to an e-mail's seconds. */
const GATHER_MS = 20;

export const JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
  removeOnComplete: true,
  // Failed jobs are removed too: the outbox row stays undone, and the relay queues it again after
  // the redelivery window, so a long SMTP outage ends in delivery, not in a dead job.
  removeOnFail: true,
} as const;

type ClaimedRow = { id: number; kind: string };

/**
 * Queues every due row once; returns how many were handed to BullMQ.
 *
 * No row lock is held while Redis is called: a slow or hung Redis would otherwise keep the rows
 * (and a database connection) locked, blocking the workers that finish those rows. So: claim the
 * rows in a short transaction (stamping `enqueuedAt`, which takes them out of the due set for the
 * redelivery window, so a second relay skips them), enqueue with no transaction open, then stamp
 * them again as relayed. A crash after the claim only delays the rows by one redelivery window.
 */
export async function relayDueOutboxRows(
  handle: DbHandle,
  queues: Record<string, Queue>,
  redeliverAfterMs: number,
): Promise<number> {
  const claimedAt = new Date();
  const rows = await claimDueRows(handle.db, claimedAt, redeliverAfterMs);
  if (rows.length === 0) return 0;
  const ids = rows.map((r) => r.id);
  // Only rows still carrying our claim: another relay may have re-claimed them meanwhile.
  const stillOurs = and(inArray(outbox.id, ids), eq(outbox.enqueuedAt, claimedAt));
  try {
    await enqueue(queues, rows);
    crashPoint('relay-after-enqueue');
  } catch (error) {
    // Give the claim back so the next tick retries at once, not after the redelivery window.
    await handle.db.update(outbox).set({ enqueuedAt: null }).where(stillOurs);
    throw error;
  }
  // The redelivery window counts from when the jobs really reached Redis.
  await handle.db.update(outbox).set({ enqueuedAt: new Date() }).where(stillOurs);
  return rows.length;
}

/**
 * Stamps due rows as claimed and returns them, in one statement (its own transaction): rows another
 * relay is claiming at the same moment are skipped, not waited for.
 */
async function claimDueRows(db: Db, claimedAt: Date, redeliverAfterMs: number): Promise<ClaimedRow[]> {
  const cutoff = new Date(claimedAt.getTime() - redeliverAfterMs);
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(isNull(outbox.doneAt), isNull(outbox.failedAt), isNull(outbox.heldAt), or(isNull(outbox.enqueuedAt), lt(outbox.enqueuedAt, cutoff))))
    .orderBy(asc(outbox.id))
    .limit(BATCH)
    .for('update', { skipLocked: true });
  const rows = await db.update(outbox).set({ enqueuedAt: claimedAt }).where(inArray(outbox.id, due)).returning({ id: outbox.id, kind: outbox.kind });
  // RETURNING keeps no order; jobs go to Redis oldest first.
  return rows.sort((a, b) => a.id - b.id);
}

/** One addBulk per queue; job id = outbox id, so adding a job that is already there is a no-op. */
async function enqueue(queues: Record<string, Queue>, rows: ClaimedRow[]): Promise<void> {
  const byQueue = new Map<string, ClaimedRow[]>();
  for (const row of rows) {
    const queue = isJobKind(row.kind) ? JOBS[row.kind].queue : undefined;
    if (!queue) continue;
    byQueue.set(queue, [...(byQueue.get(queue) ?? []), row]);
  }
  for (const [queue, list] of byQueue) {
    await queues[queue].addBulk(
      list.map((r) => ({ name: r.kind, data: { outboxId: r.id }, opts: { ...JOB_OPTIONS, jobId: jobIdFor(r.id) } })),
    );
  }
}

/** Runs the relay until stopped: on every NOTIFY and every POLL_MS. Errors are logged and retried. */
export function startOutboxRelay(
  handle: DbHandle,
  queues: Record<string, Queue>,
  opts: { redeliverAfterMs: number; log: (msg: string) => void },
): { stop(): Promise<void> } {
  let running = false;
  let again = false;
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        while ((await relayDueOutboxRows(handle, queues, opts.redeliverAfterMs)) === BATCH && !stopped);
      } while (again && !stopped);
    } catch (error) {
      opts.log(`outbox relay: ${loggableError(error).split('\n')[0]}; will retry`);
    } finally {
      running = false;
    }
  };
  // A notice starts a pass a moment later, so that a rush's rows go to Redis in batches, one
  // claim and one addBulk for the inputs of that moment instead of one each.
  let gathering: NodeJS.Timeout | undefined;
  const tickSoon = () => {
    gathering ??= setTimeout(() => {
      gathering = undefined;
      void tick();
    }, GATHER_MS);
  };
  const timer = setInterval(tick, POLL_MS);
  const listening = handle.sql.listen(OUTBOX_CHANNEL, tickSoon, () => void tick()).catch((e) => {
    opts.log(`outbox relay: LISTEN failed (${loggableError(e).split('\n')[0]}); polling only`);
    return undefined;
  });
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      clearTimeout(gathering);
      const l = await listening;
      await l?.unlisten();
      while (running) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
