import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { forums } from './forums';

export const STAFF_ROLES = ['admin', 'moderator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased so look-ups are exact. */
    email: text().notNull().unique(),
    displayName: text().notNull(),
    role: text().$type<StaffRole>().notNull(),
    /** NULL until the invited person sets a password through their invitation link. */
    passwordHash: text(),
    /**
     * Moderators see every forum when true; otherwise only those in staff_forum_assignments.
     * Admins always see every forum.
     */
    allForums: boolean().notNull().default(true),
    /** Base32 TOTP secret once two-factor sign-in is set up (RFC 6238). */
    totpSecret: text(),
    /** Last 30-second step a code was accepted for: the same code cannot be used twice. */
    totpLastStep: bigint({ mode: 'number' }),
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('staff_users_role', sql`${t.role} in ('admin','moderator')`)],
);

/** Forums a moderator without `allForums` may moderate. */
export const staffForumAssignments = pgTable(
  'staff_forum_assignments',
  {
    staffId: uuid().notNull().references(() => staffUsers.id, { onDelete: 'cascade' }),
    forumId: uuid().notNull().references(() => forums.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.forumId] }), index().on(t.forumId)],
);

/** One-time links to set a password: the invitation, or a new one an admin sends. */
export const staffInvites = pgTable(
  'staff_invites',
  {
    /** SHA-256 (hex) of the token in the e-mailed link. */
    id: text().primaryKey(),
    staffId: uuid().notNull().references(() => staffUsers.id, { onDelete: 'cascade' }),
    /** Language the invitation e-mail and page speak. */
    locale: text().notNull(),
    createdBy: uuid().references(() => staffUsers.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.staffId)],
);

/**
 * Server-side sessions, so logout and disabling an account end them at once. A session starts at
 * the stage the sign-in reached: 'second_factor' waits for a TOTP code, 'totp_setup' for the
 * set-up of two-factor sign-in that the role requires; only 'signed_in' opens the staff side.
 */
export const STAFF_SESSION_STAGES = ['signed_in', 'second_factor', 'totp_setup'] as const;
export type StaffSessionStage = (typeof STAFF_SESSION_STAGES)[number];

export const staffSessions = pgTable(
  'staff_sessions',
  {
    /** SHA-256 (hex) of the cookie token; the token itself is never stored. */
    id: text().primaryKey(),
    staffId: uuid().notNull().references(() => staffUsers.id, { onDelete: 'cascade' }),
    stage: text().$type<StaffSessionStage>().notNull().default('signed_in'),
    /** A TOTP secret offered during set-up, kept until a code from it is confirmed. */
    pendingTotpSecret: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Renewed by each request; a session idle too long ends (see staff-sessions.ts). */
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Absolute end, however active the session. */
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index().on(t.staffId),
    check('staff_sessions_stage', sql`${t.stage} in ('signed_in','second_factor','totp_setup')`),
  ],
);

export type StaffUser = typeof staffUsers.$inferSelect;
