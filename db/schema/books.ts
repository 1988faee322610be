import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { forums } from './forums';
import { staffUsers } from './staff';
import type { BookGrouping } from './book-groupings';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export { BOOK_GROUPINGS, type BookGrouping } from './book-groupings';

/**
 * A book of a forum's published inputs, asked for by an admin and built by the worker
 * (app/modules/publication/book.ts): its progress while it is made, then the PDF.
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
    pdf: bytea(),
    /** Why it could not be made (the worker gave up). */
    failure: text(),
  },
  (t) => [
    index().on(t.forumId, t.requestedAt),
    check('books_grouping', sql`${t.grouping} in ('constituency','objective')`),
    check('books_finished_with_pdf', sql`(${t.pdf} is not null) = (${t.finishedAt} is not null)`),
  ],
);
