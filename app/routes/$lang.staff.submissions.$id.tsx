import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CsrfField } from '../components/CsrfField';
import { SubmissionDetails } from '../components/SubmissionDetails';
import { requireForumAccess, requireStaff, requireStaffForm } from '../lib/staff-auth.server';
import { requireLocale, useLocale } from '../lib/route-locale';
import { isMessageKey } from '../i18n/translate';
import { hasControlCharacters } from '../modules/submissions/submission-input';
import { countCharacters } from '../modules/submissions/text-measure';
import { decide, type DecisionRequest } from '../modules/moderation/decide';
import { loadSubmissionForReview, submissionForumId } from '../modules/moderation/queue';
import { reviewView } from '../modules/moderation/review-view';
import { isUuid } from '../modules/ids/uuid';


export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const staff = await requireStaff(request, context, locale);
  const found = isUuid(params.id) ? await loadSubmissionForReview(context.db, params.id) : undefined;
  if (!found) throw new Response('Not found', { status: 404 });
  requireForumAccess(staff, found.submission.forumId);
  return { review: reviewView(found, locale) };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.review.reference ?? '' }];

/** What is wrong with a reason or a message for the submitter, if anything. */
function staffTextProblem(text: string): 'error.required' | 'error.invalidCharacters' | 'error.tooLong' | undefined {
  if (text.length === 0) return 'error.required';
  if (hasControlCharacters(text)) return 'error.invalidCharacters';
  if (countCharacters(text) > 5_000) return 'error.tooLong';
  return undefined;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { staff, form } = await requireStaffForm(request, context, locale);
  const submissionId = params.id;
  const forumId = isUuid(submissionId) ? await submissionForumId(context.db, submissionId) : undefined;
  if (!forumId || !isUuid(submissionId)) throw new Response('Not found', { status: 404 });
  requireForumAccess(staff, forumId);
  const expectedVersion = Number(form.get('version'));
  const intent = form.get('intent');
  const reason = String(form.get('reason') ?? '').trim();
  if (!Number.isSafeInteger(expectedVersion) || expectedVersion < 1 || expectedVersion > 2_147_483_647) return data({ problem: 'invalid' as const }, { status: 400 });
  const message = String(form.get('message') ?? '').trim();
  // The text reaches the submitter by e-mail and the status page: kept as written, never broken.
  const field = intent === 'reject' ? ('reason' as const) : intent === 'changes' ? ('message' as const) : undefined;
  const text = field === 'reason' ? reason : message;
  const problem = field ? staffTextProblem(text) : undefined;
  if (field && problem) return data({ problem: field, error: problem, value: text }, { status: 400 });
  const request_: DecisionRequest | undefined =
    intent === 'accept'
      ? { decision: 'accepted' }
      : intent === 'reject'
        ? { decision: 'rejected', reason }
        : intent === 'changes'
          ? { decision: 'changes_requested', reason: message }
          : undefined;
  if (!request_) return data({ problem: 'invalid' as const }, { status: 400 });
  const result = await decide(context.db, { submissionId, expectedVersion, staffId: staff.id, request: request_ });
  if (!result.ok && result.reason === 'not_found') throw new Response('Not found', { status: 404 });
  if (!result.ok) return data({ problem: 'stale' as const }, { status: 409 });
  return redirect(`/${locale}/staff/submissions/${submissionId}`);
}

export default function ReviewSubmission() {
  const { review } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { locale, t } = useLocale();
  // Recorded kinds and actions in words; one the catalog does not know yet is shown as recorded.
  const known = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };
  return (
    <>
      <p><Link to={`/${locale}/staff`}>{t('staff.detail.back')}</Link></p>
      {result?.problem === 'stale' ? <p className="notice notice-error" role="alert">{t('staff.detail.stale')}</p> : null}
      <SubmissionDetails review={review} />
      <h2>{t('staff.detail.decision')}</h2>
      {review.withdrawn ? <p className="notice">{t('staff.detail.withdrawn')}</p> : null}
      {review.awaitingConfirmation && !review.withdrawn ? <p className="notice">{t('staff.detail.unconfirmed')}</p> : null}
      {review.decidable ? (
        <div className="card">
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="version" value={review.version} />
            <button className="button" type="submit" name="intent" value="accept">{t('staff.detail.accept')}</button>
          </Form>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="version" value={review.version} />
            <div className="field">
              <label htmlFor="reason">{t('staff.detail.reason')}</label>
              {result?.problem === 'reason' ? <p id="reason-error" className="field-error">{t(result.error)}</p> : null}
              <textarea id="reason" name="reason" dir="auto" defaultValue={result?.problem === 'reason' ? result.value : undefined} aria-invalid={result?.problem === 'reason' ? true : undefined} aria-describedby={result?.problem === 'reason' ? 'reason-error' : undefined} />
            </div>
            <button className="button button-danger" type="submit" name="intent" value="reject">{t('staff.detail.reject')}</button>
          </Form>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="version" value={review.version} />
            <div className="field">
              <label htmlFor="message">{t('staff.detail.changesMessage')}</label>
              {result?.problem === 'message' ? <p id="message-error" className="field-error">{t(result.error)}</p> : null}
              <textarea id="message" name="message" dir="auto" defaultValue={result?.problem === 'message' ? result.value : undefined} aria-invalid={result?.problem === 'message' ? true : undefined} aria-describedby={result?.problem === 'message' ? 'message-error' : undefined} />
            </div>
            <button className="button button-secondary" type="submit" name="intent" value="changes">{t('staff.detail.requestChanges')}</button>
          </Form>
        </div>
      ) : review.decision === 'pending' ? null : (
        <p>{t('staff.detail.decided', { decision: t(`decision.${review.decision}`) })}{review.decisionReason ? <>: <bdi>{review.decisionReason}</bdi></> : null}</p>
      )}
      <h2>{t('staff.detail.emails')}</h2>
      <ul>{review.deliveries.map((d) => <li key={d.id}>{known('status.email', d.kind)} · <bdi dir="ltr">{d.sentAt}</bdi> · <bdi dir="ltr">{d.smtpResponse}</bdi></li>)}</ul>
      <h2>{t('staff.detail.audit')}</h2>
      <ul>
        {review.audit.map((a) => (
          <li key={a.id}>
            <bdi dir="ltr">{a.occurredAt}</bdi> · {known('staff.audit', a.action)}
            {a.late ? <> ({t('staff.audit.late')})</> : null} · {known('staff.actor', a.actor)}
          </li>
        ))}
      </ul>
    </>
  );
}
