import { bigserial, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { submissions } from './submissions';

/**
 * Earlier versions of a submission's content, kept when the submitter edits it after the
 * secretariat asked for changes. The submissions row always holds the current version.
 */
export const submissionVersions = pgTable(
  'submission_versions',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    submissionId: uuid().notNull().references(() => submissions.id),
    /** 1 for the content first received, then 2, 3… */
    number: integer().notNull(),
    /** The submitted fields of that version, as validated then (contact data included). */
    content: jsonb().$type<Record<string, unknown>>().notNull(),
    contentSha256: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [unique().on(t.submissionId, t.number)],
);

/**
 * Further status links of a submission. The first is on the submission itself; e-mails sent later
 * that must carry a link (a request for changes) get a new one, since raw tokens are never kept.
 * Every link stays valid.
 */
export const statusLinks = pgTable('status_links', {
  id: bigserial({ mode: 'number' }).primaryKey(),
  submissionId: uuid().notNull().references(() => submissions.id),
  /** SHA-256 (hex) of the token. */
  tokenHash: text().notNull().unique(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
