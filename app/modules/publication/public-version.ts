/**
 * Redaction: the public version of an input, prepared by staff before (or after) publication.
 * Staff may edit the title, summary and body (e.g. remove a phone number or a third person's
 * name), hide the contact name although the submitter consented to it, and withhold attached
 * files. The original text and files are never changed: staff keep seeing them, and the public
 * record reads the public version (public-inputs.ts, public-attachments.ts). Each change is
 * audited with what changed, before and after: the length and SHA-256 of each text, never the
 * text itself (the audit is kept for ever; the redacted personal data must not live on in it).
 * Two staff editing at once cannot undo each other: a save names the version it was made on.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { attachments, forums, submissions } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { addOutbox } from '../outbox/add-outbox';
import { retireBooks } from './retire-books';

/** Which optional controls the form showed: a control not shown leaves its setting as it is. */
export interface ShownControls {
  nameHidden: boolean;
  files: boolean;
}

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

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A fingerprint of the public version as it stands: a save made on another one is refused. */
function basisOf(v: { title: string; summary: string; body: string; nameHidden: boolean; withheld: string[] }): string {
  return sha256(JSON.stringify([v.title, v.summary, v.body, v.nameHidden, [...v.withheld].sort()]));
}

/** A text as the audit keeps it: enough to tell versions apart, nothing to read. */
const auditText = (text: string) => ({ length: text.length, sha256: sha256(text) });

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
      personalDataErasedAt: submissions.personalDataErasedAt,
      // Where it stands on the public record, for the publication controls on the same page.
      decision: submissions.decision,
      withdrawnAt: submissions.withdrawnAt,
      publishedAt: submissions.publishedAt,
      publishAt: submissions.publishAt,
      unpublishedAt: submissions.unpublishedAt,
      unpublishReason: submissions.unpublishReason,
      forum: { timeZone: forums.timeZone, closesAt: forums.closesAt },
    })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
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
  const basis = basisOf({ ...current, nameHidden: row.nameHidden, withheld: files.filter((f) => f.withheld).map((f) => f.id) });
  return { ...row, current, files, basis };
}

export type PublicVersion = NonNullable<Awaited<ReturnType<typeof loadPublicVersion>>>;

export type SavePublicVersionResult = { ok: true; changed: string[] } | { ok: false; reason: 'not_found' | 'stale' };

/**
 * Stores the public version made on `basis` (from loadPublicVersion). A text equal to the original
 * is stored as "no edit" (NULL), so undoing an edit by restoring the text really undoes it.
 * Returns the fields that changed, or `stale` if someone changed the public version meanwhile.
 */
export async function savePublicVersion(
  db: Db,
  args: { submissionId: string; staffId: string; basis: string; shown: ShownControls; version: PublicVersionInput },
): Promise<SavePublicVersionResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        original: { title: submissions.title, summary: submissions.summary, body: submissions.body },
        edited: { title: submissions.publicTitle, summary: submissions.publicSummary, body: submissions.publicBody },
        nameHidden: submissions.nameHidden,
        publishedAt: submissions.publishedAt,
        forumId: submissions.forumId,
      })
      .from(submissions)
      .where(eq(submissions.id, args.submissionId))
      .for('update');
    if (!row) return { ok: false, reason: 'not_found' } as const;
    const files = await tx
      .select({ id: attachments.id, withheldAt: attachments.withheldAt })
      .from(attachments)
      .where(eq(attachments.submissionId, args.submissionId))
      .for('update');
    const current = Object.fromEntries(TEXT_FIELDS.map((f) => [f, row.edited[f] ?? row.original[f]])) as Record<TextField, string>;
    const withheldNow = files.filter((f) => f.withheldAt).map((f) => f.id);
    if (basisOf({ ...current, nameHidden: row.nameHidden, withheld: withheldNow }) !== args.basis) return { ok: false, reason: 'stale' } as const;

    const v = args.version;
    const next = Object.fromEntries(TEXT_FIELDS.map((f) => [f, sameText(v[f], row.original[f]) ? null : v[f]])) as Record<TextField, string | null>;
    const nameHidden = args.shown.nameHidden ? v.nameHidden : row.nameHidden;
    const wanted = args.shown.files ? v.withheldAttachmentIds : withheldNow;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const f of TEXT_FIELDS) {
      if (next[f] !== row.edited[f]) {
        before[f] = auditText(current[f]);
        after[f] = auditText(next[f] ?? row.original[f]);
      }
    }
    if (nameHidden !== row.nameHidden) {
      before.nameHidden = row.nameHidden;
      after.nameHidden = nameHidden;
    }
    const withhold = files.filter((f) => wanted.includes(f.id) && !f.withheldAt).map((f) => f.id);
    const restore = files.filter((f) => !wanted.includes(f.id) && f.withheldAt).map((f) => f.id);
    // File ids, not names: a file name may itself name a person.
    if (withhold.length) after.withheldFiles = withhold;
    if (restore.length) after.restoredFiles = restore;
    const changed = Object.keys(after);
    if (changed.length === 0) return { ok: true, changed } as const;

    await tx
      .update(submissions)
      .set({ publicTitle: next.title, publicSummary: next.summary, publicBody: next.body, nameHidden, redactedAt: new Date() })
      .where(eq(submissions.id, args.submissionId));
    if (withhold.length) await tx.update(attachments).set({ withheldAt: new Date() }).where(and(inArray(attachments.id, withhold), isNull(attachments.withheldAt)));
    if (restore.length) await tx.update(attachments).set({ withheldAt: null }).where(and(inArray(attachments.id, restore), isNotNull(attachments.withheldAt)));
    await recordAudit(tx, { actorKind: 'staff', actorStaffId: args.staffId, submissionId: args.submissionId, action: 'submission.redacted', details: { before, after } });
    // A published input's PDF is rendered again from the new public version (publication renders it
    // otherwise); books that hold the earlier version are retired.
    if (row.publishedAt) {
      await addOutbox(tx, 'render-publication', { submissionId: args.submissionId }, {});
      await retireBooks(tx, { forumId: row.forumId, submissionId: args.submissionId });
    }
    return { ok: true, changed } as const;
  });
}
