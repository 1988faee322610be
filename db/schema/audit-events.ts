import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { forums } from './forums';
import { staffUsers } from './staff';
import { submissions } from './submissions';

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE. Rows never hold contact data.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    occurredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorKind: text().$type<'submitter' | 'staff' | 'system'>().notNull(),
    actorStaffId: uuid().references(() => staffUsers.id),
    submissionId: uuid().references(() => submissions.id),
    /** Set for changes to a forum's settings and late-access codes. */
    forumId: uuid().references(() => forums.id),
    action: text().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.submissionId, t.occurredAt), index().on(t.forumId, t.occurredAt)],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
