import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { forums } from './forums';

/**
 * A form saved before sending, continued through a private link e-mailed to the address given.
 * Its values are the form as typed (checked only for characters no text may hold). When it is
 * sent, or expires, its values and address are erased; the row stays for the outbox and delivery
 * records that point at it.
 */
export const drafts = pgTable(
  'drafts',
  {
    id: uuid().primaryKey().defaultRandom(),
    forumId: uuid().notNull().references(() => forums.id),
    /** SHA-256 (hex) of the link's token (256 random bits); the token itself is only e-mailed. */
    tokenHash: text().notNull().unique(),
    /** The rendered form's key: a replayed "save" finds this draft instead of making another. */
    idempotencyKey: text().notNull().unique(),
    interfaceLocale: text().notNull(),
    email: text().notNull(),
    values: jsonb().$type<Record<string, string | string[]>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Set when the draft became a submission or expired: values and address are gone then. */
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.expiresAt).where(sql`${t.closedAt} is null`),
    check('drafts_closed_erased', sql`${t.closedAt} is null or (${t.email} = '' and ${t.values} = '{}'::jsonb)`),
  ],
);

export type Draft = typeof drafts.$inferSelect;
