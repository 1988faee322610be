/**
 * Near-identical inputs (campaigns, one text sent twice), against the real database and the real
 * worker code: grouping, the trigram index, the group listed on an input's page, marking a group.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { groupSimilarInput, markGroupDuplicates, SIMILAR_SHOWN, similarCandidateQuery, similarInputsOf } from '../../app/modules/moderation/similar-inputs';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { SIMILARITY_TEXT, outbox, similarityText, submissions } from '../../db/schema';
import { processOutboxJob } from '../../workers/process-job';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { arabicFixture } from '../helpers/fixtures';
import { testDb, workerDeps } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

const moderator = () =>
  upsertStaffUser(db, { email: `mod-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'Moderator', role: 'moderator', password: 'correct horse battery staple' });
const row = async (id: string) => (await db.select().from(submissions).where(eq(submissions.id, id)))[0];
const jobsOf = (id: string, kind: string) => db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, kind))).orderBy(outbox.id);

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
