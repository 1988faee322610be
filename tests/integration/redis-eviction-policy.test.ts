import { mkdtempSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, inject, it } from 'vitest';
import { startRedisServer } from '../../scripts/services/redis';
import { portalEnv, startPortalProcess } from '../helpers/processes';

describe('the worker and Redis eviction', () => {
  it('refuses to run on a Redis that may evict keys (jobs would vanish silently)', async () => {
    // Under the suite's data directory, which the global teardown removes.
    const dir = mkdtempSync(path.join(inject('dataDir'), 'redis-lru-'));
    chmodSync(dir, 0o755);
    const redis = await startRedisServer({ dataDir: dir, ephemeral: true });
    const client = new Redis(redis.url);
    await client.config('SET', 'maxmemory-policy', 'allkeys-lru');
    client.disconnect();
    try {
      const worker = startPortalProcess('workers/index.ts', portalEnv({ REDIS_URL: redis.url }));
      const code = await new Promise<number | null>((resolve) => worker.child.once('exit', resolve));
      expect(code).not.toBe(0);
      expect(worker.output()).toMatch(/maxmemory-policy is "allkeys-lru"; the queue needs "noeviction"/);
    } finally {
      await redis.stop();
    }
  });
});
