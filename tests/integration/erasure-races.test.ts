/**
 * Erasure against everything that may run beside it: a job that loaded the contact data just
 * before, drafts the same person keeps, the digest left on the row, and inputs that expire while
 * their confirmation e-mail is still retrying. Real PostgreSQL and the real SMTP capture server.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { holdForDraft, holdUploadedFiles } from '../../app/modules/attachments/held-attachments';
import { localFileStore } from '../../app/modules/attachments/file-store';
import { saveDraft } from '../../app/modules/drafts/drafts';
import { storedReceiptFor } from '../../app/modules/notifications/receipt';
import { loadSubmissionForMail } from '../../app/modules/notifications/submission-facts';
import { contentDigest } from '../../app/modules/submissions/content-digest';
import { expireUnconfirmed } from '../../app/modules/submissions/email-confirmation';
import { erasePersonalData } from '../../app/modules/submissions/personal-data';
import { findByIdempotencyKey, isSameRequest } from '../../app/modules/submissions/idempotency';
import { decide } from '../../app/modules/moderation/decide';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { resubmitSubmission } from '../../app/modules/submissions/resubmit';
import { processOutboxJob } from '../../workers/process-job';
import { attachments, auditEvents, drafts, emailDeliveries, outbox, receipts, submissionVersions, submissions } from '../../db/schema';
import { buildAcknowledgementMail } from '../../app/modules/notifications/acknowledgement-mail';
import { deliverEmail } from '../../workers/deliver-email';
import { runAcknowledge } from '../../workers/jobs/acknowledge.job';
import { runConfirmEmail } from '../../workers/jobs/confirm-email.job';
import { loader as receiptLoader } from '../../app/routes/$lang.status.$token.receipt';
import { createForum } from '../factories/forums';
import { createTestSubmission, submissionInput } from '../factories/submissions';
import { mailTo, testDb, workerDeps } from '../helpers/services';
import { inject } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());
const address = () => `race-${crypto.randomUUID().slice(0, 8)}@example.org`;

describe('erasure and what runs beside it', () => {
  it('salts the content digest per input and deletes the salt with the personal data', async () => {
    const forum = await createForum(db);
    const input = submissionInput({ email: address() });
    const { id } = await createTestSubmission(db, forum, input);
    const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
    expect(row.contentSalt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(row.contentSha256).toBe(contentDigest(forum.slug, input, row.contentSalt));
    // Without the salt, knowing (or guessing) everything sent does not give the digest.
    expect(row.contentSha256).not.toBe(contentDigest(forum.slug, input));
    const keyed = await findByIdempotencyKey(db, row.idempotencyKey);
    expect(isSameRequest(keyed!, forum, input)).toBe(true);
    await erasePersonalData(db, id);
    // Without the salt even the sender's own retry no longer matches: nothing can be tested.
    expect(isSameRequest((await findByIdempotencyKey(db, row.idempotencyKey))!, forum, input)).toBe(false);
    const [erased] = await db.select().from(submissions).where(eq(submissions.id, id));
    // Deleted, not absent: the digest stays (it still matches the receipt the submitter holds).
    expect(erased.contentSalt).toBe('');
    expect(erased.contentSha256).toBe(row.contentSha256);
  });

  it('an input stored before digests were salted loses its digest, and its versions’ digests, with the personal data', async () => {
    const forum = await createForum(db);
    const input = submissionInput({ email: address(), contactName: 'ليلى منصور' });
    const { id } = await createTestSubmission(db, forum, input);
    // As such inputs are: no salt, and a digest anyone can recompute from a guess of the sender.
    const unsalted = contentDigest(forum.slug, input);
    await db.update(submissions).set({ contentSalt: null, contentSha256: unsalted }).where(eq(submissions.id, id));
    await db.insert(submissionVersions).values({ submissionId: id, number: 1, content: { ...input }, contentSha256: unsalted, receivedAt: new Date() });
    const other = await createTestSubmission(db, forum, { email: address() });
    await db.update(submissions).set({ contentSalt: null }).where(eq(submissions.id, other.id));
    const [otherBefore] = await db.select().from(submissions).where(eq(submissions.id, other.id));

    await erasePersonalData(db, id);
    const [erased] = await db.select().from(submissions).where(eq(submissions.id, id));
    expect(erased).toMatchObject({ contentSalt: null, contentSha256: '' });
    const versions = await db.select().from(submissionVersions).where(eq(submissionVersions.submissionId, id));
    expect(versions.map((v) => v.contentSha256)).toEqual(['']);
    // Nobody else's digest is touched.
    const [otherAfter] = await db.select().from(submissions).where(eq(submissions.id, other.id));
    expect(otherAfter.contentSha256).toBe(otherBefore.contentSha256);
  });

  it('expiry cuts the digest from the person too: the salt is deleted, or an unsalted digest itself', async () => {
    const forum = await createForum(db);
    const salted = await createTestSubmission(db, forum, { email: address() }, 'en', { confirmed: false });
    const legacy = await createTestSubmission(db, forum, { email: address() }, 'en', { confirmed: false });
    await db.update(submissions).set({ contentSalt: null }).where(eq(submissions.id, legacy.id));
    const [saltedBefore] = await db.select().from(submissions).where(eq(submissions.id, salted.id));
    await db.update(submissions).set({ receivedAt: new Date(Date.now() - 8 * 86_400_000) }).where(inArray(submissions.id, [salted.id, legacy.id]));
    await expireUnconfirmed(db);
    const [s] = await db.select().from(submissions).where(eq(submissions.id, salted.id));
    const [l] = await db.select().from(submissions).where(eq(submissions.id, legacy.id));
    expect(s).toMatchObject({ contentSalt: '', contentSha256: saltedBefore.contentSha256 });
    expect(l).toMatchObject({ contentSalt: null, contentSha256: '' });
  });

  it('stores no receipt and sends nothing when the data is erased after the job loaded it', async () => {
    const forum = await createForum(db);
    const email = address();
    const { id } = await createTestSubmission(db, forum, { email });
    const facts = await loadSubmissionForMail(db, id);
    const [ack] = await db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, 'acknowledge')));
    await erasePersonalData(db, id);
    // The job's view from before the erasure: its receipt may not be stored.
    expect(await storedReceiptFor(db, facts!)).toBeUndefined();
    expect(await db.select().from(receipts).where(eq(receipts.submissionId, id))).toEqual([]);
    // The job itself, holding the row as it was before the erasure cancelled it.
    await runAcknowledge(workerDeps(db), ack);
    const [after] = await db.select().from(outbox).where(eq(outbox.id, ack.id));
    expect(after.payload).toEqual({});
    expect(after.lastError).toMatch(/cancelled/);
    expect((await mailTo(email)).filter((m) => m.attachments.length > 0)).toEqual([]);
    expect(await db.select().from(receipts).where(eq(receipts.submissionId, id))).toEqual([]);
  });

  it('ends the open drafts the same address keeps for the same call, and lets their files go', async () => {
    const forum = await createForum(db, 'open', { attachmentRules: { allowedTypes: ['txt'], maxSizeMb: 1, maxCount: 2 } });
    const other = await createForum(db);
    const email = address();
    const draft = await saveDraft(db, forum, { values: { email: email.toUpperCase(), title: 'مسودة' }, idempotencyKey: crypto.randomUUID(), interfaceLocale: 'ar' });
    const elsewhere = await saveDraft(db, other, { values: { email, title: 'Other call' }, idempotencyKey: crypto.randomUUID(), interfaceLocale: 'en' });
    if (!draft.ok || !elsewhere.ok) throw new Error('drafts not saved');
    const dir = mkdtempSync(path.join(inject('dataDir'), 'erasure-'));
    const file = path.join(dir, 'notes');
    writeFileSync(file, 'ملاحظات');
    const { held } = await holdUploadedFiles(db, localFileStore(path.join(dir, 'files')), forum, [{ field: 'attachments', path: file, originalName: 'notes.txt', sizeBytes: 14, truncated: false }], 0);
    await holdForDraft(db, forum.id, draft.draftId, held.map((h) => h.token), draft.expiresAt);

    const { id } = await createTestSubmission(db, forum, { email });
    const before = Date.now();
    await erasePersonalData(db, id);
    const [ended] = await db.select().from(drafts).where(eq(drafts.id, draft.draftId));
    expect(ended).toMatchObject({ email: '', values: {} });
    expect(ended.closedAt).not.toBeNull();
    const [kept] = await db.select().from(drafts).where(eq(drafts.id, elsewhere.draftId));
    expect(kept).toMatchObject({ email, closedAt: null });
    // The mail with the draft's link, if still waiting, goes nowhere and keeps no token.
    const [link] = await db.select().from(outbox).where(eq(outbox.draftId, draft.draftId));
    expect(link).toMatchObject({ payload: {}, lastError: 'cancelled: personal data erased' });
    expect(link.doneAt).not.toBeNull();
    const [otherLink] = await db.select().from(outbox).where(eq(outbox.draftId, elsewhere.draftId));
    expect(otherLink.payload).toHaveProperty('token');
    const [heldFile] = await db.select().from(attachments).where(eq(attachments.draftId, draft.draftId));
    expect(heldFile.heldUntil!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(heldFile.heldUntil!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('expires unconfirmed inputs in bounded rounds and cancels their pending e-mails', async () => {
    const forum = await createForum(db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createTestSubmission(db, forum, { email: address() }, 'en', { confirmed: false })).id);
    await db.update(submissions).set({ receivedAt: new Date(Date.now() - 8 * 86_400_000) }).where(inArray(submissions.id, ids));
    expect(await expireUnconfirmed(db, new Date(), 2)).toBeGreaterThanOrEqual(3);
    const rows = await db.select().from(submissions).where(inArray(submissions.id, ids));
    for (const r of rows) expect(r).toMatchObject({ email: '', contactName: '', body: '', contentSalt: '' });
    const mails = await db.select().from(outbox).where(inArray(outbox.submissionId, ids));
    expect(mails.length).toBe(3);
    for (const m of mails) {
      expect(m.doneAt).not.toBeNull();
      expect(m.payload).toEqual({});
      expect(m.lastError).toMatch(/cancelled/);
    }
  });

  it('sends nothing when the data is erased after a job built its e-mail, and records no failure', async () => {
    const forum = await createForum(db);
    const email = address();
    const { id } = await createTestSubmission(db, forum, { email });
    const [ack] = await db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, 'acknowledge')));
    // The job's work up to the send: facts loaded, receipt stored, e-mail built…
    const facts = await loadSubmissionForMail(db, id);
    const pdf = await storedReceiptFor(db, facts!);
    const mail = buildAcknowledgementMail(facts!, undefined, pdf!);
    // …then the submitter erases, and only then does the job send.
    await erasePersonalData(db, id);
    await deliverEmail(workerDeps(db), ack, mail);
    expect(await mailTo(email)).toEqual([]);
    expect(await db.select().from(emailDeliveries).where(eq(emailDeliveries.outboxId, ack.id))).toEqual([]);
    const [after] = await db.select().from(outbox).where(eq(outbox.id, ack.id));
    expect(after).toMatchObject({ payload: {}, lastError: 'cancelled: personal data erased', failedAt: null });
  });

  it('a confirmation job holding its row from before the erasure ends it as cancelled, not as a failed e-mail', async () => {
    const forum = await createForum(db);
    const email = address();
    const { id } = await createTestSubmission(db, forum, { email }, 'ar', { confirmed: false });
    const [confirm] = await db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, 'confirm-email')));
    await erasePersonalData(db, id);
    await runConfirmEmail(workerDeps(db), confirm);
    expect(await mailTo(email)).toEqual([]);
    const [after] = await db.select().from(outbox).where(eq(outbox.id, confirm.id));
    expect(after).toMatchObject({ payload: {}, lastError: 'cancelled: personal data erased', failedAt: null });
    const failures = await db.select().from(auditEvents).where(and(eq(auditEvents.submissionId, id), eq(auditEvents.action, 'email.failed'))).orderBy(auditEvents.id);
    expect(failures).toEqual([]);
  });

  it('an erasure that commits while the message is on its way keeps its cancellation on the row; the sending is recorded', async () => {
    const forum = await createForum(db);
    const email = address();
    const { id } = await createTestSubmission(db, forum, { email });
    const [ack] = await db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, 'acknowledge')));
    const deps = workerDeps(db);
    const real = deps.mailer;
    const mailer = {
      ...real,
      // The erasure commits during the SMTP exchange, after the last check before sending.
      send: async (...args: Parameters<typeof real.send>) => {
        await erasePersonalData(db, id);
        return real.send(...args);
      },
    };
    await runAcknowledge({ ...deps, mailer }, ack);
    expect(await mailTo(email)).toHaveLength(1);
    expect(await db.select({ kind: emailDeliveries.kind }).from(emailDeliveries).where(eq(emailDeliveries.outboxId, ack.id))).toEqual([{ kind: 'acknowledge' }]);
    const [after] = await db.select().from(outbox).where(eq(outbox.id, ack.id));
    expect(after).toMatchObject({ payload: {}, lastError: 'cancelled: personal data erased' });
    expect(await db.select().from(receipts).where(eq(receipts.submissionId, id))).toEqual([]);
  });

  it('the receipt link answers a page in the submitter’s language once the data is erased: 410, saying why', async () => {
    const forum = await createForum(db);
    const { id, statusToken } = await createTestSubmission(db, forum, { email: address() }, 'ar');
    const receipt = (lang: string, token = statusToken) =>
      receiptLoader({ request: new Request(`http://localhost/${lang}/status/${token}/receipt`), params: { lang, token }, context: { db } as never });
    const before = await receipt('ar');
    expect(before.headers.get('Content-Type')).toBe('application/pdf');
    await erasePersonalData(db, id);

    const gone = await receipt('ar');
    expect(gone.status).toBe(410);
    expect(gone.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(gone.headers.get('Cache-Control')).toBe('no-store');
    const html = await gone.text();
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('حُذف الإيصال');
    expect(html).toContain(`href="/ar/status/${statusToken}"`);
    expect(html).toContain('noindex');
    expect(await (await receipt('en')).text()).toContain('The receipt was deleted');

    // A link that leads nowhere is still a plain not-found, also in the visitor's language.
    const unknown = await receipt('ar', 'B'.repeat(43));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('الصفحة غير موجودة');
  });

  it('a decision e-mail left with nothing to announce ends without sending and keeps no token', async () => {
    const forum = await createForum(db);
    const email = address();
    const { id, statusToken } = await createTestSubmission(db, forum, { email }, 'ar');
    const staff = await upsertStaffUser(db, { email: `mod-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'M', role: 'moderator', password: 'correct horse battery staple' });
    await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'changes_requested', reason: 'يرجى الاختصار.' } });
    const [job] = await db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, 'decision-email')));
    expect(job.payload).toHaveProperty('statusToken');
    // The submitter edits (through the link of the first e-mail) before this one goes out.
    const { email: _unchanged, ...edit } = submissionInput({ title: 'عنوان جديد' });
    expect(await resubmitSubmission(db, id, edit, statusToken)).toMatchObject({ ok: true });
    expect(await processOutboxJob(workerDeps(db), job.id)).toBe('done');
    const [after] = await db.select().from(outbox).where(eq(outbox.id, job.id));
    expect(after).toMatchObject({ payload: {}, lastError: 'no decision to announce', failedAt: null });
    expect((await mailTo(email)).filter((m) => m.subject?.includes('تعديل'))).toEqual([]);
  });
});
