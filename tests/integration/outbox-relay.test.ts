/**
 * The relay against real PostgreSQL and real Redis servers: it holds no row lock while talking to
 * Redis, a hung Redis makes it fail within the producer's command timeout (and hands its claim back),
 * and rows that are done or dead-lettered are never queued again.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '../../db/client';
import { outbox } from '../../db/schema';
import { startRedisServer } from '../../scripts/services/redis';
import { relayDueOutboxRows } from '../../workers/outbox-relay';
import { jobIdFor } from '../../workers/queues';
import { PRODUCER_COMMAND_TIMEOUT_MS, connected, createRedis } from '../../workers/redis-connection';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { isolatedStack } from '../helpers/isolated-stack';
import { REDIS_DB } from '../helpers/redis-databases';

// A database of its own: the relay picks up every due row, so it must not see other files' rows.
let stack: { databaseUrl: string; redisUrl: string };
let handle: DbHandle;
beforeAll(async () => {
  stack = await isolatedStack(REDIS_DB.outboxRelay);
  handle = createDb(stack.databaseUrl, { max: 4 });
});
afterAll(() => handle.close());

/** The one outbox row of an unconfirmed submission: its confirmation e-mail. */
async function outboxRow(submissionId: string) {
  const [row] = await handle.db.select().from(outbox).where(eq(outbox.submissionId, submissionId));
  return row;
}

/** A producer queue as the worker process builds it (same connection options). */
async function producerQueue(redisUrl: string) {
  const redis = createRedis(redisUrl, 'producer');
  await connected(redis);
  const queue = new Queue('email', { connection: redis });
  return {
    queue,
    redis,
    async close() {
      await queue.close();
      redis.disconnect();
    },
  };
}

describe('the outbox relay', () => {
  it('holds no row lock while Redis hangs, gives up after the command timeout, and relays once Redis answers', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'redis-hang-'));
    chmodSync(dir, 0o755);
    const redis = await startRedisServer({ dataDir: dir, ephemeral: true });
    const producer = await producerQueue(redis.url);
    const pid = Number(/process_id:(\d+)/.exec(await producer.redis.info('server'))?.[1]);
    expect(pid).toBeGreaterThan(0);
    const forum = await createForum(handle.db);
    const { id } = await createTestSubmission(handle.db, forum, {}, 'en', { confirmed: false });
    const row = await outboxRow(id);
    let resumed = false;
    const resume = () => {
      if (!resumed) process.kill(pid, 'SIGCONT');
      resumed = true;
    };
    try {
      // Redis accepts the connection but answers nothing: the relay's enqueue will hang.
      process.kill(pid, 'SIGSTOP');
      const started = Date.now();
      const relaying = relayDueOutboxRows(handle, { email: producer.queue }, 60_000).then(
        () => expect.fail('the relay should fail while Redis hangs'),
        (e: Error) => e,
      );
      await new Promise((r) => setTimeout(r, 500));

      // Meanwhile the row is free: a worker finishing it would not wait on the relay.
      const locked = await handle.db.transaction(async (tx) => {
        const rows = await tx.execute(sql`select id from outbox where id = ${row.id} for update nowait`);
        return rows.length;
      });
      expect(locked).toBe(1);
      // The claim is visible while Redis hangs, so a second relay does not queue the row too.
      expect((await outboxRow(id)).enqueuedAt).not.toBeNull();

      const error = await relaying;
      const waited = Date.now() - started;
      expect(error.message).toMatch(/timed out/i);
      expect(waited).toBeGreaterThanOrEqual(PRODUCER_COMMAND_TIMEOUT_MS - 100);
      expect(waited).toBeLessThan(PRODUCER_COMMAND_TIMEOUT_MS + 5_000);
      // The claim was handed back: the row is due again at the next tick, not after the window.
      expect((await outboxRow(id)).enqueuedAt).toBeNull();

      resume();
      expect(await relayDueOutboxRows(handle, { email: producer.queue }, 60_000)).toBe(1);
      const job = await producer.queue.getJob(jobIdFor(row.id));
      expect(job?.data).toEqual({ outboxId: row.id });
      expect((await outboxRow(id)).enqueuedAt).not.toBeNull();
      // Relayed rows are not due again inside the redelivery window.
      expect(await relayDueOutboxRows(handle, { email: producer.queue }, 60_000)).toBe(0);
    } finally {
      resume();
      await producer.close();
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never queues a dead-lettered or a done row again, even after the redelivery window', async () => {
    const producer = await producerQueue(stack.redisUrl);
    const forum = await createForum(handle.db);
    const unconfirmed = { confirmed: false };
    const failed = await outboxRow((await createTestSubmission(handle.db, forum, {}, 'en', unconfirmed)).id);
    const done = await outboxRow((await createTestSubmission(handle.db, forum, {}, 'en', unconfirmed)).id);
    const due = await outboxRow((await createTestSubmission(handle.db, forum, {}, 'en', unconfirmed)).id);
    try {
      const longAgo = new Date(Date.now() - 3_600_000);
      await handle.db.update(outbox).set({ failedAt: new Date(), enqueuedAt: longAgo, payload: {} }).where(eq(outbox.id, failed.id));
      await handle.db.update(outbox).set({ doneAt: new Date(), enqueuedAt: longAgo, payload: {} }).where(eq(outbox.id, done.id));
      await handle.db.update(outbox).set({ enqueuedAt: longAgo }).where(eq(outbox.id, due.id));

      // Other rows of this database may be due too; what matters is which of ours were queued.
      await relayDueOutboxRows(handle, { email: producer.queue }, 1_000);
      expect(await producer.queue.getJob(jobIdFor(due.id))).toBeTruthy();
      expect(await producer.queue.getJob(jobIdFor(failed.id))).toBeUndefined();
      expect(await producer.queue.getJob(jobIdFor(done.id))).toBeUndefined();
      expect((await outboxRow(failed.submissionId!)).enqueuedAt).toEqual(longAgo);
      expect((await outboxRow(done.submissionId!)).enqueuedAt).toEqual(longAgo);
    } finally {
      await producer.queue.obliterate({ force: true });
      await producer.close();
    }
  });
});
