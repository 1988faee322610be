/**
 * "Personal contact data is never in Redis, never in logs": checked on the real thing. During the
 * run, the queues' job hashes in Redis are sampled (job data must be ids only); afterwards every
 * line every process wrote is searched for the submitters' addresses and names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';

/** Job data fields found holding anything but the outbox id, over every sample taken. */
export function sampleJobData(redisUrl: string, everyMs = 3_000) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  // Redis going away is one of the run's faults: the sampler just skips those moments.
  redis.on('error', () => {});
  let violations = 0;
  let jobsSeen = 0;
  const sample = async () => {
    try {
      if (redis.status !== 'ready') await redis.connect().catch(() => {});
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', 'bull:*', 'COUNT', 500);
        cursor = next;
        for (const key of keys) {
          // Job hashes are bull:<queue>:<id>; the queue's own keys have other shapes.
          if (!/^bull:[^:]+:outbox-\d+$/.test(key)) continue;
          const data = await redis.hget(key, 'data');
          if (data === null) continue;
          jobsSeen++;
          if (Object.keys(JSON.parse(data)).some((field) => field !== 'outboxId')) violations++;
        }
      } while (cursor !== '0');
    } catch {
      // Redis is down (a fault of the run): nothing to sample now.
    }
  };
  const timer = setInterval(() => void sample(), everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await sample();
      redis.disconnect();
      return { jobsSeen, violations };
    },
  };
}

/** Lines of the processes' output that hold any of the given addresses or names. */
export function personalDataInLogs(logDir: string, needles: string[]): string[] {
  const found: string[] = [];
  for (const file of readdirSync(logDir)) {
    for (const line of readFileSync(path.join(logDir, file), 'utf8').split('\n')) {
      if (needles.some((n) => line.includes(n))) found.push(`${file}: ${line.slice(0, 200)}`);
    }
  }
  return found;
}
