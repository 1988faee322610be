import { fileSizeLabel } from '../attachments/file-size';
import { constituencyLabel } from '../taxonomy/constituencies';
import { countryName } from '../taxonomy/countries';
import { languageName, pickLabel } from '../taxonomy/locales';
import { objectiveLabel } from '../taxonomy/objectives';
import { principleLabel } from '../taxonomy/principles';
import { regionLabel } from '../taxonomy/regions';
import { submitterTypeLabel } from '../taxonomy/submitter-types';
import type { loadSubmissionForReview } from './queue';

type Review = NonNullable<Awaited<ReturnType<typeof loadSubmissionForReview>>>;

/** Plain, localised data for the staff detail page (dates as text, labels translated). */
export function reviewView(r: Review, locale: string) {
  const s = r.submission;
  const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
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
    attachments: r.attachments.map((a) => ({ id: a.id, fileName: a.fileName, size: fileSizeLabel(a.sizeBytes, locale), sha256: a.sha256 })),
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
    deliveries: r.deliveries.map((d) => ({ id: d.id, kind: d.kind, sentAt: when(d.sentAt), smtpResponse: d.smtpResponse })),
    audit: r.audit.map((a) => ({ id: a.id, occurredAt: when(a.occurredAt), action: a.action, late: Boolean(a.details?.late), actor: a.actorKind })),
  };
}

export type ReviewView = ReturnType<typeof reviewView>;
