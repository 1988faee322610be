import { fileSizeLabel } from '../attachments/file-size';
import { constituencyLabel } from '../taxonomy/constituencies';
import { countryName } from '../taxonomy/countries';
import { formatList } from '../../i18n/list-format';
import { known, translator } from '../../i18n/translate';
import { DEFAULT_LOCALE, isInterfaceLocale, languageName, pickLabel } from '../taxonomy/locales';
import { objectiveLabel } from '../taxonomy/objectives';
import { principleLabel } from '../taxonomy/principles';
import { regionLabel } from '../taxonomy/regions';
import { submitterTypeLabel } from '../taxonomy/submitter-types';
import type { AuditEvent } from '../../../db/schema';
import { defaultPublishAt } from '../publication/publish-default';
import { staffTime, type StaffInstant } from '../time/format-instant';
import type { loadSubmissionForReview } from './queue';

type Review = NonNullable<Awaited<ReturnType<typeof loadSubmissionForReview>>>;

/** Plain, localised data for the staff detail page (dates as text, labels translated). */
export function reviewView(r: Review, locale: string) {
  const s = r.submission;
  const when = (d: Date) => staffTime(d, locale);
  return {
    id: s.id,
    reference: s.reference,
    forumName: pickLabel(r.forumName, locale),
    submitterType: submitterTypeLabel(s.submitterType, locale),
    contactName: s.contactName,
    personalDataErased: Boolean(s.personalDataErasedAt),
    publishName: s.publishName,
    publishOrganisation: s.publishOrganisation,
    publishAttachments: s.publishAttachments,
    attachments: r.attachments.map((a) => ({ id: a.id, fileName: a.fileName, size: fileSizeLabel(a.sizeBytes, locale), sha256: a.sha256, withheld: Boolean(a.withheldAt) })),
    email: s.email,
    organisation: s.organisation,
    constituency: constituencyLabel(s.constituency, locale),
    country: countryName(s.country, locale),
    region: regionLabel(s.region, locale),
    language: s.language,
    languageName: languageName(s.language, locale),
    objectives: s.objectives.map((o) => objectiveLabel(o, locale)),
    principles: s.principles.map((p) => principleLabel(p, locale)),
    title: s.title,
    summary: s.summary,
    body: s.body,
    receivedAt: when(s.receivedAt),
    contentSha256: s.contentSha256,
    decision: s.decision,
    /** Decisions are open only on a pending, confirmed input its submitter has not withdrawn. */
    decidable: s.decision === 'pending' && !s.withdrawnAt && Boolean(s.emailConfirmedAt),
    withdrawn: Boolean(s.withdrawnAt),
    awaitingConfirmation: !s.emailConfirmedAt,
    decisionReason: s.decisionReason,
    version: s.version,
    rejectionCategory: s.rejectionCategory,
    duplicateOf: r.originalReference && r.originalId ? { id: r.originalId, reference: r.originalReference } : null,
    likelyPersonalData: s.likelyPersonalData,
    claim: r.claimantName && s.claimedUntil ? { by: r.claimantName, mine: false, until: when(s.claimedUntil), staffId: s.claimedBy } : null,
    deliveries: r.deliveries.map((d) => ({ id: d.id, kind: d.kind, sentAt: when(d.sentAt), smtpResponse: d.smtpResponse })),
    // Failed e-mails, and decision e-mails the forum holds until an admin releases them.
    failures: r.failures.map((f) => ({ id: f.id, kind: f.kind, held: !f.failedAt && Boolean(f.heldAt), at: when(f.failedAt ?? f.heldAt!), error: f.lastError ?? '' })),
    versions: r.versions.map((v) => ({ number: v.number, receivedAt: when(v.receivedAt), title: String(v.content.title ?? ''), summary: String(v.content.summary ?? ''), body: String(v.content.body ?? '') })),
    notes: r.notes.map((n) => ({ id: n.note.id, author: n.author, at: when(n.note.createdAt), body: n.note.body })),
    publication: publicationView(s, when),
    /** Staff changed what the public sees (text, name or files); the original above is unchanged. */
    redacted: s.publicTitle !== null || s.publicSummary !== null || s.publicBody !== null || s.nameHidden || r.attachments.some((a) => a.withheldAt),
    /** Near-identical inputs of the same forum (similar-inputs.ts): how many, and the first of them. */
    similar: { total: r.similar.total, shown: r.similar.shown.map((o) => ({ ...o, similarity: Math.round(o.similarity * 100) })) },
    /** What the "publish at" field offers first: the call's close, if still ahead (forum time zone). */
    publishAtDefault: defaultPublishAt({ closesAt: r.forumClosesAt, timeZone: r.forumTimeZone }),
    timeZone: r.forumTimeZone,
    /** Newest first; the id of the newest tells the next decision what this page had seen. */
    audit: r.audit.map(({ event: a, actorName }) => auditEntryView(a, actorName, when, locale)),
    lastAuditId: r.audit[0]?.event.id ?? 0,
  };
}

export type ReviewView = ReturnType<typeof reviewView>;

/** Where an accepted input stands on the public record. */
export function publicationView(s: Pick<Review['submission'], 'publishedAt' | 'publishAt' | 'unpublishedAt' | 'unpublishReason'>, when: (d: Date) => StaffInstant) {
  if (s.publishedAt) return { state: 'published' as const, at: when(s.publishedAt) };
  if (s.publishAt) return { state: 'scheduled' as const, at: when(s.publishAt) };
  if (s.unpublishedAt) return { state: 'withdrawn' as const, at: when(s.unpublishedAt), reason: s.unpublishReason ?? '' };
  return { state: 'none' as const };
}

/**
 * One audit row as staff read it: who, when, what, and the before → after and reason it recorded
 * (a reason for the submitter is shown; contact data is never in an audit row).
 */
export function auditEntryView(a: AuditEvent, actorName: string | null, when: (d: Date) => StaffInstant, locale: string) {
  const d = a.details ?? {};
  const t = translator(isInterfaceLocale(locale) ? locale : DEFAULT_LOCALE);
  const scheduling = a.action === 'submission.publication_scheduled';
  return {
    id: a.id,
    occurredAt: when(a.occurredAt),
    action: a.action,
    late: Boolean(d.late),
    actor: a.actorKind,
    actorName,
    // Decisions record from → to as decision names; a schedule records instants instead.
    from: !scheduling && typeof d.from === 'string' ? d.from : null,
    to: !scheduling && typeof d.to === 'string' ? d.to : null,
    scheduledFor: scheduling && typeof d.to === 'string' ? when(new Date(d.to)) : null,
    /**
     * What a redaction changed (title, summary, body, nameHidden, withheldFiles, restoredFiles), in
     * words listed as the language lists them: made here, on the server, so the page hydrates with it.
     */
    fields: a.action === 'submission.redacted' && d.after && typeof d.after === 'object' ? formatList(locale, Object.keys(d.after).map((f) => known(t, 'publication.field', f))) : '',
    category: typeof d.category === 'string' ? d.category : null,
    reason: typeof d.reason === 'string' ? d.reason : null,
  };
}

export type AuditEntryView = ReturnType<typeof auditEntryView>;
