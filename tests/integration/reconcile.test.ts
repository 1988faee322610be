/**
 * The reconciler is the oracle of the reliability suites: it must see every kind of broken
 * promise, or a green reliability run would prove nothing. Each defect is planted here on purpose
 * in a database of its own, and each must be counted exactly.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, type DbHandle } from '../../db/client';
import { attachments, emailDeliveries, outbox, submissions } from '../../db/schema';
import { recordAudit } from '../../app/modules/audit/record-audit';
import { upsertStaffUser } from '../../app/modules/staff/staff-accounts';
import { reconcile } from '../../reliability/reconcile';
import { personalDataInLogs } from '../../reliability/personal-data-scan';
import type { LedgerEntry } from '../../reliability/load-generator';
import type { ReceivedMail } from '../../reliability/fault-smtp';
import { createForum } from '../factories/forums';
import { createTestSubmission } from '../factories/submissions';
import { isolatedStack } from '../helpers/isolated-stack';
import { REDIS_DB } from '../helpers/redis-databases';

let handle: DbHandle;
beforeAll(async () => {
  handle = createDb((await isolatedStack(REDIS_DB.reconcile)).databaseUrl, { max: 2 });
});
afterAll(() => handle.close());

const entry = (marker: string, reference?: string): LedgerEntry => ({ marker, email: `${marker}@example.org`, locale: 'en', withFile: false, attempts: 1, status: reference ? 302 : 0, reference });
const mail = (kind: string, outboxId: number, subjectId: string): ReceivedMail => ({ messageId: `<${kind}.${outboxId}.${subjectId}@127.0.0.1>`, to: 'x@example.org', subject: '', text: '', receivedAt: 0 });

describe('the reconciler', () => {
  it('counts each planted defect, and tolerates a resend only with the same Message-ID', async () => {
    const db = handle.db;
    const forum = await createForum(db);
    const make = (marker: string) => createTestSubmission(db, forum, { title: `Input [${marker}]` });
    const [a, b, doubled] = [await make('Lt-0'), await make('Lt-1'), await make('Lt-0')];
    const rowOf = async (id: string, kind: string) => (await db.select().from(outbox).where(and(eq(outbox.submissionId, id), eq(outbox.kind, kind))))[0];

    // `a`: confirmation received twice with one Message-ID (tolerated), acknowledgement twice with two (a defect).
    const aConfirm = await rowOf(a.id, 'confirm-email');
    const aAck = await rowOf(a.id, 'acknowledge');
    const received = [mail('confirm-email', aConfirm.id, a.id), mail('confirm-email', aConfirm.id, a.id), mail('acknowledge', aAck.id, a.id), mail('acknowledge', aAck.id + 1000, a.id)];
    // The doubled input's e-mails all arrived, once each; `b` got nothing (missing both).
    const dConfirm = await rowOf(doubled.id, 'confirm-email');
    const dAck = await rowOf(doubled.id, 'acknowledge');
    received.push(mail('confirm-email', dConfirm.id, doubled.id), mail('acknowledge', dAck.id, doubled.id));
    // A delivery recorded that the mail server never received.
    await db.insert(emailDeliveries).values({ outboxId: (await rowOf(b.id, 'confirm-email')).id, submissionId: b.id, kind: 'confirm-email', messageId: '<never-arrived@127.0.0.1>', smtpResponse: '250 OK' });

    // Files: one attachment whose bytes are gone, one file nobody refers to, one upload left behind.
    const dataDir = mkdtempSync(path.join(inject('dataDir'), 'reconcile-'));
    await db.insert(attachments).values({ forumId: forum.id, submissionId: a.id, storageKey: 'ab/0123456789abcdef0123456789abcdef', fileName: 'gone.pdf', kind: 'pdf', mediaType: 'application/pdf', sizeBytes: 3, sha256: '0'.repeat(64) });
    mkdirSync(path.join(dataDir, 'files', 'cd'), { recursive: true });
    writeFileSync(path.join(dataDir, 'files', 'cd', 'fedcba9876543210fedcba9876543210'), 'orphan');
    mkdirSync(path.join(dataDir, 'tmp', 'uploads'), { recursive: true });
    writeFileSync(path.join(dataDir, 'tmp', 'uploads', 'half-read'), 'x');

    // Moderation: `a` decided twice, `b` claimed by two people at once and decided without its e-mail.
    const [x, y] = await Promise.all(['x', 'y'].map((n) => upsertStaffUser(db, { email: `${n}-${crypto.randomUUID().slice(0, 6)}@un.example`, displayName: n, role: 'moderator', password: 'a long and unguessable passphrase' })));
    await db.transaction((tx) => recordAudit(tx, { actorKind: 'staff', actorStaffId: x.id, submissionId: a.id, action: 'decision.accepted' }));
    await db.transaction((tx) => recordAudit(tx, { actorKind: 'staff', actorStaffId: y.id, submissionId: a.id, action: 'decision.rejected' }));
    await db.transaction((tx) => recordAudit(tx, { actorKind: 'staff', actorStaffId: x.id, submissionId: b.id, action: 'claim.taken' }));
    await db.transaction((tx) => recordAudit(tx, { actorKind: 'staff', actorStaffId: y.id, submissionId: b.id, action: 'claim.taken' }));
    await db.update(submissions).set({ decision: 'spam', decidedAt: new Date() }).where(eq(submissions.id, b.id));

    const result = await reconcile({
      db,
      forumId: forum.id,
      // `a` and `b` were answered; a third arrival was told a reference that was never stored.
      ledger: [entry('Lt-0', a.reference), entry('Lt-1', b.reference), entry('Lt-2', 'NOPE-0001')],
      mail: received,
      dataDir,
      permanentFailuresExpected: false,
      resendsExpected: true,
    });
    const pending = await db.select().from(outbox);
    expect(result.defects).toEqual({
      lostSubmissions: 1,
      duplicateSubmissions: 1,
      missingConfirmationEmails: 1,
      missingAcknowledgements: 1,
      duplicateEmailsWithDifferentMessageIds: 1,
      resentWithoutCause: 0,
      emailsRecordedButNotReceived: 1,
      emailsReceivedButNotRecorded: 6,
      stuckOutboxRows: pending.length,
      unexpectedFailedWork: 0,
      failedWorkNotAudited: 0,
      doubleDecisions: 1,
      overlappingClaims: 1,
      missingDecisionEmails: 1,
      missingFiles: 1,
      orphanedFiles: 1,
      leftoverUploads: 1,
    });
    expect(result.figures).toMatchObject({ arrivals: 3, answeredWithReference: 3, storedWithoutAnswer: 0, confirmed: 3, duplicateEmailsSameMessageId: 1 });
    // In a run that broke nothing, even a same-Message-ID copy is a defect.
    const calm = await reconcile({ db, forumId: forum.id, ledger: [], mail: received, dataDir, permanentFailuresExpected: false, resendsExpected: false });
    expect(calm.defects.resentWithoutCause).toBe(1);
  });

  it('tolerates an e-mail received but not recorded only after faults, and only when its resend was refused for good', async () => {
    const db = handle.db;
    const forum = await createForum(db);
    const c = await createTestSubmission(db, forum, { title: 'Input [Lt-9]' });
    const [row] = await db.select().from(outbox).where(and(eq(outbox.submissionId, c.id), eq(outbox.kind, 'confirm-email')));
    const dataDir = mkdtempSync(path.join(inject('dataDir'), 'reconcile-'));
    // Accepted by the mail server, its recording lost to a crash, then its resend refused (5xx).
    const received = [mail('confirm-email', row.id, c.id)];
    const run = (resendsExpected: boolean) => reconcile({ db, forumId: forum.id, ledger: [entry('Lt-9', c.reference)], mail: received, dataDir, permanentFailuresExpected: true, resendsExpected });
    expect((await run(true)).defects.emailsReceivedButNotRecorded).toBe(1);
    await db.update(outbox).set({ failedAt: new Date(), lastError: '550 No such mailbox' }).where(eq(outbox.id, row.id));
    const afterFaults = await run(true);
    expect(afterFaults.defects.emailsReceivedButNotRecorded).toBe(0);
    expect(afterFaults.figures.receivedThenRefusedOnResend).toBe(1);
    // In a run that broke nothing, the same is a defect.
    expect((await run(false)).defects.emailsReceivedButNotRecorded).toBe(1);
  });

  it('finds a submitter’s address or name in any process’s output', () => {
    const logs = mkdtempSync(path.join(inject('dataDir'), 'logs-'));
    writeFileSync(path.join(logs, 'web-0.log'), '{"level":"info","msg":"listening"}\n');
    writeFileSync(path.join(logs, 'worker-1.log'), '{"level":"error","msg":"could not send to load-ab12-7@example.org"}\n{"msg":"ready"}\n');
    expect(personalDataInLogs(logs, ['@example.org', 'أمينة حداد'])).toEqual(['worker-1.log: {"level":"error","msg":"could not send to load-ab12-7@example.org"}']);
  });
});
