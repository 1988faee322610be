import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { drafts } from './drafts';
import { forums } from './forums';
import { submissions } from './submissions';

/**
 * A file attached to an input. It is stored (checked, under a server-made key) as soon as it is
 * uploaded, before the form is sent: a form that comes back with errors, or a saved draft, keeps
 * its files without uploading them again. Until the input is sent the file is held by a random
 * token that only the submitter's form carries (stored hashed); held files not claimed in time
 * are deleted with their bytes.
 */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    forumId: uuid().notNull().references(() => forums.id),
    /** Set when the input is sent; the file belongs to it from then on. */
    submissionId: uuid().references(() => submissions.id),
    /** A saved draft that holds the file until it is sent. */
    draftId: uuid().references(() => drafts.id),
    /** SHA-256 (hex) of the hold token, while the file waits for its input; null once claimed. */
    holdTokenHash: text().unique(),
    /** When an unclaimed file is deleted. */
    heldUntil: timestamp({ withTimezone: true }),
    /** Key in the file store (server-made, never user text). */
    storageKey: text().notNull().unique(),
    /** The name the submitter's file had, sanitised; shown and used for downloads only. */
    fileName: text().notNull(),
    /** pdf, docx, odt or txt, decided from the content. */
    kind: text().notNull(),
    mediaType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    /** SHA-256 (hex) of the bytes, printed on the receipt. */
    sha256: text().notNull(),
    /** Order on the form and the receipt. */
    position: integer().notNull().default(0),
    /** Dropped from the public version by staff (redaction); the file stays available to staff. */
    withheldAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.submissionId),
    index().on(t.heldUntil).where(sql`${t.submissionId} is null`),
    check('attachments_held_or_claimed', sql`${t.submissionId} is not null or (${t.holdTokenHash} is not null and ${t.heldUntil} is not null)`),
  ],
);

export type Attachment = typeof attachments.$inferSelect;
