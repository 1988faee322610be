/**
 * A worker claims the outbox row whose job it runs. Two copies of one job (Redis lost the job and
 * the relay queued it again while the first still ran, or BullMQ handed a stalled job to another
 * worker) must not both send the e-mail; a claim left by a killed worker runs out; a failure gives
 * the claim back so the retry can run at once.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import { processOutboxJob } from '../../workers/process-job';
import type { Mailer } from '../../workers/mailer';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { eventually, mailTo, testDb, workerDeps } from '../helpers/services';

const handle = testDb();
const db = handle.db;
afterAll(() => handle.close());

async function confirmationRow(email: string) {
  const forum = await createForum(db);
  const input = await createTestSubmission(db, forum, { email }, 'en', { confirmed: false });
  const [row] = await db.select().from(outbox).where(and(eq(outbox.submissionId, input.id), eq(outbox.kind, 'confirm-email')));
  return row;
}

describe('outbox claims', () => {
  it('two copies of one job at once send one e-mail; the second leaves the row to the first', async () => {
    const email = `claim-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const row = await confirmationRow(email);
    const outcomes = await Promise.all([processOutboxJob(workerDeps(db), row.id), processOutboxJob(workerDeps(db), row.id)]);
    expect(outcomes.sort()).toEqual(['done', 'skipped']);
    await eventually(async () => (await mailTo(email)).length === 1, 10_000, 'the e-mail');
    // Nothing else arrives: give a late duplicate the time to show up.
    await new Promise((r) => setTimeout(r, 500));
    expect(await mailTo(email)).toHaveLength(1);
  });

  it('a claim that ran out (its worker was killed) no longer holds the row', async () => {
    const email = `expired-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const row = await confirmationRow(email);
    await db.update(outbox).set({ claimedUntil: sql`now() + interval '1 minute'` }).where(eq(outbox.id, row.id));
    expect(await processOutboxJob(workerDeps(db), row.id)).toBe('skipped');
    await db.update(outbox).set({ claimedUntil: sql`now() - interval '1 second'` }).where(eq(outbox.id, row.id));
    expect(await processOutboxJob(workerDeps(db), row.id)).toBe('done');
    expect(await mailTo(email)).toHaveLength(1);
  });

  it('a failed attempt gives the claim back, so the retry runs at once', async () => {
    const email = `retry-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const row = await confirmationRow(email);
    const refusing: Mailer = { ...workerDeps(db).mailer, send: async () => { throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }); } };
    await expect(processOutboxJob({ ...workerDeps(db), mailer: refusing }, row.id)).rejects.toThrow();
    const [after] = await db.select().from(outbox).where(eq(outbox.id, row.id));
    expect(after.claimedUntil).toBeNull();
    expect(after.attempts).toBe(1);
    expect(await processOutboxJob(workerDeps(db), row.id)).toBe('done');
    expect(await mailTo(email)).toHaveLength(1);
  });
});
