import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { forums } from './forums';
import { staffUsers } from './staff';

/**
 * Codes an admin hands out so a submitter can still send an input after the call closed. Only the
 * SHA-256 of a code is stored: the code is shown once, to the admin who generated it.
 */
export const lateAccessCodes = pgTable(
  'late_access_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    forumId: uuid().notNull().references(() => forums.id),
    codeHash: text().notNull().unique(),
    /** Last characters of the code, so admins can tell codes apart without knowing them. */
    hint: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().notNull().references(() => staffUsers.id),
    /** No expiry when null; the code then works until revoked. */
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: uuid().references(() => staffUsers.id),
  },
  (t) => [
    index().on(t.forumId, t.createdAt),
    check('late_access_codes_revoked_by', sql`(${t.revokedAt} is null) = (${t.revokedBy} is null)`),
  ],
);

export type LateAccessCode = typeof lateAccessCodes.$inferSelect;
