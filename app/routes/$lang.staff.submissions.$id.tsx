import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import type { ShouldRevalidateFunction } from '@remix-run/react';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CsrfField } from '../components/CsrfField';
import { Instant } from '../components/Instant';
import { Interpolate } from '../components/Interpolate';
import { ListOf } from '../components/ListOf';
import { DecisionPanel, decisionSummary } from '../components/DecisionPanel';
import { ErrorSummary } from '../components/form-fields';
import { AuditEntry, ReviewHistory } from '../components/ReviewHistory';
import { SubmissionDetails } from '../components/SubmissionDetails';
import { listParts } from '../i18n/list-format';
import { DECISION_INTENTS, readDecision, staffTextProblem, type DecisionFormProblems, type DecisionIntent } from '../lib/decision-form.server';
import { requireForumAccess, requireStaff, requireStaffForm } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { useLocale } from '../lib/route-locale';
import { claimSubmission, releaseClaim } from '../modules/moderation/claims';
import { decide } from '../modules/moderation/decide';
import { addStaffNote } from '../modules/moderation/notes';
import { auditSince, findInputInSameForum, loadSubmissionForReview, submissionForumId } from '../modules/moderation/queue';
import { auditEntryView, reviewView } from '../modules/moderation/review-view';
import { staffTime } from '../modules/time/format-instant';
import { isUuid } from '../modules/ids/uuid';
import { findForumById } from '../modules/forums/forum-queries';
import { markGroupDuplicates } from '../modules/moderation/similar-inputs';
import { parseBulkItems } from '../modules/moderation/bulk-decide';
import { SimilarInputs } from '../components/SimilarInputs';
import { PublicationSummary } from '../components/PublicationSummary';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const staff = await requireStaff(request, context, locale);
  const found = isUuid(params.id) ? await loadSubmissionForReview(context.db, params.id) : undefined;
  if (!found) throw new Response('Not found', { status: 404 });
  requireForumAccess(staff, found.submission.forumId, locale);
  const review = reviewView(found, locale);
  return {
    review: { ...review, claim: review.claim ? { ...review.claim, mine: review.claim.staffId === staff.id } : null },
    isAdmin: staff.role === 'admin',
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.review.reference ?? '' }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { staff, form } = await requireStaffForm(request, context, locale);
  const submissionId = params.id;
  const forumId = isUuid(submissionId) ? await submissionForumId(context.db, submissionId) : undefined;
  if (!forumId || !isUuid(submissionId)) throw new Response('Not found', { status: 404 });
  requireForumAccess(staff, forumId, locale);
  const back = redirect(`/${locale}/staff/submissions/${submissionId}`);
  const intent = String(form.get('intent') ?? '');

  if (intent === 'claim' || intent === 'release') {
    const done = intent === 'claim'
      ? await claimSubmission(context.db, { submissionId, staffId: staff.id })
      : await releaseClaim(context.db, { submissionId, staffId: staff.id, anyone: staff.role === 'admin' });
    return done.ok ? back : data({ problem: 'claim' as const }, { status: 409 });
  }
  if (intent === 'note') {
    const body = String(form.get('note') ?? '').trim();
    const error = staffTextProblem(body);
    if (error) return data({ problem: 'note' as const, error }, { status: 400 });
    await addStaffNote(context.db, { submissionId, staffId: staff.id, body });
    return back;
  }
  if (intent === 'group-duplicates') {
    // The others of this input's group become duplicates of it, each with the version shown.
    const items = parseBulkItems(form.getAll('item').map(String));
    if (items.length === 0) return data({ problem: 'none_selected' as const }, { status: 400 });
    const grouped = await markGroupDuplicates(context.db, { originalId: submissionId, staffId: staff.id, items });
    return data({ problem: null, grouped: { marked: grouped.marked, skipped: listParts(locale, grouped.skipped) } });
  }
  if (!(DECISION_INTENTS as readonly string[]).includes(intent)) return data({ problem: 'invalid' as const }, { status: 400 });
  const expectedVersion = Number(form.get('version'));
  const seen = Number(form.get('seen') ?? 0);
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 1 || expectedVersion > 2_147_483_647) return data({ problem: 'invalid' as const }, { status: 400 });
  const read = await readDecision(form, intent as DecisionIntent, {
    findOriginal: (reference) => findInputInSameForum(context.db, submissionId, reference),
    timeZone: (await findForumById(context.db, forumId))?.timeZone ?? 'UTC',
  });
  // The text reaches the submitter by e-mail and the status page: kept as written, never broken.
  if (!read.ok) return data({ problem: 'fields' as const, fields: read.problems }, { status: 400 });
  const result = await decide(context.db, { submissionId, expectedVersion, staffId: staff.id, request: read.request });
  if (result.ok) return back;
  if (result.reason === 'not_found') throw new Response('Not found', { status: 404 });
  if (result.reason === 'invalid_original') {
    const fields: DecisionFormProblems = { errors: [{ field: 'original', error: 'error.invalid' }], values: { original: String(form.get('original') ?? '') } };
    return data({ problem: 'fields' as const, fields }, { status: 400 });
  }
  if (result.reason === 'claimed') return data({ problem: 'claimed' as const, by: result.claimedBy }, { status: 409 });
  // Someone else changed it meanwhile: say what happened since this page was opened.
  const since = await auditSince(context.db, submissionId, Number.isSafeInteger(seen) && seen > 0 ? seen : 0);
  const changes = since.map((a) => auditEntryView(a.event, a.actorName, (d) => staffTime(d, locale), locale));
  return data({ problem: 'stale' as const, changes }, { status: 409 });
}

// Remix does not reload a page's data after a refused (4xx) action unless told: after a decision
// lost to someone else's, the page must show the input as it now is.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) => {
  const problem = (actionResult as { problem?: string } | undefined)?.problem;
  return problem === 'stale' || problem === 'claimed' ? true : defaultShouldRevalidate;
};

export default function ReviewSubmission() {
  const { review, isAdmin } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { locale, t } = useLocale();
  const fields = result?.problem === 'fields' ? result.fields : undefined;
  // A refused decision or note: its problems first, each linked to its field further down.
  const problems = [
    ...decisionSummary(fields, t, review.timeZone),
    ...(result?.problem === 'note' ? [{ field: 'note', label: t('staff.detail.addNote'), message: t(result.error) }] : []),
  ];
  return (
    <>
      <p><Link to={`/${locale}/staff`}>{t('staff.detail.back')}</Link></p>
      <ErrorSummary title={t('form.errorSummary', { count: problems.length })} errors={problems} />
      {result?.problem === 'stale' ? (
        <div className="notice notice-error" role="alert">
          <p>{t('staff.detail.stale')}</p>
          <ul>{result.changes.map((a) => <AuditEntry key={a.id} a={a} />)}</ul>
        </div>
      ) : null}
      {result?.problem === 'claimed' ? <p className="notice notice-error" role="alert">{t('staff.detail.claimedByOther', { name: result.by })}</p> : null}
      {review.claim ? (
        <Form method="post" className="notice" role="status">
          <CsrfField />
          {review.claim.mine
            ? <Interpolate template={t('staff.detail.claimedByYou')} values={{ until: <Instant at={review.claim.until} /> }} />
            : <Interpolate template={t('staff.detail.claimedBy')} values={{ name: review.claim.by, until: <Instant at={review.claim.until} /> }} />}{' '}
          {review.claim.mine || isAdmin ? <button className="link-button" type="submit" name="intent" value="release">{t('staff.detail.release')}</button> : null}
        </Form>
      ) : review.decidable ? (
        <Form method="post">
          <CsrfField />
          <button className="button button-secondary" type="submit" name="intent" value="claim">{t('staff.detail.claim')}</button>
        </Form>
      ) : null}
      {review.likelyPersonalData ? <p className="notice">{t('staff.detail.personalDataHint')}</p> : null}
      {result && 'grouped' in result && result.grouped ? (
        <div className="notice" role="status">
          <p>{t('similar.marked', { count: result.grouped.marked })}</p>
          {result.grouped.skipped.length ? <p>{t('similar.skipped')}: <ListOf parts={result.grouped.skipped} dir="ltr" /></p> : null}
        </div>
      ) : null}
      {result?.problem === 'none_selected' ? <p className="notice notice-error" role="alert">{t('staff.bulk.noneSelected')}</p> : null}
      <SubmissionDetails review={review} />
      <SimilarInputs review={review} />
      <PublicationSummary review={review} />
      <h2>{t('staff.detail.decision')}</h2>
      {review.withdrawn ? <p className="notice">{t('staff.detail.withdrawn')}</p> : null}
      {review.awaitingConfirmation && !review.withdrawn ? <p className="notice">{t('staff.detail.unconfirmed')}</p> : null}
      {review.decidable ? (
        <DecisionPanel review={review} problems={fields} />
      ) : review.decision === 'pending' ? null : (
        <p>
          {t('staff.detail.decided', { decision: t(`decision.${review.decision}`) })}
          {review.rejectionCategory ? <> · {t(`rejection.${review.rejectionCategory}`)}</> : null}
          {review.decisionReason ? <>: <bdi>{review.decisionReason}</bdi></> : null}
          {review.duplicateOf ? <> · <Link to={`/${locale}/staff/submissions/${review.duplicateOf.id}`}><bdi>{review.duplicateOf.reference}</bdi></Link></> : null}
        </p>
      )}
      <ReviewHistory review={review} noteError={result?.problem === 'note' ? result.error : undefined} />
    </>
  );
}
