/**
 * Redaction: the public version of an input, prepared by staff before (or after) publication.
 * Staff may edit the title, summary and body (e.g. remove a phone number or a third person's
 * name), hide the contact name although the submitter consented to it, and withhold attached
 * files. The original text and files are never changed: staff keep seeing them, and the public
 * record reads the public version (public-inputs.ts, public-attachments.ts). Each change is
 * audited with the fields before and after.
 */
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { attachments, submissions } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';

export interface PublicVersionInput {
  title: string;
  summary: string;
  body: string;
  nameHidden: boolean;
  /** Attachments of this input to keep off the public record. */
  withheldAttachmentIds: string[];
}

type TextField = 'title' | 'summary' | 'body';
const TEXT_FIELDS: readonly TextField[] = ['title', 'summary', 'body'];

/** Equal but for line endings: a form sends CRLF, the API may have sent LF. */
function sameText(a: string, b: string): boolean {
  return a.replace(/\r\n/g, '\n') === b.replace(/\r\n/g, '\n');
}

/** What the public sees now, next to the original, for the redaction form. */
export async function loadPublicVersion(db: Db, submissionId: string) {
  const [row] = await db
    .select({
      id: submissions.id,
      reference: submissions.reference,
      forumId: submissions.forumId,
      language: submissions.language,
      contactName: submissions.contactName,
      publishName: submissions.publishName,
      publishAttachments: submissions.publishAttachments,
      nameHidden: submissions.nameHidden,
      original: { title: submissions.title, summary: submissions.summary, body: submissions.body },
      edited: { title: submissions.publicTitle, summary: submissions.publicSummary, body: submissions.publicBody },
      publishedAt: submissions.publishedAt,
      personalDataErasedAt: submissions.personalDataErasedAt,
    })
    .from(submissions)
    .where(eq(submissions.id, submissionId));
  if (!row) return undefined;
  const files = await db
    .select({ id: attachments.id, fileName: attachments.fileName, withheld: sql<boolean>`${attachments.withheldAt} is not null` })
    .from(attachments)
    .where(eq(attachments.submissionId, submissionId))
    .orderBy(attachments.position, attachments.createdAt);
  const current = {
    title: row.edited.title ?? row.original.title,
    summary: row.edited.summary ?? row.original.summary,
    body: row.edited.body ?? row.original.body,
  };
  return { ...row, current, files };
}

export type PublicVersion = NonNullable<Awaited<ReturnType<typeof loadPublicVersion>>>;

/**
 * Stores the public version. A text equal to the original is stored as "no edit" (NULL), so
 * undoing an edit by restoring the text really undoes it. Returns the fields that changed.
 */
export async function savePublicVersion(db: Db, args: { submissionId: string; staffId: string; version: PublicVersionInput }): Promise<string[] | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        original: { title: submissions.title, summary: submissions.summary, body: submissions.body },
        edited: { title: submissions.publicTitle, summary: submissions.publicSummary, body: submissions.publicBody },
        nameHidden: submissions.nameHidden,
      })
      .from(submissions)
      .where(eq(submissions.id, args.submissionId))
      .for('update');
    if (!row) return undefined;
    const v = args.version;
    const next = Object.fromEntries(TEXT_FIELDS.map((f) => [f, sameText(v[f], row.original[f]) ? null : v[f]])) as Record<TextField, string | null>;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const f of TEXT_FIELDS) {
      if (next[f] !== row.edited[f]) {
        before[f] = row.edited[f] ?? row.original[f];
        after[f] = next[f] ?? row.original[f];
      }
    }
    if (v.nameHidden !== row.nameHidden) {
      before.nameHidden = row.nameHidden;
      after.nameHidden = v.nameHidden;
    }
    const files = await tx
      .select({ id: attachments.id, fileName: attachments.fileName, withheldAt: attachments.withheldAt })
      .from(attachments)
      .where(eq(attachments.submissionId, args.submissionId));
    const withhold = files.filter((f) => v.withheldAttachmentIds.includes(f.id) && !f.withheldAt);
    const restore = files.filter((f) => !v.withheldAttachmentIds.includes(f.id) && f.withheldAt);
    if (withhold.length) after.withheldFiles = withhold.map((f) => f.fileName);
    if (restore.length) after.restoredFiles = restore.map((f) => f.fileName);
    const changed = Object.keys(after);
    if (changed.length === 0) return [];

    await tx
      .update(submissions)
      .set({ publicTitle: next.title, publicSummary: next.summary, publicBody: next.body, nameHidden: v.nameHidden, redactedAt: new Date() })
      .where(eq(submissions.id, args.submissionId));
    if (withhold.length) {
      await tx.update(attachments).set({ withheldAt: new Date() }).where(and(inArray(attachments.id, withhold.map((f) => f.id)), isNull(attachments.withheldAt)));
    }
    if (restore.length) {
      await tx.update(attachments).set({ withheldAt: null }).where(and(inArray(attachments.id, restore.map((f) => f.id)), isNotNull(attachments.withheldAt)));
    }
    await recordAudit(tx, { actorKind: 'staff', actorStaffId: args.staffId, submissionId: args.submissionId, action: 'submission.redacted', details: { before, after } });
    return changed;
  });
}
