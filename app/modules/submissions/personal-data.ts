/**
 * The submitter's rights over their data, exercised with the status link: a copy of everything
 * held about the input, and erasure of the personal data in it (name, e-mail address,
 * organisation). Erasure keeps the input's text and its audit trail (append-only); an undecided
 * input is withdrawn with it, since the secretariat could no longer write to its author.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { attachments, auditEvents, drafts, emailDeliveries, forums, outbox, publicationPdfs, receipts, submissionVersions, submissions } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { addOutbox } from '../outbox/add-outbox';
import { retireBooks } from '../publication/retire-books';
import { unlinkedDigestFields, unlinkVersionDigests } from './unlink-digest';

/** Everything held about one submission, for its submitter (staff identities left out). */
export async function exportSubmitterData(db: Db, submissionId: string, now = new Date()) {
  const [row] = await db
    .select({ s: submissions, forumSlug: forums.slug, forumName: forums.name })
    .from(submissions)
    .innerJoin(forums, eq(forums.id, submissions.forumId))
    .where(eq(submissions.id, submissionId));
  if (!row) return undefined;
  const { s } = row;
  const [emails, history, versions, files] = await Promise.all([
    db
      .select({ kind: emailDeliveries.kind, sentAt: emailDeliveries.sentAt, messageId: emailDeliveries.messageId })
      .from(emailDeliveries)
      .where(eq(emailDeliveries.submissionId, submissionId))
      .orderBy(asc(emailDeliveries.sentAt)),
    db
      .select({ occurredAt: auditEvents.occurredAt, action: auditEvents.action, actor: auditEvents.actorKind })
      .from(auditEvents)
      .where(eq(auditEvents.submissionId, submissionId))
      .orderBy(asc(auditEvents.id)),
    db
      .select({ number: submissionVersions.number, receivedAt: submissionVersions.receivedAt, content: submissionVersions.content, contentSha256: submissionVersions.contentSha256 })
      .from(submissionVersions)
      .where(eq(submissionVersions.submissionId, submissionId))
      .orderBy(asc(submissionVersions.number)),
    db
      .select({
        fileName: attachments.fileName,
        mediaType: attachments.mediaType,
        sizeBytes: attachments.sizeBytes,
        sha256: attachments.sha256,
        withheldFromPublication: sql<boolean>`${attachments.withheldAt} is not null`,
      })
      .from(attachments)
      .where(eq(attachments.submissionId, submissionId))
      .orderBy(asc(attachments.position), asc(attachments.createdAt)),
  ]);
  return {
    exportedAt: now.toISOString(),
    forum: { slug: row.forumSlug, name: row.forumName },
    submission: {
      reference: s.reference,
      submitterType: s.submitterType,
      contactName: s.contactName,
      email: s.email,
      organisation: s.organisation,
      constituency: s.constituency,
      country: s.country,
      region: s.region,
      language: s.language,
      title: s.title,
      summary: s.summary,
      body: s.body,
      objectives: s.objectives,
      principles: s.principles,
      publication: { name: s.publishName, organisation: s.publishOrganisation, attachments: s.publishAttachments },
      interfaceLanguage: s.interfaceLocale,
      contentSha256: s.contentSha256,
      receivedAt: s.receivedAt,
      emailConfirmedAt: s.emailConfirmedAt,
      decision: s.decision,
      decisionReason: s.decisionReason,
      decidedAt: s.decidedAt,
      publishedAt: s.publishedAt,
      scheduledPublicationAt: s.publishAt,
      // What the public record shows instead of the text above, where the secretariat edited it.
      publicVersion:
        s.publicTitle !== null || s.publicSummary !== null || s.publicBody !== null || s.nameHidden
          ? { title: s.publicTitle ?? s.title, summary: s.publicSummary ?? s.summary, body: s.publicBody ?? s.body, nameHidden: s.nameHidden }
          : null,
      withdrawnFromPublicationAt: s.unpublishedAt,
      withdrawnFromPublicationReason: s.unpublishReason,
      withdrawnAt: s.withdrawnAt,
      personalDataErasedAt: s.personalDataErasedAt,
    },
    attachments: files,
    earlierVersions: versions,
    emails,
    history,
  };
}

export type ErasureResult = { erased: true; withdrawn: boolean } | { erased: false };

/** Erases the personal data of one submission, once; pending e-mails to the address are cancelled. */
export async function erasePersonalData(db: Db, submissionId: string, now = new Date()): Promise<ErasureResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ email: submissions.email, forumId: submissions.forumId, publishedAt: submissions.publishedAt })
      .from(submissions)
      .where(and(eq(submissions.id, submissionId), isNull(submissions.personalDataErasedAt)))
      .for('update');
    if (!before) return { erased: false };
    const [row] = await tx
      .update(submissions)
      .set({
        contactName: '',
        email: '',
        organisation: null,
        publishName: false,
        publishOrganisation: false,
        // Without its salt, the digest left on the row can no longer be tested against guesses
        // (an input from before salts loses the digest itself).
        ...unlinkedDigestFields,
        personalDataErasedAt: now,
        withdrawnAt: sql`case when ${submissions.decision} = 'pending' then coalesce(${submissions.withdrawnAt}, ${now.toISOString()}::timestamptz) else ${submissions.withdrawnAt} end`,
        version: sql`${submissions.version} + 1`,
      })
      .where(and(eq(submissions.id, submissionId), isNull(submissions.personalDataErasedAt)))
      .returning({ withdrawnAt: submissions.withdrawnAt });
    if (!row) return { erased: false };
    const withdrawn = row.withdrawnAt?.getTime() === now.getTime();
    // Receipts print the contact data: they go (the digests on them stay in the audit trail).
    await tx.delete(receipts).where(eq(receipts.submissionId, submissionId));
    // Earlier versions held the same contact data.
    await tx
      .update(submissionVersions)
      .set({ content: sql`${submissionVersions.content} - 'contactName' - 'email' - 'organisation'` })
      .where(eq(submissionVersions.submissionId, submissionId));
    await unlinkVersionDigests(tx, [submissionId]);
    await tx
      .update(outbox)
      .set({ doneAt: now, payload: {}, lastError: 'cancelled: personal data erased' })
      .where(and(eq(outbox.submissionId, submissionId), isNull(outbox.doneAt), isNull(outbox.failedAt)));
    // Drafts the same person keeps for this call hold the same address: they end too, and their
    // held files are let go at once (the worker deletes them with their bytes).
    if (before.email) {
      const closed = await tx
        .update(drafts)
        .set({ closedAt: now, email: '', values: {} })
        .where(and(eq(drafts.forumId, before.forumId), sql`lower(${drafts.email}) = lower(${before.email})`, isNull(drafts.closedAt)))
        .returning({ id: drafts.id });
      if (closed.length > 0) {
        const draftIds = closed.map((d) => d.id);
        await tx
          .update(attachments)
          .set({ heldUntil: now })
          .where(and(inArray(attachments.draftId, draftIds), isNull(attachments.submissionId)));
        // A draft's link still waiting to be mailed would go to the same address.
        await tx
          .update(outbox)
          .set({ doneAt: now, payload: {}, lastError: 'cancelled: personal data erased' })
          .where(and(inArray(outbox.draftId, draftIds), isNull(outbox.doneAt), isNull(outbox.failedAt)));
      }
    }
    // A published input's PDF may print the name or organisation: it goes now, and is made again
    // without them. Books of inputs that printed them are retired (their files deleted).
    await tx.delete(publicationPdfs).where(eq(publicationPdfs.submissionId, submissionId));
    if (before.publishedAt) {
      await addOutbox(tx, 'render-publication', { submissionId }, {});
      await retireBooks(tx, { forumId: before.forumId, submissionId });
    }
    await recordAudit(tx, { actorKind: 'submitter', submissionId, action: 'personal_data.erased', details: { withdrawn } });
    if (withdrawn) await recordAudit(tx, { actorKind: 'submitter', submissionId, action: 'submission.withdrawn', details: { reason: 'personal_data_erased' } });
    return { erased: true, withdrawn };
  });
}
