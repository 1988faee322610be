import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { forums } from './forums';
import { staffUsers } from './staff';
import type { BookGrouping } from './book-groupings';

export { BOOK_GROUPINGS, type BookGrouping } from './book-groupings';

/**
 * A book of a forum's published inputs, asked for by an admin and built by the worker
 * (app/modules/publication/book.ts): its progress while it is made, then the PDF, kept in the
 * file store (a book runs to tens of megabytes). A book is retired when an input in it is
 * withdrawn, erased or redacted: it is no longer served, and its file is deleted.
 */
export const books = pgTable(
  'books',
  {
    id: uuid().primaryKey().defaultRandom(),
    forumId: uuid().notNull().references(() => forums.id),
    requestedBy: uuid().notNull().references(() => staffUsers.id),
    grouping: text().$type<BookGrouping>().notNull(),
    /** Language of the book's frame (cover, contents, labels). */
    locale: text().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Inputs set so far, of `total` (known once the worker has read them). */
    done: integer().notNull().default(0),
    total: integer(),
    finishedAt: timestamp({ withTimezone: true }),
    /** Where the PDF is in the file store, while it is kept. */
    fileKey: text(),
    sizeBytes: bigint({ mode: 'number' }),
    /** When an input it holds was withdrawn, erased or redacted: it no longer shows the public record. */
    retiredAt: timestamp({ withTimezone: true }),
    /** Why it could not be made (the worker gave up). */
    failure: text(),
  },
  (t) => [
    index().on(t.forumId, t.requestedAt),
    check('books_grouping', sql`${t.grouping} in ('constituency','objective')`),
    // A finished book has its file until it is retired (then the worker deletes the file).
    check('books_finished_with_file', sql`(${t.fileKey} is not null) = (${t.finishedAt} is not null) or ${t.retiredAt} is not null`),
    check('books_file_size', sql`(${t.fileKey} is null) = (${t.sizeBytes} is null)`),
  ],
);
