/**
 * Held uploads against the real database and a real file store: the forum's maximum, claiming by
 * a submission (all or nothing), removal, other forums' tokens, drafts' fresh tokens, and deletion
 * of holds that ran out, bytes and all.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localFileStore } from '../../app/modules/attachments/file-store';
import {
  claimHeldAttachments,
  deleteExpiredHolds,
  findHeldAttachments,
  holdForDraft,
  HeldAttachmentsLost,
  holdUploadedFiles,
  releaseHeldAttachments,
  reissueDraftHolds,
} from '../../app/modules/attachments/held-attachments';
import type { ReceivedFile } from '../../app/modules/attachments/receive-upload';
import { saveDraft } from '../../app/modules/drafts/drafts';
import type { DbHandle } from '../../db/client';
import { attachments, submissions, type Forum } from '../../db/schema';
import { createForum } from '../factories/forums';
import { createTestSubmission, submissionInput } from '../factories/submissions';
import { createSubmission } from '../../app/modules/submissions/create-submission';
import { testDb } from '../helpers/services';

let handle: DbHandle;
let forum: Forum;
let dir: string;
const store = () => localFileStore(path.join(dir, 'files'));
const RULES = { allowedTypes: ['txt', 'pdf'] as const, maxSizeMb: 1, maxCount: 2 };

function upload(name: string, content: string | Buffer, extra: Partial<ReceivedFile> = {}): ReceivedFile {
  const p = path.join(dir, crypto.randomUUID());
  writeFileSync(p, content);
  return { field: 'attachments', path: p, originalName: name, sizeBytes: Buffer.byteLength(content), truncated: false, ...extra };
}

beforeAll(async () => {
  handle = testDb();
  forum = await createForum(handle.db, 'open', { attachmentRules: { ...RULES, allowedTypes: [...RULES.allowedTypes] } });
  dir = mkdtempSync(path.join(inject('dataDir'), 'held-'));
});
afterAll(() => handle.close());

describe('held attachments', () => {
  it('holds checked files up to the forum maximum, naming each refused file and why', async () => {
    const { held, refused } = await holdUploadedFiles(handle.db, store(), forum, [
      upload('ملاحظات.txt', 'نص'),
      upload('fake.pdf', 'not a pdf'),
      upload('big.txt', 'x'.repeat(10), { truncated: true }),
      upload('second.txt', 'two'),
      upload('third.txt', 'three'),
    ], 0);
    expect(held.map((h) => h.fileName)).toEqual(['ملاحظات.txt', 'second.txt']);
    expect(refused).toEqual([
      { fileName: 'fake.pdf', problem: 'attachment.mismatch' },
      { fileName: 'big.txt', problem: 'attachment.tooLarge' },
      { fileName: 'third.txt', problem: 'attachment.tooMany' },
    ]);
    expect(await findHeldAttachments(handle.db, forum.id, held.map((h) => h.token))).toHaveLength(2);
    // Tokens of this forum hold nothing in another.
    const other = await createForum(handle.db, 'open');
    expect(await findHeldAttachments(handle.db, other.id, held.map((h) => h.token))).toEqual([]);
  });

  it('a submission claims all its held files or none; released files lose their bytes', async () => {
    const { held } = await holdUploadedFiles(handle.db, store(), forum, [upload('a.txt', 'a'), upload('b.txt', 'b')], 0);
    const [a, b] = held;
    const rows = await handle.db.select().from(attachments).where(eq(attachments.sha256, b.sha256));
    const bKey = rows.find((r) => r.fileName === 'b.txt')!.storageKey;
    await releaseHeldAttachments(handle.db, store(), forum.id, [b.token]);
    expect(existsSync(path.join(dir, 'files', bKey))).toBe(false);

    const submission = await createTestSubmission(handle.db, forum);
    // One token no longer held: the transaction fails and nothing is claimed.
    await expect(handle.db.transaction(async (tx) => claimHeldAttachments(tx, forum.id, submission.id, [a.token, b.token]))).rejects.toBeInstanceOf(HeldAttachmentsLost);
    expect(await findHeldAttachments(handle.db, forum.id, [a.token])).toHaveLength(1);
    await handle.db.transaction(async (tx) => claimHeldAttachments(tx, forum.id, submission.id, [a.token]));
    const claimed = await handle.db.select().from(attachments).where(eq(attachments.submissionId, submission.id));
    expect(claimed.map((c) => [c.fileName, c.holdTokenHash, c.heldUntil])).toEqual([['a.txt', null, null]]);
    // A claimed file cannot be claimed or released again with its old token.
    expect(await findHeldAttachments(handle.db, forum.id, [a.token])).toEqual([]);
    await releaseHeldAttachments(handle.db, store(), forum.id, [a.token]);
    expect(await handle.db.select().from(attachments).where(eq(attachments.submissionId, submission.id))).toHaveLength(1);
  });

  it('an input whose file is no longer held is not stored at all, and its sender is told', async () => {
    const { held } = await holdUploadedFiles(handle.db, store(), forum, [upload('late.txt', 'late')], 0, new Date(Date.now() - 8 * 86_400_000));
    const key = crypto.randomUUID();
    const result = await createSubmission(handle.db, forum, submissionInput(), { idempotencyKey: key, interfaceLocale: 'ar', attachmentTokens: held.map((h) => h.token) });
    expect(result).toEqual({ ok: false, reason: 'attachments_lost' });
    expect(await handle.db.select().from(submissions).where(eq(submissions.idempotencyKey, key))).toEqual([]);
  });

  it('a draft keeps its files with fresh tokens on every resume; the old ones stop working', async () => {
    const { held } = await holdUploadedFiles(handle.db, store(), forum, [upload('draft.txt', 'draft')], 0);
    const saved = await saveDraft(handle.db, forum, {
      values: { email: 'draft-files@example.org', title: 'Draft' },
      idempotencyKey: crypto.randomUUID(),
      interfaceLocale: 'en',
    });
    if (!saved.ok) throw new Error('draft not saved');
    await holdForDraft(handle.db, forum.id, saved.draftId, held.map((h) => h.token), saved.expiresAt);
    const resumed = await reissueDraftHolds(handle.db, saved.draftId);
    expect(resumed.map((r) => r.fileName)).toEqual(['draft.txt']);
    expect(resumed[0].token).not.toBe(held[0].token);
    expect(await findHeldAttachments(handle.db, forum.id, [held[0].token])).toEqual([]);
    expect(await findHeldAttachments(handle.db, forum.id, [resumed[0].token])).toHaveLength(1);
    const [row] = await handle.db.select().from(attachments).where(eq(attachments.draftId, saved.draftId));
    expect(row.heldUntil?.getTime()).toBe(saved.expiresAt.getTime());
  });

  it('deletes holds that ran out, rows and bytes, and leaves claimed and current files alone', async () => {
    const s = store();
    const { held } = await holdUploadedFiles(handle.db, s, forum, [upload('old.txt', 'old')], 0, new Date(Date.now() - 8 * 86_400_000));
    const { held: fresh } = await holdUploadedFiles(handle.db, s, forum, [upload('fresh.txt', 'fresh')], 0);
    const [old] = await handle.db.select().from(attachments).where(eq(attachments.sha256, held[0].sha256));
    expect(await findHeldAttachments(handle.db, forum.id, [held[0].token])).toEqual([]);
    const deleted = await deleteExpiredHolds(handle.db, s, new Date(), 1);
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(await handle.db.select().from(attachments).where(eq(attachments.id, old.id))).toEqual([]);
    expect(existsSync(path.join(dir, 'files', old.storageKey))).toBe(false);
    expect(await findHeldAttachments(handle.db, forum.id, [fresh[0].token])).toHaveLength(1);
  });
});
