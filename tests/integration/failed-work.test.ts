/**
 * Retrying work that failed for good (app/modules/operations/failed-work.ts), kind by kind,
 * against the real database and real SMTP servers: rows are dead-lettered by the worker's own code
 * (a 550 from the mail server), which keeps what the work was and erases its one-time links; a
 * retry issues new links that work, is audited per row in the admin's name, and the e-mail is then
 * delivered by the job. Work that cannot be retried is listed with the reason and left alone.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { listFailedWork, retryFailedWork } from '../../app/modules/operations/failed-work';
import { unpublishSubmission } from '../../app/modules/publication/publish';
import { findInvite, inviteStaff } from '../../app/modules/staff/staff-invites';
import { erasePersonalData } from '../../app/modules/submissions/personal-data';
import { findByStatusToken } from '../../app/modules/submissions/submission-status';
import { auditEvents, outbox, staffInvites, type Forum } from '../../db/schema';
import { createMailer } from '../../workers/mailer';
import { processOutboxJob } from '../../workers/process-job';
import type { WorkerDeps } from '../../workers/worker-deps';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { faultySmtp } from '../helpers/faulty-smtp';
import { mailTo, testDb, workerDeps } from '../helpers/services';
import { createStaff, type TestStaff } from '../helpers/staff';

const { db, close } = testDb();
let smtp: Awaited<ReturnType<typeof faultySmtp>>;
let refusing: WorkerDeps;
let delivering: WorkerDeps;
let forum: Forum;
let admin: TestStaff;
const address = () => `retry-${crypto.randomUUID().slice(0, 8)}@example.org`;

beforeAll(async () => {
  smtp = await faultySmtp({ failAt: 'rcpt', code: 550 });
  await smtp.listen();
  refusing = { ...workerDeps(db), mailer: createMailer(smtp.url, 'Portal <no-reply@localhost>') };
  delivering = workerDeps(db);
  forum = await createForum(db);
  admin = await createStaff(db, { email: `retry-admin-${crypto.randomUUID().slice(0, 8)}@un.example`, role: 'admin' });
});
afterAll(async () => {
  refusing.mailer.close();
  delivering.mailer.close();
  await smtp.stop();
  await close();
});

const row = async (id: number) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0];
const rowsOf = (submissionId: string, kind: string) =>
  db.select().from(outbox).where(and(eq(outbox.submissionId, submissionId), eq(outbox.kind, kind))).orderBy(outbox.id);

/** Runs the job against the refusing mail server: the worker dead-letters the row at once. */
async function failForGood(id: number) {
  await expect(processOutboxJob(refusing, id)).rejects.toThrow(/550/);
  const failed = await row(id);
  expect(failed.failedAt).not.toBeNull();
  return failed;
}

const listed = async (id: number) => (await listFailedWork(db, 10_000)).find((f) => f.id === id);

describe('retrying failed e-mails', () => {
  it('a request for changes: the decision is kept, a new edit link is issued, and the e-mail is delivered with it', async () => {
    const email = address();
    const input = await createTestSubmission(db, forum, { email });
    expect(await decide(db, { submissionId: input.id, expectedVersion: 1, staffId: admin.id, request: { decision: 'changes_requested', reason: 'Shorten the summary.' } })).toEqual({ ok: true });
    const [job] = await rowsOf(input.id, 'decision-email');
    const oldToken = String(job.payload.statusToken);
    const failed = await failForGood(job.id);
    // What to announce stays; the one-time link does not.
    expect(failed.payload).toEqual({ decision: 'changes_requested' });
    expect(await listed(job.id)).toMatchObject({ kind: 'decision-email', reference: input.reference, attempts: 1, notRetriable: undefined });
    expect(JSON.stringify(await listed(job.id))).not.toContain(email);

    expect(await retryFailedWork(db, { outboxIds: [job.id], staffId: admin.id })).toEqual({ retried: 1, skipped: 0 });
    const retried = await row(job.id);
    expect(retried).toMatchObject({ failedAt: null, enqueuedAt: null, attempts: 0, lastError: null, payload: { decision: 'changes_requested' } });
    const newToken = String(retried.payload.statusToken);
    expect(newToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken).not.toBe(oldToken);
    expect((await findByStatusToken(db, newToken))?.submission.id).toBe(input.id);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.submissionId, input.id), eq(auditEvents.action, 'email.retried')));
    expect(audit).toMatchObject({ actorKind: 'staff', actorStaffId: admin.id, details: { kind: 'decision-email', outboxId: job.id, attempts: 1 } });
    expect(JSON.stringify(audit.details)).not.toContain(newToken);

    // Asked again (a second admin, a double click): nothing is failed any more, nothing happens.
    expect(await retryFailedWork(db, { outboxIds: [job.id], staffId: admin.id })).toEqual({ retried: 0, skipped: 1 });

    expect(await processOutboxJob(delivering, job.id)).toBe('done');
    const [mail] = (await mailTo(email)).filter((m) => m.text?.includes('/edit'));
    expect(mail.text).toContain(`/en/status/${newToken}/edit`);
    expect((await row(job.id)).payload).toEqual({});
  });

  it('a staff invitation: a new link in the same language, earlier links expired', async () => {
    const invited = await inviteStaff(db, { email: address(), displayName: 'Nadia', role: 'moderator', allForums: true, forumIds: [], locale: 'fr' }, admin.id);
    const staffId = invited.ok ? invited.staffId : '';
    const [job] = await db.select().from(outbox).where(and(eq(outbox.staffId, staffId), eq(outbox.kind, 'staff-invite')));
    const oldToken = String(job.payload.token);
    expect((await failForGood(job.id)).payload).toEqual({});
    expect(await listed(job.id)).toMatchObject({ staffId, staffName: 'Nadia', notRetriable: undefined });

    expect(await retryFailedWork(db, { outboxIds: [job.id], staffId: admin.id })).toEqual({ retried: 1, skipped: 0 });
    const token = String((await row(job.id)).payload.token);
    expect(await findInvite(db, oldToken)).toBeUndefined();
    expect(await findInvite(db, token)).toMatchObject({ staffId, locale: 'fr' });
    const [latest] = await db.select().from(staffInvites).where(eq(staffInvites.staffId, staffId)).orderBy(desc(staffInvites.createdAt)).limit(1);
    expect(latest.createdBy).toBe(admin.id);
    expect(await processOutboxJob(delivering, job.id)).toBe('done');
  });

  it('offers no retry, and retries nothing, where it would not be truthful or would not be delivered', async () => {
    // Already confirmed: the request to confirm is not needed any more.
    const confirmed = await createTestSubmission(db, forum, { email: address() });
    const [confirmRequest] = await rowsOf(confirmed.id, 'confirm-email');
    await failForGood(confirmRequest.id);
    expect((await listed(confirmRequest.id))?.notRetriable).toBe('confirmed');

    // Two decision e-mails failed for one input: only the newer may go (it tells the current decision).
    const decided = await createTestSubmission(db, forum, { email: address() });
    await decide(db, { submissionId: decided.id, expectedVersion: 1, staffId: admin.id, request: { decision: 'accepted' } });
    const [accepted] = await rowsOf(decided.id, 'decision-email');
    await failForGood(accepted.id);
    expect(await unpublishSubmission(db, { submissionId: decided.id, staffId: admin.id, reason: 'It names a child.' })).toBe('unpublished');
    const [, unpublished] = await rowsOf(decided.id, 'decision-email');
    await failForGood(unpublished.id);
    expect(unpublished.payload).toEqual({ decision: 'unpublished' });
    expect((await listed(accepted.id))?.notRetriable).toBe('superseded');
    expect((await listed(unpublished.id))?.notRetriable).toBeUndefined();

    // Failed before the portal kept what a row was for (its whole payload erased).
    const legacy = (await db.insert(outbox).values({ kind: 'decision-email', submissionId: confirmed.id, payload: {}, failedAt: new Date(), attempts: 1 }).returning())[0];
    expect((await listed(legacy.id))?.notRetriable).toBe('details-erased');

    // The submitter had their data erased: nothing may be sent to them.
    const erased = await createTestSubmission(db, forum, { email: address() });
    const [ack] = await rowsOf(erased.id, 'acknowledge');
    await failForGood(ack.id);
    await erasePersonalData(db, erased.id);
    expect((await listed(ack.id))?.notRetriable).toBe('erased');

    // A draft's link: only the submitter's browser holds it.
    const draftLink = (await db.insert(outbox).values({ kind: 'draft-link', payload: {}, failedAt: new Date(), attempts: 1 }).returning())[0];
    expect((await listed(draftLink.id))?.notRetriable).toBe('draft-link');

    const refused = [confirmRequest.id, accepted.id, legacy.id, ack.id, draftLink.id];
    expect(await retryFailedWork(db, { outboxIds: refused, staffId: admin.id })).toEqual({ retried: 0, skipped: refused.length });
    for (const id of refused) expect((await row(id)).failedAt).not.toBeNull();
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.actorStaffId, admin.id), eq(auditEvents.action, 'email.retried')));
    expect(audits.map((a) => (a.details as { outboxId: number }).outboxId).filter((id) => refused.includes(id))).toEqual([]);
  });

  it('keeps what a failed book was, and retries it only when its job would accept it', async () => {
    // A failure of our own, the eighth (here: a book id the job refuses), is final; the id stays.
    const [broken] = await db.insert(outbox).values({ kind: 'render-book', payload: { bookId: 'not-a-uuid' }, attempts: 7 }).returning();
    await expect(processOutboxJob(refusing, broken.id)).rejects.toThrow();
    expect(await row(broken.id)).toMatchObject({ attempts: 8, payload: { bookId: 'not-a-uuid' } });
    expect((await listed(broken.id))?.notRetriable).toBe('details-erased');
    const [book] = await db.insert(outbox).values({ kind: 'render-book', payload: { bookId: crypto.randomUUID() }, failedAt: new Date(), attempts: 8 }).returning();
    expect((await listed(book.id))?.notRetriable).toBeUndefined();

    expect(await retryFailedWork(db, { outboxIds: [broken.id, book.id], staffId: admin.id })).toEqual({ retried: 1, skipped: 1 });
    expect((await row(broken.id)).failedAt).not.toBeNull();
    expect(await row(book.id)).toMatchObject({ failedAt: null, attempts: 0, payload: book.payload });
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.actorStaffId, admin.id), eq(auditEvents.action, 'work.retried')));
    expect(audit.details).toMatchObject({ kind: 'render-book', outboxId: book.id, attempts: 8 });
  });
});
