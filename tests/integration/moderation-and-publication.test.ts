import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { withdrawSubmission } from '../../app/modules/submissions/withdraw';
import { waitingInQueue } from '../helpers/queue';
import { findPublishedInput, listPublishedInputs } from '../../app/modules/publication/public-inputs';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { auditEvents, outbox, submissions } from '../../db/schema';
import { processOutboxJob } from '../../workers/process-job';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { databaseError, mailTo, testDb, workerDeps } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

async function moderator() {
  return upsertStaffUser(db, { email: `mod-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'Moderator', role: 'moderator', password: 'correct horse battery staple' });
}

describe('moderation', () => {
  it('accepting publishes the input, audits both steps and tells the submitter', async () => {
    const forum = await createForum(db);
    const staff = await moderator();
    const email = `pub-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const { id, reference } = await createTestSubmission(db, forum, { email });
    expect(await waitingInQueue(db)).toContain(id);
    expect(await findPublishedInput(db, reference)).toBeUndefined();

    expect(await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } })).toEqual({ ok: true });

    const published = await findPublishedInput(db, reference);
    expect(published?.title).toBe('Access to services for migrant workers');
    expect(published).not.toHaveProperty('email');
    expect((await listPublishedInputs(db, forum.id)).map((p) => p.reference)).toEqual([reference]);
    expect(await waitingInQueue(db)).not.toContain(id);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.submissionId, id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['submission.received', 'email.confirmed', 'decision.accepted', 'submission.published']);
    expect(audit[2].actorStaffId).toBe(staff.id);

    const jobs = await db.select().from(outbox).where(eq(outbox.submissionId, id));
    const decisionJob = jobs.find((j) => j.kind === 'decision-email')!;
    await processOutboxJob(workerDeps(db), decisionJob.id);
    const [mail] = await mailTo(email);
    expect(mail.subject).toBe(`Published, no action needed: your input ${reference} to Test forum ${forum.referencePrefix.slice(1)}`);
    expect(mail.text).toContain(`http://localhost:3000/en/inputs/${reference}`);
  });

  it('publishes the name and the organisation only where the submitter consented', async () => {
    const forum = await createForum(db);
    const staff = await moderator();
    const cases = [
      { publishName: false, publishOrganisation: false, expected: { authorName: null, authorOrganisation: null } },
      { publishName: true, publishOrganisation: false, expected: { authorName: 'Amina Haddad', authorOrganisation: null } },
      { publishName: false, publishOrganisation: true, expected: { authorName: null, authorOrganisation: 'Migrant Rights Network' } },
      { publishName: true, publishOrganisation: true, expected: { authorName: 'Amina Haddad', authorOrganisation: 'Migrant Rights Network' } },
    ];
    for (const { expected, ...consent } of cases) {
      const { id, reference } = await createTestSubmission(db, forum, consent);
      await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } });
      const published = await findPublishedInput(db, reference);
      expect({ authorName: published?.authorName, authorOrganisation: published?.authorOrganisation }).toEqual(expected);
      expect(JSON.stringify(published)).not.toContain(expected.authorName ? '@' : 'Amina');
    }
    const listed = await listPublishedInputs(db, forum.id);
    expect(listed.filter((i) => i.authorName === 'Amina Haddad')).toHaveLength(2);
  });

  it('rejecting keeps the input private and sends the reason', async () => {
    const forum = await createForum(db);
    const staff = await moderator();
    const email = `rej-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const { id, reference } = await createTestSubmission(db, forum, { email }, 'ar');
    const reason = 'خارج نطاق الدعوة';
    expect(await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'rejected', category: 'out_of_scope', reason } })).toEqual({ ok: true });
    expect(await findPublishedInput(db, reference)).toBeUndefined();
    const job = (await db.select().from(outbox).where(eq(outbox.submissionId, id))).find((j) => j.kind === 'decision-email')!;
    await processOutboxJob(workerDeps(db), job.id);
    const [mail] = await mailTo(email);
    expect(mail.text).toContain(reason);
  });

  it('applies a decision once: a second or concurrent decision on the same version is refused', async () => {
    const forum = await createForum(db);
    const [a, b] = [await moderator(), await moderator()];
    const { id } = await createTestSubmission(db, forum);
    const results = await Promise.all([
      decide(db, { submissionId: id, expectedVersion: 1, staffId: a.id, request: { decision: 'accepted' } }),
      decide(db, { submissionId: id, expectedVersion: 1, staffId: b.id, request: { decision: 'rejected', category: 'out_of_scope', reason: 'spam' } }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'stale' }]);
    expect(await decide(db, { submissionId: id, expectedVersion: 2, staffId: a.id, request: { decision: 'accepted' } })).toEqual({ ok: false, reason: 'stale' });
    const decisionJobs = (await db.select().from(outbox).where(eq(outbox.submissionId, id))).filter((j) => j.kind === 'decision-email');
    expect(decisionJobs).toHaveLength(1);
  });

  it('a withdrawn input leaves the queue and can no longer be decided or withdrawn again', async () => {
    const forum = await createForum(db);
    const staff = await moderator();
    const { id } = await createTestSubmission(db, forum);
    expect(await withdrawSubmission(db, id)).toBe(true);
    expect(await withdrawSubmission(db, id)).toBe(false);
    expect(await waitingInQueue(db)).not.toContain(id);
    expect(await decide(db, { submissionId: id, expectedVersion: 2, staffId: staff.id, request: { decision: 'accepted' } })).toEqual({ ok: false, reason: 'stale' });
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.submissionId, id)).orderBy(auditEvents.id);
    expect(audit.map((a) => [a.action, a.actorKind])).toEqual([
      ['submission.received', 'submitter'],
      ['email.confirmed', 'submitter'],
      ['submission.withdrawn', 'submitter'],
    ]);
  });

  it('a decided input can no longer be withdrawn', async () => {
    const forum = await createForum(db);
    const staff = await moderator();
    const { id } = await createTestSubmission(db, forum);
    await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } });
    expect(await withdrawSubmission(db, id)).toBe(false);
  });

  it('the database itself refuses to publish what is not accepted', async () => {
    const forum = await createForum(db);
    const { id } = await createTestSubmission(db, forum);
    expect(await databaseError(db.update(submissions).set({ publishedAt: new Date() }).where(eq(submissions.id, id)))).toMatch(/published_only_if_accepted/);
  });
});
