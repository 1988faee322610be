import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { expireDrafts, findOpenDraft, saveDraft } from '../../app/modules/drafts/drafts';
import { createSubmission } from '../../app/modules/submissions/create-submission';
import { forums, drafts, outbox } from '../../db/schema';
import { processOutboxJob } from '../../workers/process-job';
import { createForum } from '../factories/forums';
import { submissionInput } from '../factories/submissions';
import { mailTo, testDb, workerDeps } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

const key = () => crypto.randomUUID();
const address = () => `draft-${crypto.randomUUID().slice(0, 8)}@example.org`;

async function draftMails(draftId: string) {
  return db.select().from(outbox).where(and(eq(outbox.draftId, draftId), eq(outbox.kind, 'draft-link')));
}

describe('drafts', () => {
  it('saves with only an address, mails the link once, and takes updates through the link', async () => {
    const forum = await createForum(db);
    const email = address();
    const idempotencyKey = key();
    const values = { email, title: 'مسودة أولى', body: 'نص لم يكتمل بعد', objectives: ['5'] };
    const saved = await saveDraft(db, forum, { values, idempotencyKey, interfaceLocale: 'ar' });
    if (!saved.ok || !('draftId' in saved)) throw new Error('not saved');
    expect(saved.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // A double click on "save" finds the same draft and mails nothing more.
    const again = await saveDraft(db, forum, { values, idempotencyKey, interfaceLocale: 'ar' });
    expect(again).toMatchObject({ ok: true, draftId: saved.draftId });
    expect(again).not.toHaveProperty('token');
    const [job] = await draftMails(saved.draftId);
    expect(await processOutboxJob(workerDeps(db), job.id)).toBe('done');
    const mails = await mailTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`حُفظت مسودة مساهمتك في منتدى اختبار ${forum.referencePrefix.slice(1)}`);
    expect(mails[0].text).toContain(`http://localhost:3000/ar/forums/${forum.slug}/submit?draft=${saved.token}`);
    expect(mails[0].text!.startsWith('تحية طيبة،')).toBe(true);

    const updated = { ...values, body: 'نص اكتمل', summary: 'ملخص' };
    expect(await saveDraft(db, forum, { values: updated, idempotencyKey: key(), interfaceLocale: 'ar', token: saved.token })).toMatchObject({ ok: true, draftId: saved.draftId });
    expect((await findOpenDraft(db, forum.id, saved.token!))?.values).toEqual(updated);
    expect(await draftMails(saved.draftId)).toHaveLength(1);
  });

  it('refuses a draft without a valid address or with control characters, storing nothing', async () => {
    const forum = await createForum(db);
    expect(await saveDraft(db, forum, { values: { title: 'x' }, idempotencyKey: key(), interfaceLocale: 'en' })).toEqual({ ok: false, errors: { email: 'error.required' } });
    expect(await saveDraft(db, forum, { values: { email: 'nope' }, idempotencyKey: key(), interfaceLocale: 'en' })).toEqual({ ok: false, errors: { email: 'error.email' } });
    expect(await saveDraft(db, forum, { values: { email: address(), body: 'NUL\u0000' }, idempotencyKey: key(), interfaceLocale: 'en' })).toEqual({ ok: false, errors: { body: 'error.invalidCharacters' } });
    expect(await db.select().from(drafts).where(eq(drafts.forumId, forum.id))).toHaveLength(0);
  });

  it('ends when sent: the submission closes the draft and erases its values in the same transaction', async () => {
    const forum = await createForum(db);
    const saved = await saveDraft(db, forum, { values: { email: address() }, idempotencyKey: key(), interfaceLocale: 'en' });
    const token = saved.ok && 'token' in saved ? saved.token! : '';
    const sent = await createSubmission(db, forum, submissionInput(), { idempotencyKey: key(), interfaceLocale: 'en', draftToken: token });
    expect(sent.ok).toBe(true);
    expect(await findOpenDraft(db, forum.id, token)).toBeUndefined();
    const [row] = await db.select().from(drafts).where(eq(drafts.forumId, forum.id));
    expect(row).toMatchObject({ email: '', values: {} });
    expect(row.closedAt).not.toBeNull();
    expect(await saveDraft(db, forum, { values: { email: address() }, idempotencyKey: key(), interfaceLocale: 'en', token })).toEqual({ ok: false, reason: 'draft_closed' });

    // Its link e-mail, if still queued, is dropped rather than sent.
    const [job] = await draftMails(row.id);
    expect(await processOutboxJob(workerDeps(db), job.id)).toBe('done');
    const [after] = await db.select().from(outbox).where(eq(outbox.id, job.id));
    expect(after.lastError).toBe('skipped: draft closed');
  });

  it('expires: erased after its time, and never outlives the call', async () => {
    const forum = await createForum(db);
    const now = new Date();
    const saved = await saveDraft(db, forum, { values: { email: address(), title: 'old' }, idempotencyKey: key(), interfaceLocale: 'en' });
    const token = saved.ok && 'token' in saved ? saved.token! : '';
    expect(saved.ok && 'expiresAt' in saved && saved.expiresAt.getTime()).toBeLessThanOrEqual(forum.closesAt.getTime());
    expect(await expireDrafts(db, new Date(now.getTime() + 31 * 24 * 3600 * 1000))).toBeGreaterThanOrEqual(1);
    expect(await findOpenDraft(db, forum.id, token)).toBeUndefined();
    const [row] = await db.select().from(drafts).where(eq(drafts.forumId, forum.id));
    expect(row).toMatchObject({ email: '', values: {} });
  });

  it('ends when an admin moves the deadline earlier than the draft would have lived', async () => {
    const forum = await createForum(db);
    const saved = await saveDraft(db, forum, { values: { email: address(), title: 'مسودة' }, idempotencyKey: key(), interfaceLocale: 'ar' });
    const token = saved.ok && 'token' in saved ? saved.token! : '';
    const soon = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    await db.update(forums).set({ closesAt: soon }).where(eq(forums.id, forum.id));
    // Still open until the new deadline, and says so.
    expect((await findOpenDraft(db, forum.id, token))?.expiresAt.getTime()).toBe(soon.getTime());
    // Past it: the link opens nothing and an update is refused, though the draft's own expiry is weeks away.
    await db.update(forums).set({ closesAt: new Date(Date.now() - 1000) }).where(eq(forums.id, forum.id));
    expect(await findOpenDraft(db, forum.id, token)).toBeUndefined();
    const closedForum = { ...forum, closesAt: new Date(Date.now() - 1000) };
    expect(await saveDraft(db, closedForum, { values: { email: address(), title: 'x' }, idempotencyKey: key(), interfaceLocale: 'ar', token })).toEqual({ ok: false, reason: 'draft_closed' });
    // And the worker erases it.
    expect(await expireDrafts(db)).toBeGreaterThanOrEqual(1);
    const [row] = await db.select().from(drafts).where(eq(drafts.forumId, forum.id));
    expect(row).toMatchObject({ email: '', values: {} });
    expect(row.closedAt).not.toBeNull();
  });
});
