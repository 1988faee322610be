import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased so look-ups are exact. */
    email: text().notNull().unique(),
    displayName: text().notNull(),
    role: text().$type<'admin' | 'moderator'>().notNull(),
    passwordHash: text().notNull(),
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('staff_users_role', sql`${t.role} in ('admin','moderator')`)],
);

/** Server-side sessions, so logout and disabling an account end them at once. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    /** SHA-256 (hex) of the cookie token; the token itself is never stored. */
    id: text().primaryKey(),
    staffId: uuid().notNull().references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.staffId)],
);

export type StaffUser = typeof staffUsers.$inferSelect;
