/**
 * Files uploaded with a form before the input is sent. Each accepted file is stored at once and
 * held by a random token that only the submitter's form carries (hidden field), so a form that
 * comes back with errors — or a draft — keeps its files. Sending the input claims them in the same
 * transaction that stores it; files never claimed are deleted when their hold runs out.
 */
import { and, asc, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import { rm } from 'node:fs/promises';
import type { Db, Tx } from '../../../db/client';
import { attachments, type Forum } from '../../../db/schema';
import { hashStatusToken, looksLikeStatusToken, newStatusToken } from '../submissions/status-token';
import { sanitiseFileName } from './file-name';
import type { FileStore } from './file-store';
import { inspectFile, type AttachmentProblem } from './inspect-file';
import type { ReceivedFile } from './receive-upload';

/** How long an uploaded file waits for its input (as long as a draft lives). */
export const HOLD_DAYS = 7;

export interface HeldAttachment {
  /** The hold token: the form sends it back to keep the file. */
  token: string;
  fileName: string;
  kind: string;
  sizeBytes: number;
  sha256: string;
}

export interface RefusedFile {
  fileName: string;
  problem: AttachmentProblem | 'attachment.tooMany' | 'attachment.expired';
}

/**
 * Checks and stores newly uploaded files. `alreadyHeld` files count against the forum's maximum;
 * files beyond it are refused, not silently dropped.
 */
export async function holdUploadedFiles(
  db: Db,
  store: FileStore,
  forum: Pick<Forum, 'id' | 'attachmentRules'>,
  files: ReceivedFile[],
  alreadyHeld: number,
  now = new Date(),
): Promise<{ held: HeldAttachment[]; refused: RefusedFile[] }> {
  const held: HeldAttachment[] = [];
  const refused: RefusedFile[] = [];
  const rules = forum.attachmentRules;
  for (const file of files) {
    if (file.truncated) {
      refused.push({ fileName: sanitiseFileName(file.originalName), problem: 'attachment.tooLarge' });
      continue;
    }
    const inspected = await inspectFile(file.path, file.originalName, rules);
    if (!inspected.ok) {
      refused.push({ fileName: inspected.name, problem: inspected.problem });
      continue;
    }
    if (alreadyHeld + held.length >= rules.maxCount) {
      refused.push({ fileName: inspected.name, problem: 'attachment.tooMany' });
      continue;
    }
    const key = await store.put(file.path);
    const hold = newStatusToken();
    try {
      await db.insert(attachments).values({
        forumId: forum.id,
        holdTokenHash: hold.hash,
        heldUntil: new Date(now.getTime() + HOLD_DAYS * 86_400_000),
        storageKey: key,
        fileName: inspected.name,
        kind: inspected.type,
        mediaType: inspected.mime,
        sizeBytes: inspected.sizeBytes,
        sha256: inspected.sha256,
        position: alreadyHeld + held.length,
      });
    } catch (error) {
      await store.remove(key);
      throw error;
    }
    held.push({ token: hold.token, fileName: inspected.name, kind: inspected.type, sizeBytes: inspected.sizeBytes, sha256: inspected.sha256 });
  }
  return { held, refused };
}

/** Distinct, well-formed tokens from a form (anything else is ignored, never looked up). */
export function readHoldTokens(values: unknown[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && looksLikeStatusToken(v)))];
}

/** The files these tokens still hold in this forum (unclaimed, hold not run out), in form order. */
export async function findHeldAttachments(db: Db | Tx, forumId: string, tokens: string[], now = new Date()): Promise<HeldAttachment[]> {
  if (tokens.length === 0) return [];
  const byHash = new Map(tokens.map((t) => [hashStatusToken(t), t]));
  const rows = await db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.forumId, forumId),
        inArray(attachments.holdTokenHash, [...byHash.keys()]),
        isNull(attachments.submissionId),
        gt(attachments.heldUntil, now),
      ),
    )
    .orderBy(asc(attachments.position), asc(attachments.createdAt));
  return rows.map((r) => ({ token: byHash.get(r.holdTokenHash!)!, fileName: r.fileName, kind: r.kind, sizeBytes: r.sizeBytes, sha256: r.sha256 }));
}

/** The submitter removed these files from the form: they go, bytes and all. */
export async function releaseHeldAttachments(db: Db, store: FileStore, forumId: string, tokens: string[]): Promise<void> {
  if (tokens.length === 0) return;
  const gone = await db
    .delete(attachments)
    .where(and(eq(attachments.forumId, forumId), inArray(attachments.holdTokenHash, tokens.map(hashStatusToken)), isNull(attachments.submissionId)))
    .returning({ key: attachments.storageKey });
  await Promise.all(gone.map((g) => store.remove(g.key)));
}

/** Thrown inside the storing transaction when a file is no longer held, so nothing is stored. */
export class HeldAttachmentsLost extends Error {
  constructor() {
    super('an attached file is no longer held');
  }
}

/**
 * Gives the held files to a submission being stored, inside its transaction. When any of them is
 * no longer held (its hold ran out meanwhile) it throws HeldAttachmentsLost, which rolls the whole
 * transaction back: an input is never stored with fewer files than its sender saw attached.
 */
export async function claimHeldAttachments(tx: Tx, forumId: string, submissionId: string, tokens: string[], now = new Date()): Promise<void> {
  if (tokens.length === 0) return;
  const claimed = await tx
    .update(attachments)
    .set({ submissionId, holdTokenHash: null, heldUntil: null, draftId: null })
    .where(
      and(
        eq(attachments.forumId, forumId),
        inArray(attachments.holdTokenHash, tokens.map(hashStatusToken)),
        isNull(attachments.submissionId),
        gt(attachments.heldUntil, now),
      ),
    )
    .returning({ id: attachments.id });
  if (claimed.length !== tokens.length) throw new HeldAttachmentsLost();
}

/** A saved draft keeps the form's files for as long as the draft lives. */
export async function holdForDraft(db: Db, forumId: string, draftId: string, tokens: string[], until: Date): Promise<void> {
  if (tokens.length === 0) return;
  await db
    .update(attachments)
    .set({ draftId, heldUntil: until })
    .where(and(eq(attachments.forumId, forumId), inArray(attachments.holdTokenHash, tokens.map(hashStatusToken)), isNull(attachments.submissionId)));
}

/**
 * The files of a draft being resumed, under fresh hold tokens for the form: only the tokens'
 * hashes are stored, so the earlier ones cannot be shown again (a form still open elsewhere with
 * the old tokens is told its files must be chosen again).
 */
export async function reissueDraftHolds(db: Db, draftId: string, now = new Date()): Promise<HeldAttachment[]> {
  const rows = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.draftId, draftId), isNull(attachments.submissionId), gt(attachments.heldUntil, now)))
    .orderBy(asc(attachments.position), asc(attachments.createdAt));
  const out: HeldAttachment[] = [];
  for (const row of rows) {
    const hold = newStatusToken();
    await db.update(attachments).set({ holdTokenHash: hold.hash }).where(eq(attachments.id, row.id));
    out.push({ token: hold.token, fileName: row.fileName, kind: row.kind, sizeBytes: row.sizeBytes, sha256: row.sha256 });
  }
  return out;
}

/** Files whose hold ran out, deleted in bounded batches (rows first, so no row points at nothing). */
export async function deleteExpiredHolds(db: Db, store: FileStore, now = new Date(), batch = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const gone = await db
      .delete(attachments)
      .where(
        inArray(
          attachments.id,
          db
            .select({ id: attachments.id })
            .from(attachments)
            .where(and(isNull(attachments.submissionId), lte(attachments.heldUntil, now)))
            .limit(batch),
        ),
      )
      .returning({ key: attachments.storageKey });
    await Promise.all(gone.map((g) => store.remove(g.key)));
    total += gone.length;
    if (gone.length < batch) return total;
  }
}

/** The files of a sent input, in the order they were attached. */
export async function attachmentsOf(db: Db | Tx, submissionId: string) {
  return db
    .select()
    .from(attachments)
    .where(eq(attachments.submissionId, submissionId))
    .orderBy(asc(attachments.position), asc(attachments.createdAt));
}

/** One file of a sent input (staff downloads). */
export async function findAttachmentOf(db: Db, submissionId: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.submissionId, submissionId), eq(attachments.id, attachmentId)));
  return row;
}

/** Temporary upload files are never kept: stored copies live in the file store. */
export async function discardReceivedFiles(files: ReceivedFile[]): Promise<void> {
  await Promise.all(files.map((f) => rm(f.path, { force: true })));
}
