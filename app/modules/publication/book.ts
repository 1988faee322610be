/**
 * The book of inputs of a forum: every published input in one PDF (templates/pdf/book.ts),
 * chapter by chapter (stakeholder group or GCM objective), with the frame in a chosen language.
 * An admin asks for one; the worker builds it in the background and records its progress, which
 * the admin's page shows; the finished PDF goes to the file store. When an input in the book is
 * withdrawn from publication, erased or redacted, the forum's books are retired: no longer served,
 * and their files deleted by the worker, so no copy outlives the public record it was made from.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { books, forums, type BookGrouping } from '../../../db/schema';
import { renderBookPdf, type BookInput, type BookView } from '../../../templates/pdf/book';
import { formatList } from '../../i18n/list-format';
import type { FileStore } from '../attachments/file-store';
import { loggableError } from '../logging/loggable-error';
import { addOutbox } from '../outbox/add-outbox';
import { CONSTITUENCY_KEYS, constituencyLabel } from '../taxonomy/constituencies';
import { countryName } from '../taxonomy/countries';
import { pickLabel } from '../taxonomy/locales';
import { OBJECTIVE_KEYS, objectiveLabel } from '../taxonomy/objectives';
import { publishedInputBatches } from './open-data';
import type { PublicInput } from './public-inputs';
import { authorInWords } from './publication-pdf';

export async function requestBook(db: Db, args: { forumId: string; staffId: string; grouping: BookGrouping; locale: string }): Promise<string> {
  return db.transaction(async (tx) => {
    const [book] = await tx.insert(books).values({ forumId: args.forumId, requestedBy: args.staffId, grouping: args.grouping, locale: args.locale }).returning({ id: books.id });
    await addOutbox(tx, 'render-book', { staffId: args.staffId }, { bookId: book.id });
    return book.id;
  });
}

/** A forum's books, newest first. */
export async function listBooks(db: Db, forumId: string, limit = 20) {
  return db
    .select({
      id: books.id,
      grouping: books.grouping,
      locale: books.locale,
      requestedAt: books.requestedAt,
      done: books.done,
      total: books.total,
      finishedAt: books.finishedAt,
      failure: books.failure,
      sizeBytes: books.sizeBytes,
      retiredAt: books.retiredAt,
    })
    .from(books)
    .where(eq(books.forumId, forumId))
    .orderBy(desc(books.requestedAt))
    .limit(limit);
}

/** Where a finished book of the forum is kept, unless it was retired. */
export async function findBookFile(db: Db, forumId: string, bookId: string): Promise<{ fileKey: string; sizeBytes: number } | undefined> {
  const [row] = await db
    .select({ fileKey: books.fileKey, sizeBytes: books.sizeBytes })
    .from(books)
    .where(and(eq(books.id, bookId), eq(books.forumId, forumId), isNull(books.retiredAt), isNotNull(books.fileKey)));
  return row ? { fileKey: row.fileKey!, sizeBytes: row.sizeBytes! } : undefined;
}

/** The book was retired while it was being made: the work stops, and nothing is kept. */
class BookRetired extends Error {}

/** Chapters in taxonomy order, empty ones left out; within one, inputs by reference. */
export function chaptersOf(inputs: PublicInput[], grouping: BookGrouping, locale: string): BookView['chapters'] {
  const keys: readonly string[] = grouping === 'objective' ? OBJECTIVE_KEYS : CONSTITUENCY_KEYS;
  const keysOf = (i: PublicInput) => (grouping === 'objective' ? i.objectives : [i.constituency]);
  const label = grouping === 'objective' ? objectiveLabel : constituencyLabel;
  const sorted = [...inputs].sort((a, b) => a.reference.localeCompare(b.reference));
  return keys
    .map((key) => ({ heading: label(key, locale), inputs: sorted.filter((i) => keysOf(i).includes(key)).map((i) => bookInput(i, locale)) }))
    .filter((c) => c.inputs.length > 0);
}

function bookInput(i: PublicInput, locale: string): BookInput {
  return {
    reference: i.reference,
    title: i.title,
    author: authorInWords(i, locale),
    facts: [constituencyLabel(i.constituency, locale), countryName(i.country, locale), formatList(locale, i.objectives.map((o) => objectiveLabel(o, locale)))].join(' · '),
    summary: i.summary,
    body: i.body,
  };
}

/**
 * Builds the book (the worker's job): reads the forum's published inputs, records how many places
 * they take, sets them, recording progress as it goes, and streams the PDF to a temporary file
 * that goes to the file store. A failure is recorded for the admin to see, and the job is retried.
 */
export async function buildBook(db: Db, files: FileStore, bookId: string): Promise<void> {
  const [book] = await db.select().from(books).innerJoin(forums, eq(forums.id, books.forumId)).where(eq(books.id, bookId));
  if (!book || book.books.finishedAt || book.books.retiredAt) return;
  const stillWanted = and(eq(books.id, bookId), isNull(books.retiredAt));
  const temporary = path.join(os.tmpdir(), `book-${randomUUID()}.pdf`);
  const { locale, grouping } = book.books;
  try {
    const inputs: PublicInput[] = [];
    for await (const batch of publishedInputBatches(db, book.forums.id)) inputs.push(...batch);
    const chapters = chaptersOf(inputs, grouping, locale);
    const total = chapters.reduce((n, c) => n + c.inputs.length, 0);
    await db.update(books).set({ total, done: 0, failure: null }).where(stillWanted);
    const view: BookView = {
      locale,
      forumName: pickLabel(book.forums.name, locale),
      grouping,
      asOf: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: book.forums.timeZone }).format(new Date()),
      inputCount: inputs.length,
      chapters,
    };
    const recordProgress = async (done: number) => {
      const [row] = await db.update(books).set({ done }).where(stillWanted).returning({ id: books.id });
      if (!row) throw new BookRetired();
    };
    await pipeline(Readable.from(renderBookPdf(view, recordProgress)), createWriteStream(temporary));
    const sizeBytes = (await stat(temporary)).size;
    const fileKey = await files.put(temporary);
    const [kept] = await db.update(books).set({ fileKey, sizeBytes, done: total, finishedAt: new Date() }).where(stillWanted).returning({ id: books.id });
    if (!kept) await files.remove(fileKey);
  } catch (error) {
    if (error instanceof BookRetired) return;
    await db.update(books).set({ failure: loggableError(error).split('\n')[0].slice(0, 300) }).where(eq(books.id, bookId));
    throw error;
  } finally {
    await rm(temporary, { force: true });
  }
}
