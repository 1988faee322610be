import { bigserial, customType, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { submissions } from './submissions';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * Each receipt PDF, made once per version of a submission's content (identified by its digest)
 * and kept: the e-mail and every later download are the same document, and a download costs no
 * rendering.
 */
export const receipts = pgTable(
  'receipts',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    submissionId: uuid().notNull().references(() => submissions.id),
    contentSha256: text().notNull(),
    pdf: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.submissionId, t.contentSha256)],
);
