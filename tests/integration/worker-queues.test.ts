/**
 * Workers scale per queue: WORKER_QUEUES names the queues a worker process runs jobs from, so
 * e-mail can get more workers on deadline day and PDF rendering its own. Checked on the real
 * worker process, by asking Redis which workers listen on each queue.
 */
import { Queue } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES } from '../../workers/queues';
import { createRedis } from '../../workers/redis-connection';
import { isolatedStack } from '../helpers/isolated-stack';
import { portalEnv, startPortalProcess, waitForOutput, type PortalProcess } from '../helpers/processes';
import { REDIS_DB } from '../helpers/redis-databases';

const started: PortalProcess[] = [];
afterAll(async () => {
  for (const worker of started) await worker.stop();
});

describe('WORKER_QUEUES', () => {
  it('runs only the named queues, and every queue when unset', async () => {
    const stack = await isolatedStack(REDIS_DB.workerQueues);
    const env = (queues?: string) => portalEnv({ DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl, ...(queues ? { WORKER_QUEUES: queues } : {}) });
    const connection = createRedis(stack.redisUrl, 'producer');
    const queues = Object.fromEntries(QUEUE_NAMES.map((name) => [name, new Queue(name, { connection })]));
    const listening = async () => Object.fromEntries(await Promise.all(QUEUE_NAMES.map(async (name) => [name, (await queues[name].getWorkers()).length] as const)));
    try {
      const documents = startPortalProcess('workers/index.ts', env(' documents ,analysis'));
      started.push(documents);
      await waitForOutput(documents, /ready \(queues: documents, analysis\)/);
      await expect.poll(listening).toEqual({ email: 0, analysis: 1, documents: 1 });

      const everything = startPortalProcess('workers/index.ts', env());
      started.push(everything);
      await waitForOutput(everything, /ready \(queues: email, analysis, documents\)/);
      await expect.poll(listening).toEqual({ email: 1, analysis: 2, documents: 2 });
    } finally {
      await Promise.all(Object.values(queues).map((q) => q.close()));
      connection.disconnect();
    }
  });

  it('refuses to start with a queue that does not exist, naming the ones that do', async () => {
    const worker = startPortalProcess('workers/index.ts', portalEnv({ WORKER_QUEUES: 'emails' }));
    const code = await new Promise<number | null>((resolve) => worker.child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(worker.output()).toContain(`WORKER_QUEUES must name some of: ${QUEUE_NAMES.join(', ')}`);
  });
});
