import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createSubmission } from '../../app/modules/submissions/create-submission';
import { hashStatusToken } from '../../app/modules/submissions/status-token';
import { confirmEmail, expireUnconfirmed, UNCONFIRMED_EXPIRY_DAYS } from '../../app/modules/submissions/email-confirmation';
import { decide } from '../../app/modules/moderation/decide';
import { waitingInQueue } from '../helpers/queue';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { auditEvents, drafts, emailDeliveries, outbox, submissions } from '../../db/schema';
import { saveDraft } from '../../app/modules/drafts/drafts';
import { emailText } from '../../templates/email/messages';
import { processOutboxJob } from '../../workers/process-job';
import { OUTBOX_CHANNEL } from '../../app/modules/outbox/add-outbox';
import { createForum } from '../factories/forums';
import { createTestSubmission, submissionInput } from '../factories/submissions';
import { arabicFixture, TRICKY_TEXTS } from '../helpers/fixtures';
import { databaseError, eventually, mailTo, testDb, workerDeps } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

async function outboxFor(submissionId: string) {
  return db.select().from(outbox).where(eq(outbox.submissionId, submissionId));
}

describe('submitting', () => {
  it('stores the submission, its audit event and a confirmation e-mail outbox row together', async () => {
    const forum = await createForum(db);
    const { id, reference } = await createTestSubmission(db, forum, {}, 'en', { confirmed: false });
    expect(reference).toBe(`${forum.referencePrefix}-0001`);
    const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
    expect(row.decision).toBe('pending');
    expect(row.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.submissionId, id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['submission.received']);
    const jobs = await outboxFor(id);
    expect(jobs.map((j) => j.kind)).toEqual(['confirm-email']);
    expect(row.emailConfirmedAt).toBeNull();
    // The status token waits in PostgreSQL for the e-mail; only its hash is on the submission.
    expect(String(jobs[0].payload.statusToken)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row.statusTokenHash).toBe(hashStatusToken(String(jobs[0].payload.statusToken)));
  });

  it('wakes the outbox relay once it is stored, with the new outbox row', async () => {
    const forum = await createForum(db);
    const notices: string[] = [];
    // The relay's own channel, heard on a connection of its own as the worker hears it.
    const listening = await handle.sql.listen(OUTBOX_CHANNEL, (payload) => notices.push(payload));
    try {
      const { id } = await createTestSubmission(db, forum, {}, 'en', { confirmed: false });
      const [job] = await outboxFor(id);
      // Without the notice the relay would find the row only at its next poll, seconds later.
      await eventually(async () => notices.includes(String(job.id)), 5_000, 'the outbox notice');
      expect(notices.filter((n) => n === String(job.id))).toHaveLength(1);
    } finally {
      await listening.unlisten();
    }
  });

  it('numbers references per forum', async () => {
    const forum = await createForum(db);
    const refs = [];
    for (let i = 0; i < 3; i++) refs.push((await createTestSubmission(db, forum)).reference);
    expect(refs).toEqual([1, 2, 3].map((n) => `${forum.referencePrefix}-000${n}`));
  });

  it('numbers one forum\'s inputs while another of its submissions is still being stored', async () => {
    // The first submission stops at its last step (closing its draft, whose row another
    // connection holds locked): its number is taken, its transaction open. A second submission
    // to the same forum must not wait for it, as it did when the number was taken inside it.
    const forum = await createForum(db);
    const saved = await saveDraft(db, forum, { values: { email: 'held@example.org' }, idempotencyKey: crypto.randomUUID(), interfaceLocale: 'en' });
    if (!saved.ok || !('token' in saved)) throw new Error('draft not saved');
    const blocker = testDb();
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked = (_pid: number) => {};
    const draftLocked = new Promise<number>((resolve) => (locked = resolve));
    const holding = blocker.db.transaction(async (tx) => {
      await tx.select().from(drafts).where(eq(drafts.id, saved.draftId)).for('update');
      const [me] = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
      locked(me.pid);
      await released;
    });
    try {
      const blockerPid = await draftLocked;
      const first = createSubmission(db, forum, submissionInput(), { idempotencyKey: crypto.randomUUID(), interfaceLocale: 'en', draftToken: saved.token });
      await eventually(async () => {
        const [row] = await db.execute<{ waiting: number }>(sql`select count(*)::int as waiting from pg_stat_activity where ${blockerPid}::int = any(pg_blocking_pids(pid))`);
        return row.waiting > 0;
      }, 10_000, 'the first submission waiting for the draft row');
      const second = createSubmission(db, forum, submissionInput(), { idempotencyKey: crypto.randomUUID(), interfaceLocale: 'en' });
      const outcome = await Promise.race([second, new Promise<'still waiting'>((resolve) => setTimeout(() => resolve('still waiting'), 10_000))]);
      expect(outcome).toMatchObject({ ok: true, reference: `${forum.referencePrefix}-0002` });
      release();
      expect(await first).toMatchObject({ ok: true, reference: `${forum.referencePrefix}-0001` });
    } finally {
      release();
      await holding;
      await blocker.close();
    }
  });

  it('records one submission for a replayed or concurrently repeated form', async () => {
    const forum = await createForum(db);
    const input = submissionInput();
    const ctx = { idempotencyKey: crypto.randomUUID(), interfaceLocale: 'en' };
    const results = await Promise.all(Array.from({ length: 5 }, () => createSubmission(db, forum, input, ctx)));
    const refs = new Set(results.map((r) => (r.ok ? r.reference : r.reason)));
    expect(refs.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
    const rows = await db.select().from(submissions).where(eq(submissions.forumId, forum.id));
    expect(rows).toHaveLength(1);
  });

  it('refuses a closed or not yet open call, storing nothing', async () => {
    for (const trait of ['closed', 'upcoming'] as const) {
      const forum = await createForum(db, trait);
      const result = await createSubmission(db, forum, submissionInput(), { idempotencyKey: crypto.randomUUID(), interfaceLocale: 'en' });
      expect(result).toEqual({ ok: false, reason: 'call_not_open' });
      expect(await db.select().from(submissions).where(eq(submissions.forumId, forum.id))).toHaveLength(0);
    }
  });

  it('keeps legitimate text in every script exactly as sent', async () => {
    const forum = await createForum(db);
    const body = [arabicFixture('ar-arab-region-imrf-briefing'), ...Object.values(TRICKY_TEXTS)].join('\n\n');
    const { id } = await createTestSubmission(db, forum, { body, title: TRICKY_TEXTS.mixed, language: 'ar' });
    const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
    expect(Buffer.from(row.body, 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
    expect(row.title).toBe(TRICKY_TEXTS.mixed);
  });

  it('keeps the audit log append-only, even for the application', async () => {
    const forum = await createForum(db);
    const { id } = await createTestSubmission(db, forum);
    expect(await databaseError(db.update(auditEvents).set({ action: 'rewritten' }).where(eq(auditEvents.submissionId, id)))).toMatch(/append-only/);
    expect(await databaseError(db.delete(auditEvents).where(eq(auditEvents.submissionId, id)))).toMatch(/append-only/);
  });
});

describe('confirming the e-mail address', () => {
  it('asks first; only a confirmed input gets its receipt, reaches the queue and can be decided', async () => {
    const forum = await createForum(db);
    const staff = await upsertStaffUser(db, { email: `mod-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'M', role: 'moderator', password: 'correct horse battery staple' });
    const email = `confirm-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const { id, reference, statusToken } = await createTestSubmission(db, forum, { email }, 'ar', { confirmed: false });
    const [confirmJob] = await outboxFor(id);
    expect(await processOutboxJob(workerDeps(db), confirmJob.id)).toBe('done');
    const [mail] = await mailTo(email);
    expect(mail.subject).toBe(`أكِّد عنوان بريدك الإلكتروني لإرسال المساهمة ${reference}`);
    expect(mail.text).toContain(`http://localhost:3000/ar/status/${statusToken}`);
    expect(mail.attachments).toHaveLength(0);

    // Not yet in front of moderators, and no decision can be recorded.
    expect(await waitingInQueue(db)).not.toContain(id);
    expect((await decide(db, { submissionId: id, expectedVersion: 1, staffId: staff.id, request: { decision: 'accepted' } })).ok).toBe(false);
    expect(await databaseError(db.update(submissions).set({ decision: 'accepted', decidedAt: new Date() }).where(eq(submissions.id, id)))).toMatch(/submissions_decided_only_if_confirmed/);

    expect(await confirmEmail(db, id, statusToken)).toBe('confirmed');
    expect(await confirmEmail(db, id, statusToken)).toBe('unchanged');
    const jobs = await outboxFor(id);
    expect(jobs.map((j) => j.kind).sort()).toEqual(['acknowledge', 'confirm-email', 'find-similar']);
    expect(jobs.find((j) => j.kind === 'acknowledge')!.payload.statusToken).toBe(statusToken);
    expect(await waitingInQueue(db)).toContain(id);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.submissionId, id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['submission.received', 'email.confirmed']);
  });

  it('erases inputs never confirmed after the expiry window, keeping the row and its audit trail', async () => {
    const forum = await createForum(db);
    const stale = await createTestSubmission(db, forum, { body: 'private words' }, 'en', { confirmed: false });
    const fresh = await createTestSubmission(db, forum, {}, 'en', { confirmed: false });
    const confirmedLongAgo = await createTestSubmission(db, forum);
    const longAgo = new Date(Date.now() - (UNCONFIRMED_EXPIRY_DAYS + 1) * 24 * 3600 * 1000);
    for (const { id } of [stale, confirmedLongAgo]) await db.update(submissions).set({ receivedAt: longAgo }).where(eq(submissions.id, id));

    expect(await expireUnconfirmed(db)).toBe(1);
    const rows = await db.select().from(submissions).where(eq(submissions.forumId, forum.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(stale.id)).toMatchObject({ email: '', contactName: '', body: '', title: '', organisation: null });
    expect(byId.get(stale.id)!.expiredAt).not.toBeNull();
    expect(byId.get(fresh.id)!.expiredAt).toBeNull();
    expect(byId.get(confirmedLongAgo.id)!.expiredAt).toBeNull();
    expect(await confirmEmail(db, stale.id, stale.statusToken)).toBe('unchanged');
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.submissionId, stale.id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['submission.received', 'submission.expired']);
  });
});

describe('acknowledging', () => {
  it('e-mails the submitter in Arabic with a PDF receipt, records the delivery, and never sends twice', async () => {
    const forum = await createForum(db);
    const email = `ack-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const body = arabicFixture('ar-gcm-national-implementation-plans');
    const { id, reference } = await createTestSubmission(db, forum, { email, body, language: 'ar', title: TRICKY_TEXTS.mixed }, 'ar');
    const job = (await outboxFor(id)).find((j) => j.kind === 'acknowledge')!;
    const deps = workerDeps(db);

    expect(await processOutboxJob(deps, job.id)).toBe('done');
    expect(await processOutboxJob(deps, job.id)).toBe('skipped');

    const mails = await mailTo(email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.subject).toBe(`تم الاستلام: مساهمتك ${reference} في منتدى اختبار ${forum.referencePrefix.slice(1)}`);
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.text).toContain(reference);
    expect(mail.headers.get('content-language')).toBe('ar');
    expect(mail.messageId).toBe(`<acknowledge.${job.id}.${id}@localhost>`);
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toBe(`receipt-${reference}.pdf`);

    // The receipt is a real PDF whose text a reader can extract: reference, digest and the Arabic input.
    const file = path.join(inject('dataDir'), `receipt-${reference}.pdf`);
    writeFileSync(file, pdf!.content);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
    // Extraction may put spaces inside cursive Arabic words, so compare without white space.
    const squeezed = text.replace(/[\s\u200E\u200F\u202A-\u202E]+/g, '');
    expect(text).toContain(reference);
    expect(squeezed).toContain(row.contentSha256);
    expect(squeezed).toContain('خططالتنفيذالوطنية');

    const deliveries = await db.select().from(emailDeliveries).where(eq(emailDeliveries.submissionId, id));
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0].smtpResponse).toMatch(/^250/);
    const done = (await outboxFor(id)).find((j) => j.kind === 'acknowledge')!;
    expect(done.doneAt).not.toBeNull();
    // The status link is in the e-mail, and the raw token is gone from the database.
    expect(mail.text).toContain(`http://localhost:3000/ar/status/${job.payload.statusToken}`);
    expect(done.payload).toEqual({});
  });

  it('acknowledges a row from before status links (payload {}) without a link, in English and Arabic', async () => {
    const forum = await createForum(db);
    const deps = workerDeps(db);
    for (const locale of ['en', 'ar']) {
      const email = `legacy-${locale}-${crypto.randomUUID().slice(0, 8)}@example.org`;
      const { id, reference } = await createTestSubmission(db, forum, { email }, locale);
      const job = (await outboxFor(id)).find((j) => j.kind === 'acknowledge')!;
      // What the rows written before migration 0002 look like: no token to link with.
      await db.update(outbox).set({ payload: {} }).where(eq(outbox.id, job.id));

      expect(await processOutboxJob(deps, job.id)).toBe('done');
      const [mail] = await mailTo(email);
      expect(mail.text).toContain(reference);
      expect(mail.attachments.some((a) => a.contentType === 'application/pdf')).toBe(true);
      for (const part of [mail.text!, mail.html as string]) {
        expect(part).not.toContain('/status/');
        expect(part).not.toContain(emailText(locale, 'ack.status'));
        expect(part).not.toContain(emailText(locale, 'ack.statusPrivate'));
        // The rest of the message is intact, signature included.
        expect(part).toContain(emailText(locale, 'signature'));
      }
      const done = (await outboxFor(id)).find((j) => j.kind === 'acknowledge')!;
      expect(done).toMatchObject({ failedAt: null, attempts: 0 });
      expect(done.doneAt).not.toBeNull();
    }
  });
});
