/**
 * Readiness against the real PostgreSQL and Redis: ready when both answer and Redis will not evict;
 * not ready when Redis may evict keys, when it cannot be reached, or when follow-up work has
 * waited in the outbox past the limit. The answer holds counts and settings, nothing personal.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkReadiness, OUTBOX_BACKLOG_LIMIT_SECONDS } from '../../app/modules/operations/readiness';
import { outbox } from '../../db/schema';
import { startRedisServer } from '../../scripts/services/redis';
import { connected, createRedis, maxmemoryPolicy } from '../../workers/redis-connection';
import { testDb } from '../helpers/services';

const handle = testDb();
const clients: Redis[] = [];
afterAll(async () => {
  for (const c of clients) c.disconnect();
  await handle.close();
});

async function redisAt(url: string) {
  const client = createRedis(url, 'producer');
  client.on('error', () => {});
  clients.push(client);
  return client;
}

describe('readiness', () => {
  it('is ready with PostgreSQL answering, a Redis that never evicts and no stuck work', async () => {
    const redis = await redisAt(inject('redisUrl'));
    await connected(redis);
    const readiness = await checkReadiness({ db: handle.db, redisMaxmemoryPolicy: () => maxmemoryPolicy(redis) });
    expect(readiness.checks.postgres).toEqual({ ok: true });
    expect(readiness.checks.redis).toEqual({ ok: true, maxmemoryPolicy: 'noeviction' });
    expect(readiness.checks.outbox.ok).toBe(true);
    expect(readiness.ready).toBe(true);
  });

  it('is not ready on a Redis that may evict keys, or one it cannot reach', async () => {
    const dir = mkdtempSync(path.join(inject('dataDir'), 'redis-readiness-'));
    chmodSync(dir, 0o755);
    const lru = await startRedisServer({ dataDir: dir, ephemeral: true });
    try {
      const redis = await redisAt(lru.url);
      await connected(redis);
      await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
      const evicting = await checkReadiness({ db: handle.db, redisMaxmemoryPolicy: () => maxmemoryPolicy(redis) });
      expect(evicting.ready).toBe(false);
      expect(evicting.checks.redis).toEqual({ ok: false, maxmemoryPolicy: 'allkeys-lru', problem: 'may evict keys: needs noeviction' });
    } finally {
      await lru.stop();
    }
    // Nothing listens there: refused at once, not after a wait.
    const nowhere = await redisAt('redis://127.0.0.1:1');
    const started = Date.now();
    const unreachable = await checkReadiness({ db: handle.db, redisMaxmemoryPolicy: () => maxmemoryPolicy(nowhere) });
    expect(unreachable.ready).toBe(false);
    expect(unreachable.checks.redis).toEqual({ ok: false, problem: 'unreachable' });
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('is not ready when follow-up work has waited past the limit, and says how long', async () => {
    const redis = await redisAt(inject('redisUrl'));
    await connected(redis);
    // Inside a transaction that is rolled back: no worker of another test file ever sees the row.
    await handle.db
      .transaction(async (tx) => {
        const [row] = await tx.insert(outbox).values({ kind: 'acknowledge', payload: {} }).returning();
        const later = new Date(row.createdAt.getTime() + (OUTBOX_BACKLOG_LIMIT_SECONDS + 60) * 1000);
        const readiness = await checkReadiness({ db: tx, redisMaxmemoryPolicy: () => maxmemoryPolicy(redis) }, later);
        expect(readiness.ready).toBe(false);
        expect(readiness.checks.outbox).toMatchObject({ ok: false, limitSeconds: OUTBOX_BACKLOG_LIMIT_SECONDS, problem: 'follow-up work is waiting too long' });
        expect(readiness.checks.outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(OUTBOX_BACKLOG_LIMIT_SECONDS + 60);
        expect(readiness.checks.outbox.pending).toBeGreaterThanOrEqual(1);
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Error && e.message.includes('Rollback'))) throw e;
      });
  });
});
