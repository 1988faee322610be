/**
 * The submitter's edit after the secretariat asked for changes. The content received before is
 * kept as a numbered version; the submission then holds the new content, is pending again, and its
 * submitter gets a new receipt. The e-mail address is not editable here: it is the one confirmed.
 */
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { forums, submissionVersions, submissions, type Submission } from '../../../db/schema';
import { recordAudit } from '../audit/record-audit';
import { addOutbox } from '../outbox/add-outbox';
import { contentDigest } from './content-digest';
import type { SubmissionInput } from './submission-input';

/** The fields a version keeps: everything the submitter sent. */
function contentOf(s: Submission) {
  const { submitterType, contactName, email, organisation, constituency, country, region, title, summary, body, language, objectives, principles, publishName, publishOrganisation } = s;
  return { submitterType, contactName, email, organisation, constituency, country, region, title, summary, body, language, objectives, principles, publishName, publishOrganisation };
}

export function canResubmit(s: Pick<Submission, 'decision' | 'withdrawnAt' | 'personalDataErasedAt'>): boolean {
  return s.decision === 'changes_requested' && !s.withdrawnAt && !s.personalDataErasedAt;
}

export async function resubmitSubmission(
  db: Db,
  submissionId: string,
  input: Omit<SubmissionInput, 'email'>,
  statusToken: string,
  now = new Date(),
): Promise<{ ok: true; version: number } | { ok: false }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ s: submissions, forumSlug: forums.slug })
      .from(submissions)
      .innerJoin(forums, eq(forums.id, submissions.forumId))
      .where(eq(submissions.id, submissionId))
      .for('update', { of: submissions });
    if (!row || !canResubmit(row.s)) return { ok: false };
    const current = row.s;
    const [{ kept }] = await tx.select({ kept: count() }).from(submissionVersions).where(eq(submissionVersions.submissionId, submissionId));
    await tx.insert(submissionVersions).values({
      submissionId,
      number: kept + 1,
      content: contentOf(current),
      contentSha256: current.contentSha256,
      receivedAt: current.revisedAt ?? current.receivedAt,
    });
    const next = { ...input, email: current.email, organisation: input.organisation ?? null };
    await tx
      .update(submissions)
      .set({
        ...next,
        contentSha256: contentDigest(row.forumSlug, { ...input, email: current.email }, current.contentSalt),
        decision: 'pending',
        decisionReason: null,
        decidedAt: null,
        decidedBy: null,
        revisedAt: now,
        version: current.version + 1,
        // A public version edited from the earlier text no longer matches: staff start again from the new one.
        publicTitle: null,
        publicSummary: null,
        publicBody: null,
        redactedAt: null,
        // The new text is compared again (find-similar below).
        similarGroup: null,
      })
      .where(eq(submissions.id, submissionId));
    const version = kept + 2;
    await recordAudit(tx, { actorKind: 'submitter', submissionId, action: 'submission.resubmitted', details: { version } });
    await addOutbox(tx, 'acknowledge', { submissionId }, { statusToken });
    await addOutbox(tx, 'find-similar', { submissionId }, {});
    return { ok: true, version };
  });
}
