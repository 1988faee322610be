import { customType, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { submissions } from './submissions';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * The publication PDF of each published input, as last rendered (app/modules/publication/
 * publication-pdf.ts). `basis` fingerprints everything the PDF shows: a PDF whose basis differs
 * from the input's current public version is never served, so a redaction can never leak
 * through an old file.
 */
export const publicationPdfs = pgTable('publication_pdfs', {
  submissionId: uuid().primaryKey().references(() => submissions.id),
  basis: text().notNull(),
  pdf: bytea().notNull(),
  renderedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
