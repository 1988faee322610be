import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { waitingInQueue } from '../helpers/queue';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { erasePersonalData, exportSubmitterData } from '../../app/modules/submissions/personal-data';
import { resubmitSubmission } from '../../app/modules/submissions/resubmit';
import { findByStatusToken } from '../../app/modules/submissions/submission-status';
import { auditEvents, outbox, submissionVersions, submissions } from '../../db/schema';
import { processOutboxJob } from '../../workers/process-job';
import { createForum } from '../factories/forums';
import { createTestSubmission, submissionInput } from '../factories/submissions';
import { databaseError, mailTo, testDb, workerDeps } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

async function moderator() {
  return upsertStaffUser(db, { email: `mod-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'M', role: 'moderator', password: 'correct horse battery staple' });
}

describe('changes requested', () => {
  it('mails a new edit link; the edit keeps the earlier version, is pending again and gets a new receipt', async () => {
    const forum = await createForum(db);
    const staff = await moderator();
    const email = `changes-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const { id, reference, statusToken: firstToken } = await createTestSubmission(db, forum, { email }, 'ar');
    const [before] = await db.select().from(submissions).where(eq(submissions.id, id));

    const message = 'يرجى حذف الأسماء الواردة في الفقرة الثانية.';
    expect(await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'changes_requested', reason: message } })).toEqual({ ok: true });
    const [job] = await db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, 'decision-email')));
    const editToken = String(job.payload.statusToken);
    expect(editToken).not.toBe(firstToken);
    await processOutboxJob(workerDeps(db), job.id);
    const [mail] = await mailTo(email);
    expect(mail.subject).toBe(`إجراء مطلوب: طُلب تعديل مساهمتك ${reference}`);
    expect(mail.text).toContain(message);
    expect(mail.text).toContain(`http://localhost:3000/ar/status/${editToken}/edit`);
    // Both links lead to the same input.
    expect((await findByStatusToken(db, editToken))?.submission.id).toBe(id);
    expect((await findByStatusToken(db, firstToken))?.submission.id).toBe(id);

    const edited = submissionInput({ email: 'ignored@example.org', title: 'عنوان معدَّل', body: 'نص بلا أسماء' });
    const { email: _ignored, ...input } = edited;
    expect(await resubmitSubmission(db, id, input, editToken)).toEqual({ ok: true, version: 2 });
    expect(await resubmitSubmission(db, id, input, editToken)).toEqual({ ok: false });

    const [after] = await db.select().from(submissions).where(eq(submissions.id, id));
    expect(after).toMatchObject({ decision: 'pending', decisionReason: null, title: 'عنوان معدَّل', body: 'نص بلا أسماء', email, version: 3 });
    expect(after.contentSha256).not.toBe(before.contentSha256);
    expect(after.revisedAt).not.toBeNull();
    const versions = await db.select().from(submissionVersions).where(eq(submissionVersions.submissionId, id));
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, contentSha256: before.contentSha256 });
    expect(versions[0].content).toMatchObject({ title: before.title, body: before.body, email });
    expect(await waitingInQueue(db)).toContain(id);
    const acks = await db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, 'acknowledge')));
    expect(acks).toHaveLength(2);
    expect(acks.map((a) => a.payload.statusToken ?? 'sent')).toContain(editToken);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.submissionId, id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action).slice(-2)).toEqual(['decision.changes_requested', 'submission.resubmitted']);

    // The history is the submitter's to download, and goes with their personal data on erasure.
    expect((await exportSubmitterData(db, id))?.earlierVersions.map((v) => v.number)).toEqual([1]);
    await erasePersonalData(db, id);
    const [scrubbed] = await db.select().from(submissionVersions).where(eq(submissionVersions.submissionId, id));
    expect(scrubbed.content).not.toHaveProperty('email');
    expect(scrubbed.content).not.toHaveProperty('contactName');
    expect(scrubbed.content).toHaveProperty('body', before.body);
  });

  it('cannot be requested, nor an input rejected, without a message (NULL included)', async () => {
    const forum = await createForum(db);
    const { id } = await createTestSubmission(db, forum);
    for (const [decision, check] of [['changes_requested', 'submissions_changes_have_message'], ['rejected', 'submissions_rejection_has_reason']] as const) {
      for (const decisionReason of [null, '']) {
        // A rejection has its category, so the missing message is the only thing wrong.
        const category = decision === 'rejected' ? { rejectionCategory: 'other' as const } : {};
        const update = db.update(submissions).set({ decision, decisionReason, decidedAt: new Date(), ...category }).where(eq(submissions.id, id));
        expect(await databaseError(update)).toMatch(new RegExp(check));
      }
    }
  });
});
