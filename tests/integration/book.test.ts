/**
 * The book of inputs against the real database and the real worker code: an admin's request
 * queues the job in the same transaction; the worker reads every published input of the forum
 * (and nothing else), records its progress, and keeps the PDF; chapters by objective hold an
 * input once per objective it addresses. A book is a copy of the public record: when an input in
 * it is withdrawn, erased or redacted, the book is retired and its file deleted.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { decide } from '../../app/modules/moderation/decide';
import { findBookFile, listBooks, requestBook } from '../../app/modules/publication/book';
import { loadPublicVersion, savePublicVersion } from '../../app/modules/publication/public-version';
import { unpublishSubmission } from '../../app/modules/publication/publish';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { erasePersonalData } from '../../app/modules/submissions/personal-data';
import { objectiveLabel } from '../../app/modules/taxonomy/objectives';
import { books, outbox, type Forum } from '../../db/schema';
import { processOutboxJob } from '../../workers/process-job';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { testDb, testFileStore, workerDeps } from '../helpers/services';

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
    const file = (await findBookFile(db, forum.id, bookId))!;
    const pdf = await bytesIn(file.fileKey);
    expect(pdf.length).toBe(file.sizeBytes);
    mkdirSync('test-results/pdf', { recursive: true });
    writeFileSync('test-results/pdf/book-flow.pdf', pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', 'test-results/pdf/book-flow.pdf', '-'], { encoding: 'utf8' });
    for (const title of titles) expect(text).toContain(title);
    // An input's objectives are listed as its language lists things ("…, … and …"), not joined by commas.
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(new Intl.ListFormat('en', { type: 'conjunction' }).format([objectiveLabel('5', 'en'), objectiveLabel('6', 'en')]));
    expect(text).not.toContain('Still under review');
    expect(text.split('Seasonal work in the Sahel').length - 1).toBeGreaterThanOrEqual(4); // twice in the contents, twice in the chapters
    expect(await findBookFile(db, (await createForum(db)).id, bookId)).toBeUndefined();
  });

  describe('is retired, and its file deleted, when an input in it', () => {
    const cases: Array<[string, (submissionId: string, staffId: string) => Promise<unknown>]> = [
      ['is withdrawn from publication', (submissionId, staffId) => unpublishSubmission(db, { submissionId, staffId, reason: 'Published in error.' })],
      ['has its personal data erased', (submissionId) => erasePersonalData(db, submissionId)],
      [
        'is redacted',
        async (submissionId, staffId) => {
          const view = (await loadPublicVersion(db, submissionId))!;
          const saved = await savePublicVersion(db, {
            submissionId, staffId, basis: view.basis, shown: { nameHidden: true, files: true },
            version: { ...view.current, body: 'The [place withheld] centre.', nameHidden: false, withheldAttachmentIds: [] },
          });
          expect(saved.ok).toBe(true);
        },
      ],
    ];
    it.each(cases)('%s', async (_, change) => {
      const { forum, admin, inputs } = await forumWithPublished(2);
      const other = await forumWithPublished(1);
      const bookId = await makeBook(forum, admin);
      const otherBookId = await makeBook(other.forum, other.admin);
      const { fileKey } = (await findBookFile(db, forum.id, bookId))!;

      await change(inputs[0], admin);
      expect(await findBookFile(db, forum.id, bookId)).toBeUndefined();
      expect((await listBooks(db, forum.id))[0].retiredAt).toBeInstanceOf(Date);
      await runJobs('remove-retired-books', inputs[0]);
      await expect(testFileStore().open(fileKey)).rejects.toThrow();
      expect((await db.select().from(books).where(eq(books.id, bookId)))[0]).toMatchObject({ fileKey: null, sizeBytes: null });
      // Books of other forums stay.
      expect(await findBookFile(db, other.forum.id, otherBookId)).toBeDefined();
    });
  });

  it('is not kept when it was retired while being made', async () => {
    const { forum, admin, inputs } = await forumWithPublished(1);
    const bookId = await requestBook(db, { forumId: forum.id, staffId: admin, grouping: 'constituency', locale: 'en' });
    await unpublishSubmission(db, { submissionId: inputs[0], staffId: admin, reason: 'Published in error.' });
    const [job] = await db.select().from(outbox).where(and(eq(outbox.kind, 'render-book'), eq(outbox.staffId, admin)));
    await processOutboxJob(workerDeps(db), job.id);
    const [book] = await db.select().from(books).where(eq(books.id, bookId));
    expect(book).toMatchObject({ fileKey: null, finishedAt: null, failure: null });
    expect(book.retiredAt).toBeInstanceOf(Date);
  });

  it('stays when an input is published after it was made (the book shows the record as it was)', async () => {
    const { forum, admin } = await forumWithPublished(1);
    const bookId = await makeBook(forum, admin);
    const later = await createTestSubmission(db, forum, { title: 'Published later' });
    await decide(db, { submissionId: later.id, expectedVersion: 1, staffId: admin, request: { decision: 'accepted' } });
    expect(await findBookFile(db, forum.id, bookId)).toBeDefined();
  });
});

async function bytesIn(fileKey: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await testFileStore().open(fileKey)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function forumWithPublished(count: number) {
  const forum = await createForum(db, 'open');
  const admin = await upsertStaffUser(db, { email: `book-${crypto.randomUUID().slice(0, 8)}@un.example`, displayName: 'Book', role: 'admin', password: 'correct horse battery staple' });
  const inputs: string[] = [];
  for (let n = 0; n < count; n++) {
    const input = await createTestSubmission(db, forum, { title: `Input ${n + 1} about the Kilimanjaro centre`, language: 'en' });
    await decide(db, { submissionId: input.id, expectedVersion: 1, staffId: admin.id, request: { decision: 'accepted' } });
    inputs.push(input.id);
  }
  return { forum, admin: admin.id, inputs };
}

async function makeBook(forum: Forum, staffId: string): Promise<string> {
  const bookId = await requestBook(db, { forumId: forum.id, staffId, grouping: 'constituency', locale: 'en' });
  const [job] = await db.select().from(outbox).where(and(eq(outbox.kind, 'render-book'), eq(outbox.staffId, staffId), isNull(outbox.doneAt))).orderBy(desc(outbox.id));
  await processOutboxJob(workerDeps(db), job.id);
  expect(await findBookFile(db, forum.id, bookId)).toBeDefined();
  return bookId;
}

/** Runs the outbox rows of one kind queued about an input, as the worker would. */
async function runJobs(kind: 'remove-retired-books', submissionId: string) {
  const rows = await db.select().from(outbox).where(and(eq(outbox.kind, kind), eq(outbox.submissionId, submissionId)));
  expect(rows.length).toBe(1);
  for (const row of rows) await processOutboxJob(workerDeps(db), row.id);
}
