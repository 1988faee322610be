import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../db/client';
import { emailDeliveries, outbox } from '../../db/schema';
import { relayDueOutboxRows } from '../../workers/outbox-relay';
import { QUEUE_NAMES } from '../../workers/queues';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { eventually, mailTo } from '../helpers/services';
import { isolatedStack } from '../helpers/isolated-stack';
import { portalEnv, startPortalProcess, waitForOutput } from '../helpers/processes';
import { REDIS_DB } from '../helpers/redis-databases';

let stack: { databaseUrl: string; redisUrl: string };
let handle: DbHandle;
let db: DbHandle['db'];
beforeAll(async () => {
  stack = await isolatedStack(REDIS_DB.workerRecovery);
  handle = createDb(stack.databaseUrl, { max: 4 });
  db = handle.db;
});
afterAll(() => handle.close());
const env = (extra: Record<string, string> = {}) => portalEnv({ DATABASE_URL: stack.databaseUrl, REDIS_URL: stack.redisUrl, ...extra });

/** The acknowledgements delivered for these submissions, once every one has its own. */
async function acknowledged(ids: string[]) {
  const rows = await db
    .select()
    .from(emailDeliveries)
    .where(and(inArray(emailDeliveries.submissionId, ids), eq(emailDeliveries.kind, 'acknowledge')));
  return rows.length >= ids.length ? rows : undefined;
}

describe('the worker process', () => {
  it('acknowledges every submission made while it was stopped, once each, when it comes back', async () => {
    const forum = await createForum(db);
    const made: Array<{ id: string }> = [];
    for (let i = 0; i < 4; i++) {
      made.push(await createTestSubmission(db, forum, { email: `down-${i}-${crypto.randomUUID().slice(0, 6)}@example.org` }));
    }
    const worker = startPortalProcess('workers/index.ts', env());
    try {
      await waitForOutput(worker, /ready/);
      const rows = await eventually(() => acknowledged(made.map((m) => m.id)), 30_000, 'acknowledgements');
      expect(rows).toHaveLength(4);
      // Everything else they queued is done too; the near-duplicate checks run one at a time, so
      // they may finish after the e-mails.
      const allDone = async () => {
        const outboxRows = await db.select().from(outbox).where(inArray(outbox.submissionId, made.map((m) => m.id)));
        return outboxRows.length > 0 && outboxRows.every((r) => r.doneAt) ? outboxRows : undefined;
      };
      await eventually(allDone, 30_000, 'every outbox row of the four done');
    } finally {
      expect(await worker.stop('SIGTERM')).toBe(0);
    }
  });

  it('re-queues work that Redis lost (flushed) after the redelivery window', async () => {
    const forum = await createForum(db);
    const email = `flushed-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const { id } = await createTestSubmission(db, forum, { email });
    // Queue it as the relay would, then lose everything Redis held.
    const redis = new Redis(stack.redisUrl, { maxRetriesPerRequest: 1 });
    const queues = Object.fromEntries(QUEUE_NAMES.map((name) => [name, new Queue(name, { connection: redis })]));
    await relayDueOutboxRows(handle, queues, 60_000);
    const queued = await db.select().from(outbox).where(eq(outbox.submissionId, id));
    expect(queued.map((r) => r.kind).sort()).toEqual(['acknowledge', 'confirm-email', 'find-similar']);
    expect(queued.every((r) => r.enqueuedAt)).toBe(true);
    await redis.flushdb();
    await Promise.all(Object.values(queues).map((q) => q.close()));
    redis.disconnect();

    const worker = startPortalProcess('workers/index.ts', env({ OUTBOX_REDELIVER_AFTER_MS: '1500' }));
    try {
      await waitForOutput(worker, /ready/);
      // Both e-mails it owed: the confirmation request and the acknowledgement.
      await eventually(async () => (await mailTo(email)).length === 2, 30_000, 'e-mails after flush');
    } finally {
      await worker.stop();
    }
    expect(await mailTo(email)).toHaveLength(2);
  });
});
