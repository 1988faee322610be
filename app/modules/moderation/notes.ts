import type { Db } from '../../../db/client';
import { staffNotes } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';

export const MAX_NOTE_CHARS = 5_000;

/** Adds an internal note (staff only) and records that one was added; the note is its own record. */
export async function addStaffNote(db: Db, args: { submissionId: string; staffId: string; body: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const [note] = await tx.insert(staffNotes).values(args).returning({ id: staffNotes.id });
    await recordAudit(tx, { actorKind: 'staff', actorStaffId: args.staffId, submissionId: args.submissionId, action: 'note.added', details: { noteId: note.id } });
  });
}
