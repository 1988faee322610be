/**
 * Books of inputs are copies of the public record at one moment. When an input in them leaves the
 * record or changes in it (withdrawn from publication, personal data erased, redacted), every book
 * of its forum is retired: no longer served, and its file deleted by the worker, so no copy keeps
 * what the record no longer shows.
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { books } from '../../../db/schema';
import type { FileStore } from '../attachments/file-store';
import { addOutbox } from '../outbox/add-outbox';

/**
 * Retires every book of the forum, finished or being made, in the caller's transaction, and asks
 * the worker to delete their files. `submissionId` is the input that changed (the outbox row's subject).
 */
export async function retireBooks(tx: Tx, args: { forumId: string; submissionId: string }): Promise<void> {
  const retired = await tx
    .update(books)
    .set({ retiredAt: new Date() })
    .where(and(eq(books.forumId, args.forumId), isNull(books.retiredAt)))
    .returning({ id: books.id });
  if (retired.length > 0) await addOutbox(tx, 'remove-retired-books', { submissionId: args.submissionId }, {});
}

/** Deletes the files of retired books (the worker's job; safe to run twice). */
export async function removeRetiredBookFiles(db: Db, files: FileStore): Promise<number> {
  const rows = await db.select({ id: books.id, fileKey: books.fileKey }).from(books).where(and(isNotNull(books.retiredAt), isNotNull(books.fileKey)));
  for (const row of rows) {
    await files.remove(row.fileKey!);
    await db.update(books).set({ fileKey: null, sizeBytes: null }).where(eq(books.id, row.id));
  }
  return rows.length;
}
