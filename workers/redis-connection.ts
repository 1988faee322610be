import { Redis, type RedisOptions } from 'ioredis';

/**
 * Longest a producer command (the relay's enqueue) may wait for Redis. Without it a Redis that
 * accepts the connection but never answers (stopped, swapping, overloaded) keeps the relay waiting
 * forever, and no outbox row moves again until the process restarts.
 */
export const PRODUCER_COMMAND_TIMEOUT_MS = 5_000;

/**
 * BullMQ needs `maxRetriesPerRequest: null` on worker connections, and no command timeout: workers
 * block on Redis on purpose while waiting for jobs. Producers (the relay) fail fast instead, so a
 * Redis outage or hang shows up as an error to retry later, not a hung request.
 */
export function createRedis(url: string, role: 'worker' | 'producer'): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, commandTimeout: PRODUCER_COMMAND_TIMEOUT_MS };
  return new Redis(url, options);
}

/** Resolves once the connection is usable (a fail-fast connection refuses commands before that). */
export async function connected(redis: Redis): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    redis.once('ready', resolve);
    redis.once('end', () => reject(new Error('Redis connection closed before it was ready')));
  });
}

/** Redis's `maxmemory-policy`, as the server reports it; refused at once while not connected. */
export async function maxmemoryPolicy(redis: Redis): Promise<string | undefined> {
  if (redis.status !== 'ready') throw new Error('Redis is not connected');
  const info = await redis.info('memory');
  return /maxmemory_policy:(\S+)/.exec(info)?.[1];
}

/** BullMQ silently loses jobs when Redis may evict keys: refuse to run on such a server. */
export async function assertNoEviction(redis: Redis): Promise<void> {
  await connected(redis);
  const policy = await maxmemoryPolicy(redis);
  if (policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is "${policy ?? 'unknown'}"; the queue needs "noeviction" ` +
        '(set `maxmemory-policy noeviction` in redis.conf).',
    );
  }
}
