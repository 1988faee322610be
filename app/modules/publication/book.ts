/**
 * The book of inputs of a forum: every published input in one PDF (templates/pdf/book.ts),
 * chapter by chapter (stakeholder group or GCM objective), with the frame in a chosen language.
 * An admin asks for one; the worker builds it in the background and records its progress, which
 * the admin's page shows; the finished PDF is kept with the request.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { books, forums, type BookGrouping } from '../../../db/schema';
import { renderBookPdf, type BookInput, type BookView } from '../../../templates/pdf/book';
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

/** A forum's books, newest first, without their bytes. */
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
      sizeBytes: sql<number | null>`octet_length(${books.pdf})`,
    })
    .from(books)
    .where(eq(books.forumId, forumId))
    .orderBy(desc(books.requestedAt))
    .limit(limit);
}

export async function findBookPdf(db: Db, forumId: string, bookId: string): Promise<Buffer | undefined> {
  const [row] = await db.select({ pdf: books.pdf }).from(books).where(and(eq(books.id, bookId), eq(books.forumId, forumId)));
  return row?.pdf ?? undefined;
}

/** Chapters in taxonomy order, empty ones left out; within one, inputs by reference. */
function chaptersOf(inputs: PublicInput[], grouping: BookGrouping, locale: string): BookView['chapters'] {
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
    facts: [constituencyLabel(i.constituency, locale), countryName(i.country, locale), i.objectives.map((o) => objectiveLabel(o, locale)).join(', ')].join(' · '),
    summary: i.summary,
    body: i.body,
  };
}

/**
 * Builds the book (the worker's job): reads the forum's published inputs, records how many places
 * they take, sets them, recording progress as it goes, and keeps the PDF. A failure is recorded
 * for the admin to see, and the job is retried.
 */
export async function buildBook(db: Db, bookId: string): Promise<void> {
  const [book] = await db.select().from(books).innerJoin(forums, eq(forums.id, books.forumId)).where(eq(books.id, bookId));
  if (!book || book.books.finishedAt) return;
  const { locale, grouping } = book.books;
  try {
    const inputs: PublicInput[] = [];
    for await (const batch of publishedInputBatches(db, book.forums.id)) inputs.push(...batch);
    const chapters = chaptersOf(inputs, grouping, locale);
    const total = chapters.reduce((n, c) => n + c.inputs.length, 0);
    await db.update(books).set({ total, done: 0, failure: null }).where(eq(books.id, bookId));
    const view: BookView = {
      locale,
      forumName: pickLabel(book.forums.name, locale),
      grouping,
      asOf: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: book.forums.timeZone }).format(new Date()),
      inputCount: inputs.length,
      chapters,
    };
    const pdf = Buffer.from(await renderBookPdf(view, async (done) => void (await db.update(books).set({ done }).where(eq(books.id, bookId)))));
    await db.update(books).set({ pdf, done: total, finishedAt: new Date() }).where(eq(books.id, bookId));
  } catch (error) {
    await db.update(books).set({ failure: loggableError(error).split('\n')[0].slice(0, 300) }).where(eq(books.id, bookId));
    throw error;
  }
}
