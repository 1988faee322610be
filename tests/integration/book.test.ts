/**
 * The book of inputs against the real database and the real worker code: an admin's request
 * queues the job in the same transaction; the worker reads every published input of the forum
 * (and nothing else), records its progress, and keeps the PDF; chapters by objective hold an
 * input once per objective it addresses.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { findBookPdf, listBooks, requestBook } from '../../app/modules/publication/book';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { outbox } from '../../db/schema';
import { processOutboxJob } from '../../workers/process-job';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { testDb, workerDeps } from '../helpers/services';

const handle = testDb();
const { db } = handle;
afterAll(() => handle.close());

describe('book of inputs', () => {
  it('is made by the worker from every published input of the forum, with its progress recorded', async () => {
    const forum = await createForum(db, 'open', { name: { en: 'Regional review for Africa' } });
    const admin = await upsertStaffUser(db, { email: `book-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'Book', role: 'admin', password: 'correct horse battery staple' });
    const titles = ['Seasonal work in the Sahel', 'Climate displacement and pathways', 'Return and reintegration support'];
    for (const [n, title] of titles.entries()) {
      const input = await createTestSubmission(db, forum, { title, objectives: n === 0 ? ['5', '6'] : ['21'], language: 'en' });
      await decide(db, { submissionId: input.id, expectedVersion: 1, staffId: admin.id, request: { decision: 'accepted' } });
    }
    await createTestSubmission(db, forum, { title: 'Still under review' });

    const bookId = await requestBook(db, { forumId: forum.id, staffId: admin.id, grouping: 'objective', locale: 'en' });
    expect((await listBooks(db, forum.id))[0]).toMatchObject({ id: bookId, total: null, finishedAt: null });
    const [job] = await db.select().from(outbox).where(and(eq(outbox.kind, 'render-book'), eq(outbox.staffId, admin.id)));
    expect(job.payload).toEqual({ bookId });
    await processOutboxJob(workerDeps(db), job.id);

    // Four places: the first input stands under objectives 5 and 6.
    const [book] = await listBooks(db, forum.id);
    expect(book).toMatchObject({ done: 4, total: 4, failure: null });
    expect(book.finishedAt).toBeInstanceOf(Date);
    const pdf = (await findBookPdf(db, forum.id, bookId))!;
    mkdirSync('test-results/pdf', { recursive: true });
    writeFileSync('test-results/pdf/book-flow.pdf', pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', 'test-results/pdf/book-flow.pdf', '-'], { encoding: 'utf8' });
    for (const title of titles) expect(text).toContain(title);
    expect(text).not.toContain('Still under review');
    expect(text.split('Seasonal work in the Sahel').length - 1).toBeGreaterThanOrEqual(4); // twice in the contents, twice in the chapters
    expect(await findBookPdf(db, (await createForum(db)).id, bookId)).toBeUndefined();
  });
});
