import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { staffUsers } from './staff';
import { submissions } from './submissions';

/** Notes between staff about an input; never shown to the submitter or the public. */
export const staffNotes = pgTable(
  'staff_notes',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    submissionId: uuid().notNull().references(() => submissions.id),
    staffId: uuid().notNull().references(() => staffUsers.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.submissionId, t.createdAt)],
);

export type StaffNote = typeof staffNotes.$inferSelect;
