import { Redis, type RedisOptions } from 'ioredis';

/**
 * BullMQ needs `maxRetriesPerRequest: null` on worker connections. Producers (the relay) fail fast
 * instead, so a Redis outage shows up as an error to retry later, not a hung request.
 */
export function createRedis(url: string, role: 'worker' | 'producer'): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false };
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

/** BullMQ silently loses jobs when Redis may evict keys: refuse to run on such a server. */
export async function assertNoEviction(redis: Redis): Promise<void> {
  await connected(redis);
  const info = await redis.info('memory');
  const policy = /maxmemory_policy:(\S+)/.exec(info)?.[1];
  if (policy !== 'noeviction') {
    throw new Error(
      `Redis maxmemory-policy is "${policy ?? 'unknown'}"; the queue needs "noeviction" ` +
        '(set `maxmemory-policy noeviction` in redis.conf).',
    );
  }
}
