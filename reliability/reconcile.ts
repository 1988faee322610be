/**
 * Joins what the load generator was told (its ledger) with what the portal recorded (the
 * database), what the mail server received, and the files on disk, and counts every way a promise
 * could have been broken. A clean run has zero in every `defects` count.
 *
 * A duplicate e-mail is tolerated only when every copy carries the same Message-ID: that is the
 * one window the design leaves (a crash or outage between the SMTP server's acceptance and its
 * recording), and the stable Message-ID lets mail systems and people recognise the copy.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { and, asc, eq, inArray, isNotNull, isNull, like, or } from 'drizzle-orm';
import type { Db } from '../db/client';
import { attachments, auditEvents, books, emailDeliveries, outbox, submissions } from '../db/schema';
import type { ReceivedMail } from './fault-smtp';
import type { LedgerEntry } from './load-generator';

export interface Reconciliation {
  defects: {
    lostSubmissions: number;
    duplicateSubmissions: number;
    missingConfirmationEmails: number;
    missingAcknowledgements: number;
    duplicateEmailsWithDifferentMessageIds: number;
    /** Copies with the same Message-ID in a run that killed nothing and broke nothing. */
    resentWithoutCause: number;
    emailsRecordedButNotReceived: number;
    emailsReceivedButNotRecorded: number;
    stuckOutboxRows: number;
    unexpectedFailedWork: number;
    failedWorkNotAudited: number;
    /** An input decided twice (two moderators both won), or claimed by two people at once. */
    doubleDecisions: number;
    overlappingClaims: number;
    missingDecisionEmails: number;
    missingFiles: number;
    orphanedFiles: number;
    leftoverUploads: number;
  };
  figures: {
    arrivals: number;
    answeredWithReference: number;
    refused: Record<string, number>;
    storedWithoutAnswer: number;
    confirmed: number;
    acknowledged: number;
    withFiles: number;
    emailsReceived: number;
    duplicateEmailsSameMessageId: number;
    /**
     * E-mails the server accepted whose recording a crash or outage prevented, and whose resend
     * the server then refused for good: received, and shown as failed (tolerated after faults).
     */
    receivedThenRefusedOnResend: number;
    failedVisibly: number;
    decided: number;
  };
  /** What lies behind non-zero defects, to start the investigation from. */
  details: { stuckOutboxRows: Array<{ id: number; kind: string; attempts: number; lastError: string | null; enqueuedAt: Date | null }>; leftoverUploads: string[] };
}

export interface ReconcileInput {
  db: Db;
  forumId: string;
  ledger: LedgerEntry[];
  mail: ReceivedMail[];
  dataDir: string;
  /** True when the run made the mail server refuse for good (5xx): such work fails visibly. */
  permanentFailuresExpected: boolean;
  /** True when the run injected faults or crash points: only then may an e-mail be sent again. */
  resendsExpected: boolean;
}

const MARKER = /\[(L[^\]]+)\]/;
/** Message-IDs are `<kind.outboxId.subjectId@host>` (workers/deliver-email.ts). */
const MESSAGE_ID = /^<([a-z-]+)\.(\d+)\.([0-9a-f-]+)@/;

export async function reconcile(input: ReconcileInput): Promise<Reconciliation> {
  const { db, forumId, ledger } = input;
  const subs = await db
    .select({ id: submissions.id, reference: submissions.reference, title: submissions.title, confirmedAt: submissions.emailConfirmedAt, decision: submissions.decision })
    .from(submissions)
    .where(eq(submissions.forumId, forumId));
  const ids = subs.map((s) => s.id);
  const byReference = new Map(subs.map((s) => [s.reference, s]));
  const perMarker = new Map<string, number>();
  for (const s of subs) {
    const marker = MARKER.exec(s.title)?.[1] ?? '';
    perMarker.set(marker, (perMarker.get(marker) ?? 0) + 1);
  }
  const answered = ledger.filter((e) => e.reference);
  const lost = answered.filter((e) => {
    const found = byReference.get(e.reference!);
    return !found || MARKER.exec(found.title)?.[1] !== e.marker;
  });
  const answeredMarkers = new Set(answered.map((e) => e.marker));
  const refused: Record<string, number> = {};
  for (const e of ledger.filter((x) => !x.reference)) refused[String(e.status)] = (refused[String(e.status)] ?? 0) + 1;

  const rows = ids.length ? await db.select().from(outbox).where(inArray(outbox.submissionId, ids)) : [];
  const failed = rows.filter((r) => r.failedAt);
  const audited = failed.length
    ? await db
        .select({ submissionId: auditEvents.submissionId })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'email.failed'), inArray(auditEvents.submissionId, failed.map((r) => r.submissionId!))))
    : [];
  const auditedIds = new Set(audited.map((a) => a.submissionId));
  const failedKinds = new Set(failed.map((r) => `${r.kind}:${r.submissionId}`));
  const stuck = await db
    .select({ id: outbox.id, kind: outbox.kind, attempts: outbox.attempts, lastError: outbox.lastError, enqueuedAt: outbox.enqueuedAt })
    .from(outbox)
    .where(and(isNull(outbox.doneAt), isNull(outbox.failedAt), isNull(outbox.heldAt)));
  const deliveries = ids.length ? await db.select().from(emailDeliveries).where(inArray(emailDeliveries.submissionId, ids)) : [];

  // Mail received per (kind, submission), with the Message-IDs of the copies.
  const subjectIds = new Set(ids);
  const copies = new Map<string, string[]>();
  for (const m of input.mail) {
    const parsed = MESSAGE_ID.exec(m.messageId);
    if (!parsed || !subjectIds.has(parsed[3])) continue;
    const key = `${parsed[1]}:${parsed[3]}`;
    copies.set(key, [...(copies.get(key) ?? []), m.messageId]);
  }
  const receivedIds = new Set(input.mail.map((m) => m.messageId));
  const recordedIds = new Set(deliveries.map((d) => d.messageId));
  // Received but never recorded: a defect, unless faults split acceptance from recording and the
  // resend was refused for good, which ended the row as failed (there was nothing to record then).
  const failedOutboxIds = new Set(failed.map((r) => r.id));
  const unrecorded = [...copies.values()].flat().filter((id) => !recordedIds.has(id));
  const refusedOnResend = unrecorded.filter((id) => input.resendsExpected && failedOutboxIds.has(Number(MESSAGE_ID.exec(id)?.[2])));
  let sameId = 0;
  let differentIds = 0;
  for (const list of copies.values()) {
    if (list.length < 2) continue;
    if (new Set(list).size === 1) sameId += list.length - 1;
    else differentIds += list.length - 1;
  }
  const has = (kind: string, id: string) => copies.has(`${kind}:${id}`) || failedKinds.has(`${kind}:${id}`);

  const files = await fileChecks(db, forumId, input.dataDir);
  const moderation = await moderationChecks(db, ids);
  const decided = subs.filter((s) => s.decision !== 'pending');
  return {
    defects: {
      lostSubmissions: lost.length,
      duplicateSubmissions: [...perMarker.values()].reduce((n, c) => n + c - 1, 0),
      missingConfirmationEmails: subs.filter((s) => !has('confirm-email', s.id)).length,
      missingAcknowledgements: subs.filter((s) => s.confirmedAt && !has('acknowledge', s.id)).length,
      duplicateEmailsWithDifferentMessageIds: differentIds,
      resentWithoutCause: input.resendsExpected ? 0 : sameId,
      emailsRecordedButNotReceived: deliveries.filter((d) => !receivedIds.has(d.messageId)).length,
      emailsReceivedButNotRecorded: unrecorded.length - refusedOnResend.length,
      stuckOutboxRows: stuck.length,
      unexpectedFailedWork: input.permanentFailuresExpected ? 0 : failed.length,
      failedWorkNotAudited: failed.filter((r) => !auditedIds.has(r.submissionId)).length,
      doubleDecisions: moderation.doubleDecisions,
      overlappingClaims: moderation.overlappingClaims,
      missingDecisionEmails: decided.filter((s) => !has('decision-email', s.id)).length,
      missingFiles: files.missingFiles,
      orphanedFiles: files.orphanedFiles,
      leftoverUploads: files.leftoverUploads.length,
    },
    figures: {
      arrivals: ledger.length,
      answeredWithReference: answered.length,
      refused,
      storedWithoutAnswer: subs.filter((s) => !answeredMarkers.has(MARKER.exec(s.title)?.[1] ?? '')).length,
      confirmed: subs.filter((s) => s.confirmedAt).length,
      acknowledged: subs.filter((s) => copies.has(`acknowledge:${s.id}`)).length,
      withFiles: ledger.filter((e) => e.withFile && e.reference).length,
      emailsReceived: [...copies.values()].flat().length,
      duplicateEmailsSameMessageId: sameId,
      receivedThenRefusedOnResend: refusedOnResend.length,
      failedVisibly: failed.length,
      decided: decided.length,
    },
    details: { stuckOutboxRows: stuck, leftoverUploads: files.leftoverUploads },
  };
}

/**
 * From the audit log, which records every claim and decision in order: inputs decided more than
 * once, and claims taken by someone while another person's claim was still open.
 */
async function moderationChecks(db: Db, ids: string[]) {
  const events = ids.length
    ? await db
        .select({ submissionId: auditEvents.submissionId, action: auditEvents.action, staffId: auditEvents.actorStaffId })
        .from(auditEvents)
        .where(and(inArray(auditEvents.submissionId, ids), or(like(auditEvents.action, 'decision.%'), like(auditEvents.action, 'claim.%'))))
        .orderBy(asc(auditEvents.id))
    : [];
  const decisions = new Map<string, number>();
  const holder = new Map<string, string | null>();
  let overlappingClaims = 0;
  for (const e of events) {
    const id = e.submissionId!;
    if (e.action.startsWith('decision.')) {
      decisions.set(id, (decisions.get(id) ?? 0) + 1);
      holder.set(id, null); // a decision ends the claim
    } else if (e.action === 'claim.released') holder.set(id, null);
    else if (e.action === 'claim.taken') {
      const current = holder.get(id);
      if (current && current !== e.staffId) overlappingClaims++;
      holder.set(id, e.staffId);
    }
  }
  return { doubleDecisions: [...decisions.values()].filter((n) => n > 1).length, overlappingClaims };
}

/** Every attachment's bytes are on disk and match their SHA-256; nothing else is left there. */
async function fileChecks(db: Db, forumId: string, dataDir: string) {
  const root = path.join(dataDir, 'files');
  const ours = await db.select({ key: attachments.storageKey, sha256: attachments.sha256 }).from(attachments).where(eq(attachments.forumId, forumId));
  const missingFiles = ours.filter((a) => {
    const file = path.join(root, a.key);
    return !existsSync(file) || createHash('sha256').update(readFileSync(file)).digest('hex') !== a.sha256;
  }).length;
  const known = new Set([
    ...(await db.select({ key: attachments.storageKey }).from(attachments)).map((r) => r.key),
    ...(await db.select({ key: books.fileKey }).from(books).where(isNotNull(books.fileKey))).map((r) => r.key!),
  ]);
  const onDisk = existsSync(root) ? readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.relative(root, path.join(d.parentPath, d.name))) : [];
  const uploads = path.join(dataDir, 'tmp', 'uploads');
  const leftoverUploads = existsSync(uploads) ? readdirSync(uploads) : [];
  return { missingFiles, orphanedFiles: onDisk.filter((key) => !known.has(key)).length, leftoverUploads };
}
