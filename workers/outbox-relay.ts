/**
 * Moves outbox rows into BullMQ. New rows go at once (LISTEN/NOTIFY, with a poll as a safety net);
 * rows still undone a while after they were queued are queued again, which recovers jobs a Redis
 * restart or flush lost. The deterministic job id makes re-queueing a live job a no-op.
 */
import type { Queue } from 'bullmq';
import { and, asc, inArray, isNull, lt, or } from 'drizzle-orm';
import { OUTBOX_CHANNEL } from '../app/modules/outbox/add-outbox';
import type { DbHandle } from '../db/client';
import { outbox } from '../db/schema';
import { JOBS, isJobKind, jobIdFor } from './queues';

const BATCH = 200;
const POLL_MS = 2_000;

export const JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
  removeOnComplete: true,
  // Failed jobs are removed too: the outbox row stays undone, and the relay queues it again after
  // the redelivery window, so a long SMTP outage ends in delivery, not in a dead job.
  removeOnFail: true,
} as const;

/** Queues every due row once; returns how many were handed to BullMQ. */
export async function relayDueOutboxRows(
  handle: DbHandle,
  queues: Record<string, Queue>,
  redeliverAfterMs: number,
): Promise<number> {
  return handle.db.transaction(async (tx) => {
    const cutoff = new Date(Date.now() - redeliverAfterMs);
    const rows = await tx
      .select({ id: outbox.id, kind: outbox.kind })
      .from(outbox)
      .where(
        and(
          isNull(outbox.doneAt),
          isNull(outbox.failedAt),
          or(isNull(outbox.enqueuedAt), lt(outbox.enqueuedAt, cutoff)),
        ),
      )
      .orderBy(asc(outbox.id))
      .limit(BATCH)
      .for('update', { skipLocked: true });
    if (rows.length === 0) return 0;
    const byQueue = new Map<string, typeof rows>();
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
    await tx
      .update(outbox)
      .set({ enqueuedAt: new Date() })
      .where(inArray(outbox.id, rows.map((r) => r.id)));
    return rows.length;
  });
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
      opts.log(`outbox relay: ${(error as Error).message}; will retry`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, POLL_MS);
  const listening = handle.sql.listen(OUTBOX_CHANNEL, () => void tick(), () => void tick()).catch((e) => {
    opts.log(`outbox relay: LISTEN failed (${(e as Error).message}); polling only`);
    return undefined;
  });
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      const l = await listening;
      await l?.unlisten();
      while (running) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
