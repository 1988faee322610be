/**
 * What reaches logs, BullMQ and the outbox's last error about a failure: never the personal data
 * a database error quotes from its query, never an SMTP server's reply naming the recipient.
 * Real PostgreSQL and a real SMTP server produce the errors.
 */
import { Job, Queue, Worker } from 'bullmq';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { handleApi } from '../../app/lib/api/responses';
import { loggableError } from '../../app/modules/logging/loggable-error';
import type { DbHandle } from '../../db/client';
import { outbox, staffUsers } from '../../db/schema';
import { createMailer, isPermanentSmtpFailure, SmtpSendError } from '../../workers/mailer';
import { JOB_OPTIONS } from '../../workers/outbox-relay';
import { processOutboxJob } from '../../workers/process-job';
import { jobIdFor } from '../../workers/queues';
import { createRedis } from '../../workers/redis-connection';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { faultySmtp } from '../helpers/faulty-smtp';
import { REDIS_DB } from '../helpers/redis-databases';
import { eventually, testDb, workerDeps } from '../helpers/services';

let handle: DbHandle;
beforeAll(() => {
  handle = testDb();
});
afterAll(() => handle.close());

async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

/** A real unique violation whose raw message quotes the address it was given. */
async function duplicateStaffError(email: string): Promise<unknown> {
  const row = { email, displayName: 'ليلى منصور', role: 'moderator' as const, passwordHash: 'x'.repeat(40) };
  await handle.db.insert(staffUsers).values(row);
  const error = await caught(() => handle.db.insert(staffUsers).values(row));
  expect(String((error as Error).message)).toContain(email);
  return error;
}

/** What console.error receives while `run` runs. */
async function errorLines(run: () => unknown): Promise<string[]> {
  const lines: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return lines;
}

const mail = (to: string) => ({ to, subject: 'Test', text: 'Text', html: '<p>Text</p>', language: 'en' });

describe('log safety', () => {
  it('keeps the kind, SQLSTATE and constraint of a database error, never the values of its query', async () => {
    const email = `log-safety-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const row = { email, displayName: 'ليلى منصور', role: 'moderator' as const, passwordHash: 'x'.repeat(40) };
    await handle.db.insert(staffUsers).values(row);
    const error = await caught(() => handle.db.insert(staffUsers).values(row));
    // The raw error does quote the values: that is what must not reach a log.
    expect(String((error as Error).message)).toContain(email);
    const logged = loggableError(error);
    expect(logged).toContain('SQLSTATE 23505');
    expect(logged).toMatch(/constraint staff_users_email/);
    expect(logged).not.toContain(email);
    expect(logged).not.toContain('ليلى');
    expect(logged).toMatch(/\n\s+at /);
  });

  it('keeps the message of the portal’s own errors', () => {
    expect(loggableError(new TypeError('cannot read x'))).toMatch(/^TypeError: cannot read x/);
    expect(loggableError('a string')).toBe('non-error thrown: string');
  });

  it('an SMTP refusal keeps the step and codes, never the reply text or the address', async () => {
    const address = 'amina.haddad@example.org';
    const smtp = await faultySmtp({ failAt: 'rcpt', code: 550, text: `5.1.1 <${address}>: Recipient address rejected: User unknown` });
    await smtp.listen();
    const mailer = createMailer(smtp.url, 'Portal <no-reply@localhost>');
    try {
      const error = await caught(() => mailer.send(mail(address), `<log-safety-${crypto.randomUUID()}@localhost>`));
      expect(error).toBeInstanceOf(SmtpSendError);
      const e = error as SmtpSendError;
      expect(e.message).not.toContain(address);
      expect(e.message).not.toContain('unknown');
      expect(e.stack).not.toContain(address);
      expect(e.cause).toBeUndefined();
      expect(e.responseCode).toBe(550);
      expect(e.message).toContain('550');
      expect(isPermanentSmtpFailure(e)).toBe(true);
    } finally {
      mailer.close();
      await smtp.stop();
    }
  });

  it('a message with no recipient left fails for good, without reaching a server', async () => {
    const smtp = await faultySmtp({ accept: true });
    await smtp.listen();
    const mailer = createMailer(smtp.url, 'Portal <no-reply@localhost>');
    try {
      const error = await caught(() => mailer.send(mail(''), `<log-safety-${crypto.randomUUID()}@localhost>`));
      expect(error).toMatchObject({ code: 'EENVELOPE', responseCode: undefined });
      expect(isPermanentSmtpFailure(error)).toBe(true);
    } finally {
      mailer.close();
      await smtp.stop();
    }
  });
});

describe('the web server’s error log', () => {
  it('writes a failed loader’s database error without its query values, and nothing for a visitor who went away', async () => {
    const { handleError } = await import('../../app/entry.server');
    const email = `web-log-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const row = { email, displayName: 'Web Log', role: 'moderator' as const, passwordHash: 'x'.repeat(40) };
    await handle.db.insert(staffUsers).values(row);
    const error = await caught(() => handle.db.insert(staffUsers).values(row));
    const lines: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => lines.push(args.map(String).join(' '));
    try {
      const request = new Request(`http://localhost/en/status/${'A'.repeat(43)}`, { method: 'POST' });
      handleError(error, { request, params: {}, context: {} as never });
      const gone = new AbortController();
      gone.abort();
      handleError(error, { request: new Request('http://localhost/en', { signal: gone.signal }), params: {}, context: {} as never });
    } finally {
      console.error = original;
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('SQLSTATE 23505');
    expect(lines[0]).not.toContain(email);
    // The path's capability token is not logged either.
    expect(lines[0]).not.toContain('A'.repeat(43));
  });
});

describe('the JSON API’s error log', () => {
  it('writes an unexpected database error without its query values', async () => {
    const email = `api-log-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const error = await duplicateStaffError(email);
    let answer: Response | undefined;
    const lines = await errorLines(async () => {
      answer = await handleApi(new Request('http://localhost/api/v1/forums', { headers: { 'Accept-Language': 'ar' } }), async () => {
        throw error;
      });
    });
    expect(answer?.status).toBe(500);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('SQLSTATE 23505');
    expect(lines[0]).not.toContain(email);
    expect(lines[0]).not.toContain('ليلى');
  });
});

describe('what BullMQ keeps of a failed job', () => {
  it('holds the loggable form of a database error in Redis, never its query values', async () => {
    const forum = await createForum(handle.db);
    const { id } = await createTestSubmission(handle.db, forum, { email: `queue-log-${crypto.randomUUID().slice(0, 8)}@example.org` });
    const [row] = await handle.db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, 'acknowledge')));
    const quoted = `quoted-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const dbError = await duplicateStaffError(quoted);
    // A job step that fails on a database error: here the mail step, so the job itself is real.
    const mailer = { send: async () => Promise.reject(dbError), close: () => {} };
    const deps = { ...workerDeps(handle.db), mailer };

    const name = `log-safety-${crypto.randomUUID().slice(0, 8)}`;
    const redisUrl = `${inject('redisUrl')}/${REDIS_DB.personalDataErasure}`;
    const producer = createRedis(redisUrl, 'producer');
    const consumer = createRedis(redisUrl, 'worker');
    const queue = new Queue(name, { connection: producer });
    const worker = new Worker(name, (job) => processOutboxJob(deps, job.data.outboxId), { connection: consumer });
    const failed: string[] = [];
    worker.on('failed', (_job, err) => failed.push(err.message));
    try {
      // Retried (it is not an SMTP refusal), so BullMQ keeps the job, its reason and its stack.
      await queue.add('acknowledge', { outboxId: row.id }, { ...JOB_OPTIONS, jobId: jobIdFor(row.id) });
      await eventually(async () => failed.length > 0, 20_000, 'the first failure');
      const job = await Job.fromId(queue, jobIdFor(row.id));
      expect(job?.failedReason).toContain('SQLSTATE 23505');
      expect(job?.failedReason).not.toContain(quoted);
      expect(job?.stacktrace?.length).toBeGreaterThan(0);
      for (const stack of job?.stacktrace ?? []) expect(stack).not.toContain(quoted);
      expect(failed[0]).not.toContain(quoted);
      const [after] = await handle.db.select().from(outbox).where(eq(outbox.id, row.id));
      expect(after.lastError).toContain('SQLSTATE 23505');
      expect(after.lastError).not.toContain(quoted);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
      producer.disconnect();
      consumer.disconnect();
    }
  });
});
