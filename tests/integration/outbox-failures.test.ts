/**
 * What a failed delivery does to its outbox row, against a real SMTP server that answers as told:
 * a permanent refusal dead-letters the row at once (payload erased, audited, never retried); every
 * transient SMTP failure is retried for as long as it takes and ends in delivery; errors of our own
 * are retried a bounded number of times, then dead-lettered.
 */
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { auditEvents, outbox } from '../../db/schema';
import { isDatabaseUnavailable } from '../../workers/database-errors';
import { createMailer, SmtpSendError } from '../../workers/mailer';
import { JOB_OPTIONS } from '../../workers/outbox-relay';
import { MAX_ATTEMPTS, processOutboxJob } from '../../workers/process-job';
import { jobIdFor } from '../../workers/queues';
import { createRedis } from '../../workers/redis-connection';
import type { WorkerDeps } from '../../workers/worker-deps';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { ACCEPT, faultySmtp, type SmtpBehaviour } from '../helpers/faulty-smtp';
import { databaseError, eventually, testDb, workerDeps } from '../helpers/services';
import { REDIS_DB } from '../helpers/redis-databases';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

/** A fresh acknowledgement row, and job dependencies that mail through `smtpUrl`. */
async function ackRow(smtpUrl: string) {
  const forum = await createForum(db);
  const email = `fail-${crypto.randomUUID().slice(0, 8)}@example.org`;
  const { id } = await createTestSubmission(db, forum, { email });
  const [row] = await db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, 'acknowledge')));
  const mailer = createMailer(smtpUrl, 'Portal <no-reply@localhost>');
  const deps: WorkerDeps = { ...workerDeps(db), mailer };
  return { row, email, deps, submissionId: id };
}

async function reload(id: number) {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

async function failure(run: Promise<unknown>): Promise<unknown> {
  return run.then(
    () => expect.fail('expected the job to fail'),
    (error: unknown) => error,
  );
}

describe('a permanent SMTP refusal', () => {
  const cases: Array<[string, SmtpBehaviour]> = [
    ['550 to RCPT TO (no such mailbox)', { failAt: 'rcpt', code: 550, text: 'No such user' }],
    ['553 to RCPT TO', { failAt: 'rcpt', code: 553 }],
    ['554 to DATA (content refused)', { failAt: 'data', code: 554 }],
  ];
  it.each(cases)('%s: row failed at once, payload erased, audited, no retry', async (_name, behaviour) => {
    const smtp = await faultySmtp(behaviour);
    await smtp.listen();
    const { row, deps, submissionId } = await ackRow(smtp.url);
    try {
      expect(row.payload.statusToken).toBeTruthy();
      const error = await failure(processOutboxJob(deps, row.id));
      // UnrecoverableError is BullMQ's "do not retry".
      expect(error).toBeInstanceOf(UnrecoverableError);

      const after = await reload(row.id);
      expect(after.failedAt).not.toBeNull();
      expect(after.doneAt).toBeNull();
      expect(after.attempts).toBe(1);
      expect(after.lastError).toContain(String((behaviour as { code: number }).code));
      // The one-time status token must not outlive the attempt to mail it.
      expect(after.payload).toEqual({});
      const audit = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.submissionId, submissionId), eq(auditEvents.action, 'email.failed')));
      expect(audit.map((a) => a.details)).toEqual([
        { kind: 'acknowledge', reason: 'smtp-permanent', smtpCode: (behaviour as { code: number }).code, attempts: 1 },
      ]);

      // Delivered to BullMQ again (e.g. by a stale job), it is skipped without touching SMTP.
      const attemptsBefore = smtp.attempts.length;
      expect(await processOutboxJob(deps, row.id)).toBe('skipped');
      expect(smtp.attempts.length).toBe(attemptsBefore);
      expect(smtp.received).toHaveLength(0);
    } finally {
      deps.mailer.close();
      await smtp.stop();
    }
  });
});

describe('a transient SMTP failure', () => {
  const cases: Array<[string, SmtpBehaviour]> = [
    ['421 to RCPT TO (try later)', { failAt: 'rcpt', code: 421 }],
    ['450 to RCPT TO (greylisting)', { failAt: 'rcpt', code: 450 }],
    ['451 to DATA', { failAt: 'data', code: 451 }],
    ['421 greeting (server busy)', { failAt: 'greeting', code: 421 }],
    ['554 greeting (server not accepting, e.g. maintenance)', { failAt: 'greeting', code: 554 }],
    ['535 to AUTH (our credentials or account: ours to fix)', { failAt: 'auth', code: 535 }],
    ['454 to AUTH', { failAt: 'auth', code: 454 }],
    ['553 to MAIL FROM (our sender address: ours to fix)', { failAt: 'mail', code: 553 }],
  ];
  it.each(cases)('%s: retried, payload kept, delivered once the server works', async (_name, behaviour) => {
    const smtp = await faultySmtp(behaviour);
    await smtp.listen();
    const { row, email, deps } = await ackRow(smtp.url);
    try {
      const error = await failure(processOutboxJob(deps, row.id));
      expect(error).toBeInstanceOf(SmtpSendError);
      expect(error).not.toBeInstanceOf(UnrecoverableError);
      const after = await reload(row.id);
      expect(after).toMatchObject({ failedAt: null, doneAt: null, attempts: 1 });
      expect(after.payload).toEqual(row.payload);

      smtp.set(ACCEPT);
      expect(await processOutboxJob(deps, row.id)).toBe('done');
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0].to).toMatchObject({ value: [{ address: email }] });
      expect(smtp.received[0].text).toContain(`/en/status/${row.payload.statusToken}`);
      expect((await reload(row.id)).payload).toEqual({});
    } finally {
      deps.mailer.close();
      await smtp.stop();
    }
  });

  it('connection refused (server down): retried, delivered when the server is back', async () => {
    const smtp = await faultySmtp(ACCEPT); // not listening yet
    const { row, deps } = await ackRow(smtp.url);
    try {
      const error = await failure(processOutboxJob(deps, row.id));
      expect(error).toBeInstanceOf(SmtpSendError);
      expect((error as Error).message).toMatch(/ECONNREFUSED/);
      expect(await reload(row.id)).toMatchObject({ failedAt: null, attempts: 1 });

      await smtp.listen();
      expect(await processOutboxJob(deps, row.id)).toBe('done');
      expect(smtp.received).toHaveLength(1);
    } finally {
      deps.mailer.close();
      await smtp.stop();
    }
  });

  it('is never given up, however many attempts an outage takes', async () => {
    const smtp = await faultySmtp({ failAt: 'rcpt', code: 421 });
    await smtp.listen();
    const { row, deps } = await ackRow(smtp.url);
    try {
      for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
        expect(await failure(processOutboxJob(deps, row.id))).not.toBeInstanceOf(UnrecoverableError);
      }
      expect(await reload(row.id)).toMatchObject({ failedAt: null, attempts: MAX_ATTEMPTS + 2 });
      smtp.set(ACCEPT);
      expect(await processOutboxJob(deps, row.id)).toBe('done');
    } finally {
      deps.mailer.close();
      await smtp.stop();
    }
  });
});

describe('through BullMQ with the production job options', () => {
  /** A queue and worker of their own on the suite's Redis (own logical db), running the real job. */
  async function runQueue(deps: WorkerDeps) {
    const name = `email-test-${crypto.randomUUID().slice(0, 8)}`;
    const redisUrl = `${inject('redisUrl')}/${REDIS_DB.outboxFailures}`;
    const producer = createRedis(redisUrl, 'producer');
    const consumer = createRedis(redisUrl, 'worker');
    const queue = new Queue(name, { connection: producer });
    const failures: Array<{ attemptsMade: number; message: string }> = [];
    const worker = new Worker(name, (job) => processOutboxJob(deps, job.data.outboxId), { connection: consumer });
    worker.on('failed', (job, err) => failures.push({ attemptsMade: job?.attemptsMade ?? -1, message: err.message }));
    return {
      failures,
      add: (outboxId: number) => queue.add('acknowledge', { outboxId }, { ...JOB_OPTIONS, jobId: jobIdFor(outboxId) }),
      async close() {
        await worker.close();
        await queue.obliterate({ force: true });
        await queue.close();
        producer.disconnect();
        consumer.disconnect();
      },
    };
  }

  it('retries a 421 with backoff until the server accepts, and does not retry a 550', async () => {
    const smtp = await faultySmtp({ failAt: 'rcpt', code: 421 });
    await smtp.listen();
    const transient = await ackRow(smtp.url);
    const permanent = await ackRow(smtp.url);
    const q = await runQueue(transient.deps);
    try {
      await q.add(transient.row.id);
      await eventually(async () => smtp.attempts.length >= 2, 20_000, 'a second attempt after backoff');
      smtp.set(ACCEPT);
      await eventually(async () => (await reload(transient.row.id)).doneAt, 20_000, 'delivery after retries');
      expect(smtp.received).toHaveLength(1);

      smtp.set({ failAt: 'rcpt', code: 550 });
      const attemptsBefore = smtp.attempts.length;
      await q.add(permanent.row.id);
      await eventually(async () => (await reload(permanent.row.id)).failedAt, 20_000, 'dead letter');
      // Give BullMQ time to retry if it (wrongly) would: the first backoff is at most 2 s.
      await new Promise((r) => setTimeout(r, 2_500));
      expect(smtp.attempts.length).toBe(attemptsBefore + 1);
      expect(q.failures.filter((f) => f.message.includes('550'))).toEqual([expect.objectContaining({ attemptsMade: 1 })]);
    } finally {
      await q.close();
      transient.deps.mailer.close();
      await smtp.stop();
    }
  });
});

describe('an error of our own (not SMTP)', () => {
  it(`is retried ${MAX_ATTEMPTS} times, then the row is dead-lettered with its payload erased`, async () => {
    const smtp = await faultySmtp(ACCEPT);
    await smtp.listen();
    const { row, deps, submissionId } = await ackRow(smtp.url);
    try {
      // A corrupt token cannot be mailed, however often we try.
      await db.update(outbox).set({ payload: { statusToken: 'not-a-token' } }).where(eq(outbox.id, row.id));
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        expect(await failure(processOutboxJob(deps, row.id))).not.toBeInstanceOf(UnrecoverableError);
        expect(await reload(row.id)).toMatchObject({ failedAt: null, attempts: i });
      }
      expect(await failure(processOutboxJob(deps, row.id))).toBeInstanceOf(UnrecoverableError);
      const after = await reload(row.id);
      expect(after.failedAt).not.toBeNull();
      expect(after.attempts).toBe(MAX_ATTEMPTS);
      expect(after.payload).toEqual({});
      const [audit] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.submissionId, submissionId), eq(auditEvents.action, 'email.failed')));
      expect(audit.details).toMatchObject({ kind: 'acknowledge', reason: 'attempts-exhausted', attempts: MAX_ATTEMPTS });
      expect(await processOutboxJob(deps, row.id)).toBe('skipped');
      expect(smtp.sessions).toHaveLength(0);
    } finally {
      deps.mailer.close();
      await smtp.stop();
    }
  });

  it('tells PostgreSQL being unreachable (not counted against the row) from a bad statement', async () => {
    // Real errors from the real driver: our connection killed by the server, versus a bad statement.
    const victim = testDb();
    try {
      const killed = await victim.db.execute(sql`select pg_terminate_backend(pg_backend_pid())`).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(killed).toBeDefined();
      expect(isDatabaseUnavailable(killed)).toBe(true);
    } finally {
      // Its only connection is dead: do not wait for a graceful end.
      await victim.sql.end({ timeout: 0 });
    }
    const badStatement = await db.execute(sql`select * from no_such_table`).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(await databaseError(Promise.reject(badStatement))).toMatch(/no_such_table/);
    expect(isDatabaseUnavailable(badStatement)).toBe(false);
  });
});
