/**
 * Whether this portal can keep its promises right now, for monitoring and load balancers
 * (`GET /readyz`; `/healthz` only says the process is alive). Three checks, each bounded in time:
 * PostgreSQL answers; Redis answers and will never evict keys (BullMQ would lose jobs silently);
 * and the outbox is moving: no follow-up work (an acknowledgement, a decision e-mail) has waited
 * longer than the limit to reach the queue, which would mean workers or Redis are stuck.
 * Nothing personal is in the answer: counts, ages and names of settings only.
 */
import type { Db, Tx } from '../../../db/client';
import { outboxBacklog } from './outbox-figures';

/** Follow-up work older than this, still not done, means the pipeline is stuck. */
export const OUTBOX_BACKLOG_LIMIT_SECONDS = 15 * 60;
const CHECK_TIMEOUT_MS = 2_000;

export interface Readiness {
  ready: boolean;
  checks: {
    postgres: { ok: boolean; problem?: string };
    redis: { ok: boolean; maxmemoryPolicy?: string; problem?: string };
    outbox: { ok: boolean; pending?: number; oldestPendingSeconds?: number; limitSeconds: number; problem?: string };
  };
}

export interface ReadinessDeps {
  db: Db | Tx;
  /** Redis's `maxmemory-policy`, read from the server (INFO memory). */
  redisMaxmemoryPolicy: () => Promise<string | undefined>;
}

function within<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The kind of failure only: driver messages can quote values. */
const problemOf = (e: unknown) => (e instanceof Error && /did not answer within/.test(e.message) ? e.message : 'unreachable');

export async function checkReadiness(deps: ReadinessDeps, now = new Date()): Promise<Readiness> {
  const [postgres, redis, backlog] = await Promise.all([
    within(deps.db.execute('select 1'), 'PostgreSQL').then(
      () => ({ ok: true }),
      (e: unknown) => ({ ok: false, problem: problemOf(e) }),
    ),
    within(deps.redisMaxmemoryPolicy(), 'Redis').then(
      (policy) => (policy === 'noeviction' ? { ok: true, maxmemoryPolicy: policy } : { ok: false, maxmemoryPolicy: policy, problem: 'may evict keys: needs noeviction' }),
      (e: unknown) => ({ ok: false, problem: problemOf(e) }),
    ),
    within(outboxBacklog(deps.db, now), 'PostgreSQL').then(
      ({ pending, oldestPendingSeconds }) => {
        const ok = oldestPendingSeconds <= OUTBOX_BACKLOG_LIMIT_SECONDS;
        return { ok, pending, oldestPendingSeconds, limitSeconds: OUTBOX_BACKLOG_LIMIT_SECONDS, ...(ok ? {} : { problem: 'follow-up work is waiting too long' }) };
      },
      (e: unknown) => ({ ok: false, limitSeconds: OUTBOX_BACKLOG_LIMIT_SECONDS, problem: problemOf(e) }),
    ),
  ]);
  return { ready: postgres.ok && redis.ok && backlog.ok, checks: { postgres, redis, outbox: backlog } };
}
