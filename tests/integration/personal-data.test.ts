import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { waitingInQueue } from '../helpers/queue';
import { findPublishedInput } from '../../app/modules/publication/public-inputs';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { erasePersonalData, exportSubmitterData } from '../../app/modules/submissions/personal-data';
import { auditEvents, outbox, receipts, submissions } from '../../db/schema';
import { processOutboxJob } from '../../workers/process-job';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { testDb, workerDeps } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

describe("the submitter's data", () => {
  it('exports everything held about the input, without staff identities', async () => {
    const forum = await createForum(db);
    const staff = await upsertStaffUser(db, { email: `mod-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'Moderator Name', role: 'moderator', password: 'correct horse battery staple' });
    const email = `export-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const { id, reference } = await createTestSubmission(db, forum, { email, body: 'نص المساهمة' });
    await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'rejected', category: 'out_of_scope', reason: 'خارج النطاق' } });

    const data = await exportSubmitterData(db, id);
    expect(data?.submission).toMatchObject({ reference, email, contactName: 'Amina Haddad', body: 'نص المساهمة', decision: 'rejected', decisionReason: 'خارج النطاق' });
    expect(data?.history.map((h) => h.action)).toEqual(['submission.received', 'email.confirmed', 'decision.rejected']);
    const text = JSON.stringify(data);
    expect(text).not.toContain(staff.id);
    expect(text).not.toContain('Moderator Name');
  });

  it('erases name, address and organisation once; withdraws an undecided input and cancels its pending e-mails', async () => {
    const forum = await createForum(db);
    const { id } = await createTestSubmission(db, forum, { email: `erase-${crypto.randomUUID().slice(0, 8)}@example.org` });
    const [ack] = await db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, 'acknowledge')));
    await processOutboxJob(workerDeps(db), ack.id);
    expect(await db.select().from(receipts).where(eq(receipts.submissionId, id))).toHaveLength(1);
    expect(await erasePersonalData(db, id)).toEqual({ erased: true, withdrawn: true });
    expect(await db.select().from(receipts).where(eq(receipts.submissionId, id))).toHaveLength(0);
    expect(await erasePersonalData(db, id)).toEqual({ erased: false });

    const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
    expect(row).toMatchObject({ contactName: '', email: '', organisation: null, publishName: false, publishOrganisation: false });
    expect(row.withdrawnAt).not.toBeNull();
    expect(row.body).toBe('Migrant domestic workers need access to justice and basic services.');
    const jobs = await db.select().from(outbox).where(eq(outbox.submissionId, id));
    expect(jobs.every((j) => j.doneAt && Object.keys(j.payload).length === 0)).toBe(true);
    expect(await waitingInQueue(db)).not.toContain(id);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.submissionId, id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['submission.received', 'email.confirmed', 'personal_data.erased', 'submission.withdrawn']);
  });

  it('keeps a published input public, without the name it carried', async () => {
    const forum = await createForum(db);
    const staff = await upsertStaffUser(db, { email: `mod-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'M', role: 'moderator', password: 'correct horse battery staple' });
    const { id, reference } = await createTestSubmission(db, forum, { publishName: true, publishOrganisation: true });
    await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } });
    expect((await findPublishedInput(db, reference))?.authorName).toBe('Amina Haddad');

    expect(await erasePersonalData(db, id)).toEqual({ erased: true, withdrawn: false });
    const published = await findPublishedInput(db, reference);
    expect(published?.title).toBe('Access to services for migrant workers');
    expect(published).toMatchObject({ authorName: null, authorOrganisation: null });
  });
});
