/**
 * Care for people around publication, against the real database and the real worker code:
 * scheduled publication, withdrawal from publication, the public version (redaction), held
 * decision e-mails and near-identical inputs.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { groupSimilarInput, markGroupDuplicates, SIMILAR_SHOWN, similarCandidateQuery, similarInputsOf } from '../../app/modules/moderation/similar-inputs';
import { listHeldDecisionEmails, releaseHeldDecisionEmails } from '../../app/modules/notifications/held-decision-emails';
import { findPublicAttachment, listPublicAttachments } from '../../app/modules/publication/public-attachments';
import { findPublishedInput, findWithdrawnFromPublication } from '../../app/modules/publication/public-inputs';
import { loadPublicVersion, savePublicVersion } from '../../app/modules/publication/public-version';
import { publishDue, publishSubmission, schedulePublication, unpublishSubmission } from '../../app/modules/publication/publish';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { SIMILARITY_TEXT, attachments, auditEvents, forums, outbox, similarityText, submissions } from '../../db/schema';
import { exportSubmitterData } from '../../app/modules/submissions/personal-data';
import { findByStatusToken } from '../../app/modules/submissions/submission-status';
import { processOutboxJob } from '../../workers/process-job';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { arabicFixture } from '../helpers/fixtures';
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

describe('near-identical inputs', () => {
  const campaign = arabicFixture('ar-gcm-national-implementation-plans').slice(0, 1500);

  it('groups copies of one text sent from different addresses, leaves different texts alone, and marks a group at once', async () => {
    const forum = await createForum(db);
    const staff = await moderator();
    const first = await createTestSubmission(db, forum, { title: 'خطط التنفيذ الوطنية', body: campaign, language: 'ar' });
    // Alone in its forum so far: nothing to group with.
    expect(await groupSimilarInput(db, first.id)).toBeUndefined();
    const copy = await createTestSubmission(db, forum, { title: 'خطط التنفيذ الوطنية', body: `${campaign}\nمع التحية، جمعية الأمل.`, language: 'ar' });
    const edited = await createTestSubmission(db, forum, { title: 'خطط التنفيذ الوطنية للميثاق', body: campaign.replace('الهجرة', 'التنقل'), language: 'ar' });
    const other = await createTestSubmission(db, forum, { title: 'Seasonal workers in agriculture', body: 'Seasonal agricultural workers need portable social protection and fair recruitment across borders.' });
    // The same text in another forum is not grouped with this forum's inputs.
    const elsewhere = await createTestSubmission(db, await createForum(db), { title: 'خطط التنفيذ الوطنية', body: campaign, language: 'ar' });

    const group = await groupSimilarInput(db, copy.id);
    expect(group).toBe(first.id);
    expect(await groupSimilarInput(db, edited.id)).toBe(first.id);
    expect(await groupSimilarInput(db, other.id)).toBeUndefined();
    expect(await groupSimilarInput(db, elsewhere.id)).toBeUndefined();
    expect((await row(first.id)).similarGroup).toBe(first.id);
    expect((await row(other.id)).similarGroup).toBeNull();

    const similar = await similarInputsOf(db, first.id);
    expect(similar.total).toBe(2);
    expect(similar.shown.map((s) => s.reference).sort()).toEqual([copy.reference, edited.reference].sort());
    for (const s of similar.shown) expect(s.similarity).toBeGreaterThan(0.7);

    // One of them is decided meanwhile: the others are marked, that one is named as left alone.
    await decide(db, { submissionId: edited.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'spam' } });
    const result = await markGroupDuplicates(db, {
      originalId: first.id,
      staffId: staff.id,
      items: [{ id: copy.id, version: 1 }, { id: edited.id, version: 1 }, { id: other.id, version: 1 }],
    });
    expect(result).toEqual({ marked: 1, skipped: [edited.reference] });
    expect(await row(copy.id)).toMatchObject({ decision: 'duplicate', duplicateOf: first.id });
    // Not in the group: a tampered form cannot reach it.
    expect((await row(other.id)).decision).toBe('pending');
  });

  it('compares a new input with the first input of each group, not with every member: no chains, and a copy is one comparison', async () => {
    const forum = await createForum(db);
    const source = arabicFixture('ar-gcm-national-implementation-plans');
    const title = 'خطط التنفيذ الوطنية';
    // Windows sliding along one text: each like its neighbour, the last two steps apart.
    const windows = [source.slice(0, 1000), source.slice(150, 1150), source.slice(300, 1300)].map((body) => `${title} ${body}`);
    const similarity = async (a: string, b: string) => (await db.execute<{ s: number }>(sql`select similarity(${a}, ${b})::float8 as s`))[0].s;
    // What the case needs: the last window is like the middle one and unlike the first.
    expect(await similarity(windows[2], windows[1])).toBeGreaterThan(0.7);
    expect(await similarity(windows[2], windows[0])).toBeLessThan(0.7);
    expect(await similarity(windows[1], windows[0])).toBeGreaterThan(0.7);

    // They arrive one after another, each grouped as it comes.
    const first = await createTestSubmission(db, forum, { title, body: source.slice(0, 1000), language: 'ar' });
    expect(await groupSimilarInput(db, first.id)).toBeUndefined();
    const middle = await createTestSubmission(db, forum, { title, body: source.slice(150, 1150), language: 'ar' });
    expect(await groupSimilarInput(db, middle.id)).toBe(first.id);
    // The middle input is a member, not the group's first: the last one is not chained on to it.
    const last = await createTestSubmission(db, forum, { title, body: source.slice(300, 1300), language: 'ar' });
    expect(await groupSimilarInput(db, last.id)).toBeUndefined();
    expect((await row(last.id)).similarGroup).toBeNull();
    // A copy of the first input joins its group.
    const copy = await createTestSubmission(db, forum, { title, body: source.slice(0, 1000), language: 'ar' });
    expect(await groupSimilarInput(db, copy.id)).toBe(first.id);

  });

  it('reads the trigram index, not every input, once a forum has many inputs to compare with', async () => {
    const forum = await createForum(db);
    const source = arabicFixture('ar-gcm-national-implementation-plans').split(/\s+/);
    // 300 different inputs, none like another: each a different run of words from the fixture.
    for (let i = 0; i < 300; i++) {
      const words = Array.from({ length: 60 }, (_, k) => source[(i * 7919 + k * 104729) % source.length]);
      await createTestSubmission(db, forum, { title: `مساهمة ${i}`, body: words.join(' '), language: 'ar' });
    }
    const last = await createTestSubmission(db, forum, { title: 'خطط التنفيذ الوطنية', body: campaign, language: 'ar' });
    // Statistics as autovacuum keeps them. The planner then knows what a trigram comparison costs
    // (db/migrate.ts) and that 300 inputs are ungrouped, and reads their index; it used to
    // compare the text with each of them, 0.1 to 1 ms apiece, in every check.
    await db.execute(sql`analyze submissions`);
    const [me] = await db.execute<{ text: string; receivedAt: string }>(sql`select ${sql.raw(SIMILARITY_TEXT)} as text, received_at::text as "receivedAt" from submissions where id = ${last.id}`);
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', '0.7', true)`);
      const rows = await tx.execute<{ 'QUERY PLAN': string }>(sql`explain ${similarCandidateQuery({ forumId: forum.id, submissionId: last.id, ...me })}`);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Bitmap Index Scan on submissions_similarity_ungrouped/);
    expect(await groupSimilarInput(db, last.id)).toBeUndefined();
  });

  it('puts a backlog of copies into the group that exists, even when the copies are more like each other', async () => {
    const forum = await createForum(db);
    const title = 'خطط التنفيذ الوطنية';
    // A copy never confirmed is not compared with, nor grouped.
    const unconfirmed = await createTestSubmission(db, forum, { title, body: campaign, language: 'ar' }, 'ar', { confirmed: false });
    const first = await createTestSubmission(db, forum, { title, body: campaign, language: 'ar' });
    const early = await createTestSubmission(db, forum, { title, body: campaign, language: 'ar' });
    expect(await groupSimilarInput(db, first.id)).toBe(first.id);
    expect(await groupSimilarInput(db, early.id)).toBe(first.id);

    // Five copies with the same added line, all checked only after they all arrived (the worker
    // was down). Each is more like the other copies than like the group's first input, yet each
    // joins that group rather than founding a new one with another copy.
    const copies = [];
    for (let i = 0; i < 5; i++) copies.push(await createTestSubmission(db, forum, { title, body: `${campaign}\nمع التحية والتقدير، جمعية الأمل للتنمية، فرع رقم ${i + 1}.`, language: 'ar' }));
    const similarity = async (a: string, b: string) => (await db.execute<{ s: number }>(sql`select similarity(${sql.raw(similarityText('x'))}, ${sql.raw(similarityText('y'))})::float8 as s from submissions x, submissions y where x.id = ${a} and y.id = ${b}`))[0].s;
    expect(await similarity(copies[0].id, copies[1].id)).toBeGreaterThan(await similarity(copies[0].id, first.id));
    for (const copy of copies) expect(await groupSimilarInput(db, copy.id)).toBe(first.id);
    const firsts = await db.select({ id: submissions.id }).from(submissions).where(and(eq(submissions.forumId, forum.id), eq(submissions.firstOfGroup, true)));
    expect(firsts.map((h) => h.id)).toEqual([first.id]);
    expect((await row(unconfirmed.id)).similarGroup).toBeNull();
  });

  it('lists a campaign\'s first copies on an input\'s page, those still to decide first, and counts the rest', async () => {
    // A campaign of thousands of copies made each view of an input's page compare it with every
    // copy (seconds per page). The page lists SIMILAR_SHOWN of them and counts the others.
    const forum = await createForum(db);
    const staff = await moderator();
    const copies = [];
    for (let i = 0; i < SIMILAR_SHOWN + 5; i++) copies.push(await createTestSubmission(db, forum, { title: 'خطط التنفيذ الوطنية', body: campaign, language: 'ar' }));
    for (const copy of copies) expect(await groupSimilarInput(db, copy.id)).toBe(copies[0].id);
    // The three oldest copies after the first are decided: they go to the end of the list.
    for (const decided of copies.slice(1, 4)) await decide(db, { submissionId: decided.id, expectedVersion: 1, staffId: staff.id, request: { decision: 'spam' } });

    const { total, shown } = await similarInputsOf(db, copies[0].id);
    expect(total).toBe(SIMILAR_SHOWN + 4);
    expect(shown).toHaveLength(SIMILAR_SHOWN);
    expect(shown.map((s) => s.reference)).toEqual(copies.slice(4, 4 + SIMILAR_SHOWN).map((c) => c.reference));
    for (const s of shown) expect(s).toMatchObject({ decision: 'pending', similarity: 1 });
  });

  it('confirming an input asks the worker to look for near-identical ones; a group is named by its earliest input', async () => {
    const forum = await createForum(db);
    const a = await createTestSubmission(db, forum, { body: campaign, language: 'ar' });
    const b = await createTestSubmission(db, forum, { body: campaign, language: 'ar' });
    // The worker may meet the earlier input's job when the copy is already there.
    const [jobA] = await jobsOf(a.id, 'find-similar');
    await processOutboxJob(workerDeps(db), jobA.id);
    expect((await row(a.id)).similarGroup).toBe(a.id);
    expect((await row(b.id)).similarGroup).toBe(a.id);
    const [jobB] = await jobsOf(b.id, 'find-similar');
    await processOutboxJob(workerDeps(db), jobB.id);
    expect((await row(b.id)).similarGroup).toBe(a.id);
    expect((await jobsOf(b.id, 'find-similar'))[0].doneAt).not.toBeNull();
  });
});
