/**
 * Care for people around publication, against the real database and the real worker code:
 * scheduled publication, withdrawal from publication, the public version (redaction) and held
 * decision e-mails. Near-identical inputs are in similar-inputs.test.ts.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { listHeldDecisionEmails, releaseHeldDecisionEmails } from '../../app/modules/notifications/held-decision-emails';
import { findPublicAttachment, listPublicAttachments } from '../../app/modules/publication/public-attachments';
import { findPublishedInput, findWithdrawnFromPublication } from '../../app/modules/publication/public-inputs';
import { loadPublicVersion, savePublicVersion } from '../../app/modules/publication/public-version';
import { publishDue, publishSubmission, schedulePublication, unpublishSubmission } from '../../app/modules/publication/publish';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { attachments, auditEvents, forums, outbox, submissions } from '../../db/schema';
import { exportSubmitterData } from '../../app/modules/submissions/personal-data';
import { findByStatusToken } from '../../app/modules/submissions/submission-status';
import { processOutboxJob } from '../../workers/process-job';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { databaseError, mailTo, testDb, workerDeps } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

const moderator = () =>
  upsertStaffUser(db, { email: `mod-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'Moderator', role: 'moderator', password: 'correct horse battery staple' });
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const address = () => `care-${crypto.randomUUID().slice(0, 8)}@example.org`;
const row = async (id: string) => (await db.select().from(submissions).where(eq(submissions.id, id)))[0];
const jobsOf = (id: string, kind: string) => db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, kind))).orderBy(outbox.id);
const auditOf = async (id: string) => (await db.select().from(auditEvents).where(eq(auditEvents.submissionId, id)).orderBy(auditEvents.id)).map((a) => a.action);

describe('scheduled publication', () => {
  it('an input accepted for a later time stays private until then, and the e-mail says when', async () => {
    const forum = await createForum(db);
    const staff = await moderator();
    const email = address();
    const { id, reference } = await createTestSubmission(db, forum, { email });
    const at = new Date(Date.now() + 3_600_000);
    expect(await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted', publishAt: at } })).toEqual({ ok: true });

    expect(await row(id)).toMatchObject({ decision: 'accepted', publishedAt: null, publishAt: at });
    expect(await findPublishedInput(db, reference)).toBeUndefined();
    expect(await publishDue(db)).toBe(0);

    const [job] = await jobsOf(id, 'decision-email');
    await processOutboxJob(workerDeps(db), job.id);
    const [mail] = await mailTo(email);
    expect(mail.subject).toMatch(new RegExp(`^Accepted, no action needed: your input ${reference} to .+ will be published on `));
    expect(mail.text).toContain('together with the other inputs published then');

    // When the time comes, the worker's check publishes it at the scheduled instant.
    expect(await publishDue(db, new Date(at.getTime() + 1000))).toBeGreaterThanOrEqual(1);
    expect(await row(id)).toMatchObject({ publishedAt: at, publishAt: null });
    expect((await findPublishedInput(db, reference))?.reference).toBe(reference);
    expect(await auditOf(id)).toEqual(['submission.received', 'email.confirmed', 'decision.accepted', 'submission.publication_scheduled', 'submission.published']);
  });

  it('the database refuses a schedule on an input that is not accepted', async () => {
    const forum = await createForum(db);
    const { id } = await createTestSubmission(db, forum);
    expect(await databaseError(db.update(submissions).set({ publishAt: new Date() }).where(eq(submissions.id, id)))).toMatch(/submissions_scheduled_only_if_accepted/);
  });
});

describe('withdrawal from publication', () => {
  it('an input withdrawn from publication and then scheduled is published at its time like any other', async () => {
    const forum = await createForum(db);
    const staff = await moderator();
    const { id, reference } = await createTestSubmission(db, forum);
    await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } });
    await unpublishSubmission(db, { submissionId: id, staffId: staff.id, reason: 'Checking a name with the submitter.' });
    const at = new Date(Date.now() + 60_000);
    expect(await db.transaction((tx) => schedulePublication(tx, id, at, { staffId: staff.id }))).toBe(true);
    expect(await publishDue(db, new Date(at.getTime() + 1000))).toBeGreaterThanOrEqual(1);
    expect(await row(id)).toMatchObject({ publishedAt: at, unpublishedAt: null, unpublishReason: null });
    expect(await findPublishedInput(db, reference)).toBeDefined();
  });


  it('takes the input off the public record, keeps it, tells the submitter why, and can be undone', async () => {
    const forum = await createForum(db);
    const staff = await moderator();
    const email = address();
    const { id, reference } = await createTestSubmission(db, forum, { email }, 'ar');
    await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } });
    expect(await findPublishedInput(db, reference)).toBeDefined();

    const reason = 'طلب مقدّم المساهمة حذف اسم قريته من النص.';
    expect(await unpublishSubmission(db, { submissionId: id, staffId: staff.id, reason })).toBe('unpublished');
    expect(await unpublishSubmission(db, { submissionId: id, staffId: staff.id, reason })).toBe('not_published');
    expect(await findPublishedInput(db, reference)).toBeUndefined();
    expect(await findWithdrawnFromPublication(db, reference)).toMatchObject({ reference });
    expect(await row(id)).toMatchObject({ decision: 'accepted', publishedAt: null, unpublishReason: reason, title: 'Access to services for migrant workers' });
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.submissionId, id), eq(auditEvents.action, 'submission.unpublished')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorStaffId: staff.id, details: { reason } });

    const jobs = await jobsOf(id, 'decision-email');
    expect(jobs.map((j) => j.payload.decision)).toEqual(['accepted', 'unpublished']);
    await processOutboxJob(workerDeps(db), jobs[1].id);
    const mails = await mailTo(email);
    const withdrawn = mails.find((m) => m.subject?.startsWith('سُحبت من النشر'));
    expect(withdrawn?.subject).toBe(`سُحبت من النشر، ولا يلزمك أي إجراء: مساهمتك ${reference} في ${forum.name.ar}`);
    expect(withdrawn?.text).toContain(reason);

    // Published again: the old withdrawal is cleared, and the public page is back.
    expect(await db.transaction((tx) => publishSubmission(tx, id, { staffId: staff.id }))).toBe(true);
    expect(await row(id)).toMatchObject({ unpublishedAt: null, unpublishReason: null });
    expect(await findWithdrawnFromPublication(db, reference)).toBeUndefined();
    expect(await findPublishedInput(db, reference)).toBeDefined();
  });
});

describe('the public version', () => {
  it('the public reads the redacted text without the hidden name or the withheld file; staff keep the original', async () => {
    const forum = await createForum(db, 'open', { attachmentRules: { allowedTypes: ['pdf', 'txt'], maxSizeMb: 5, maxCount: 2 } });
    const staff = await moderator();
    const body = 'Our shelter in Tripoli (call Samir on +961 3 123 456) hosts 40 women.\nThey need legal aid.';
    const { id, reference } = await createTestSubmission(db, forum, { body, contactName: 'Samir Khoury', publishName: true, publishAttachments: true });
    const [file] = await db
      .insert(attachments)
      .values({ forumId: forum.id, submissionId: id, storageKey: `test/${crypto.randomUUID()}`, fileName: 'shelter-list.txt', kind: 'txt', mediaType: 'text/plain', sizeBytes: 10, sha256: 'x'.repeat(64) })
      .returning();

    const redactedBody = 'Our shelter in Tripoli (contact details removed) hosts 40 women.\r\nThey need legal aid.';
    const all = { nameHidden: true, files: true };
    const texts = { title: 'Access to services for migrant workers', summary: 'Recommendations on objectives 6 and 15.' };
    const first = await loadPublicVersion(db, id);
    const saved = await savePublicVersion(db, { submissionId: id, staffId: staff.id, basis: first!.basis, shown: all, version: { ...texts, body: redactedBody, nameHidden: true, withheldAttachmentIds: [file.id] } });
    expect(saved).toEqual({ ok: true, changed: ['body', 'nameHidden', 'withheldFiles'] });
    // Title and summary were sent back unchanged: they are stored as "no edit", not as copies.
    expect(await row(id)).toMatchObject({ publicTitle: null, publicSummary: null, publicBody: redactedBody, nameHidden: true, body });
    // The submitter's copy of their data shows what the public record will show.
    const exported = await exportSubmitterData(db, id);
    expect(exported?.submission.publicVersion).toEqual({ ...texts, body: redactedBody, nameHidden: true });
    expect(exported?.attachments).toMatchObject([{ fileName: 'shelter-list.txt', withheldFromPublication: true }]);

    // A colleague who opened the page before this save cannot put the number back.
    const stale = await savePublicVersion(db, { submissionId: id, staffId: staff.id, basis: first!.basis, shown: all, version: { ...texts, body, nameHidden: false, withheldAttachmentIds: [] } });
    expect(stale).toEqual({ ok: false, reason: 'stale' });
    expect((await row(id)).publicBody).toBe(redactedBody);

    await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } });
    const published = await findPublishedInput(db, reference);
    expect(published).toMatchObject({ body: redactedBody, title: 'Access to services for migrant workers', authorName: null, authorOrganisation: 'Migrant Rights Network' });
    expect(await listPublicAttachments(db, reference)).toEqual([]);
    expect(await findPublicAttachment(db, reference, file.id)).toBeUndefined();
    const staffView = await loadPublicVersion(db, id);
    expect(staffView).toMatchObject({ original: { body }, current: { body: redactedBody }, files: [{ id: file.id, withheld: true }] });

    // The audit says what changed without keeping the removed number: lengths and digests only.
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.submissionId, id), eq(auditEvents.action, 'submission.redacted')));
    expect(audit.details).toEqual({
      before: { body: { length: body.length, sha256: sha256(body) }, nameHidden: false },
      after: { body: { length: redactedBody.length, sha256: sha256(redactedBody) }, nameHidden: true, withheldFiles: [file.id] },
    });
    expect(JSON.stringify(audit.details)).not.toContain('961');

    // A form that did not show the name and file controls leaves those settings alone.
    await savePublicVersion(db, { submissionId: id, staffId: staff.id, basis: staffView!.basis, shown: { nameHidden: false, files: false }, version: { ...texts, body: redactedBody, nameHidden: false, withheldAttachmentIds: [] } });
    expect((await row(id)).nameHidden).toBe(true);
    expect((await loadPublicVersion(db, id))!.files[0].withheld).toBe(true);

    // Restoring the original text and file undoes the edit; nothing changed is not audited again.
    const restore = { ...texts, body, nameHidden: false, withheldAttachmentIds: [] };
    await savePublicVersion(db, { submissionId: id, staffId: staff.id, basis: (await loadPublicVersion(db, id))!.basis, shown: all, version: restore });
    expect(await row(id)).toMatchObject({ publicBody: null, nameHidden: false });
    expect((await findPublishedInput(db, reference))?.authorName).toBe('Samir Khoury');
    expect((await listPublicAttachments(db, reference)).map((a) => a.id)).toEqual([file.id]);
    expect(await savePublicVersion(db, { submissionId: id, staffId: staff.id, basis: (await loadPublicVersion(db, id))!.basis, shown: all, version: restore })).toEqual({ ok: true, changed: [] });
    expect((await auditOf(id)).filter((a) => a === 'submission.redacted')).toHaveLength(2);
  });
});

describe('held decision e-mails', () => {
  it('wait while the forum holds them, and leave when an admin releases them', async () => {
    const forum = await createForum(db);
    await db.update(forums).set({ holdDecisionEmails: true }).where(eq(forums.id, forum.id));
    const staff = await moderator();
    const email = address();
    const { id, reference, statusToken } = await createTestSubmission(db, forum, { email });
    await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'rejected', category: 'out_of_scope', reason: 'About tourism.' } });
    // The submitter's status page does not tell the decision before the e-mail does.
    expect((await findByStatusToken(db, statusToken))?.decisionHeld).toBe(true);

    const [job] = await jobsOf(id, 'decision-email');
    expect(job.heldAt).not.toBeNull();
    const held = await listHeldDecisionEmails(db, forum.id);
    expect(held.total).toBe(1);
    expect(held.rows).toMatchObject([{ reference, decision: 'rejected' }]);
    // The relay's query: a held row is not due.
    const due = await db.execute(sql`select id from outbox where id = ${job.id} and done_at is null and failed_at is null and held_at is null`);
    expect(due).toHaveLength(0);

    // An e-mail held after the admin read the list waits for the next release.
    const later = await createTestSubmission(db, forum, { email: address() });
    await decide(db, { submissionId: later.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } });
    expect((await listHeldDecisionEmails(db, forum.id)).total).toBe(2);
    expect(await releaseHeldDecisionEmails(db, { forumId: forum.id, staffId: staff.id, upTo: held.rows[0].id })).toBe(1);
    expect(await releaseHeldDecisionEmails(db, { forumId: forum.id, staffId: staff.id, upTo: held.rows[0].id })).toBe(0);
    expect((await listHeldDecisionEmails(db, forum.id)).rows.map((r) => r.reference)).toEqual([later.reference]);
    expect((await jobsOf(id, 'decision-email'))[0].heldAt).toBeNull();
    const [release] = await db.select().from(auditEvents).where(and(eq(auditEvents.forumId, forum.id), eq(auditEvents.action, 'forum.decision_emails_released')));
    expect(release).toMatchObject({ actorStaffId: staff.id, details: { count: 1 } });
    await processOutboxJob(workerDeps(db), job.id);
    expect((await mailTo(email)).map((m) => m.subject)).toContain(`Not published, no action needed: your input ${reference} to ${forum.name.en}`);
    expect((await findByStatusToken(db, statusToken))?.decisionHeld).toBe(false);
  });
});
