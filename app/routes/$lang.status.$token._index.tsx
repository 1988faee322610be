import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useParams, useSearchParams } from '@remix-run/react';
import { translator, type MessageKey } from '../i18n/translate';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { stageOf } from '../modules/submissions/stage';
import { looksLikeStatusToken } from '../modules/submissions/status-token';
import { findByStatusToken } from '../modules/submissions/submission-status';
import { withdrawSubmission } from '../modules/submissions/withdraw';
import { confirmEmail } from '../modules/submissions/email-confirmation';
import { erasePersonalData } from '../modules/submissions/personal-data';
import { canResubmit } from '../modules/submissions/resubmit';
import { pickLabel } from '../modules/taxonomy/locales';
import { requireSmallForm } from '../lib/read-form.server';
import { attachmentsOf } from '../modules/attachments/held-attachments';
import { fileSizeLabel } from '../modules/attachments/file-size';

async function requireStatus(params: { token?: string }, context: ActionFunctionArgs['context']) {
  const found = looksLikeStatusToken(params.token) ? await findByStatusToken(context.db, params.token) : undefined;
  if (!found) throw new Response('Not found', { status: 404 });
  return found;
}

/** The submitter's private status page (capability link: GET only reads, changes need a POST). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const { submission: s, forum, sent, failed, decisionHeld } = await requireStatus(params, context);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: forum.timeZone });
  return {
    reference: s.reference,
    title: s.title,
    language: s.language,
    forumName: pickLabel(forum.name, locale),
    // A decision whose e-mail the forum holds is not told here either, until it is released.
    stage: decisionHeld ? ('in_review' as const) : stageOf(s),
    reason: !decisionHeld && (s.decision === 'rejected' || s.decision === 'changes_requested') ? s.decisionReason : null,
    canEdit: !decisionHeld && canResubmit(s),
    canWithdraw: s.decision === 'pending' && !s.withdrawnAt && !s.expiredAt,
    canConfirm: !s.emailConfirmedAt && !s.withdrawnAt && !s.expiredAt && !s.personalDataErasedAt,
    hasReceipt: Boolean(s.emailConfirmedAt) && !s.personalDataErasedAt,
    erasedOn: s.personalDataErasedAt ? when.format(s.personalDataErasedAt) : null,
    canErase: !s.personalDataErasedAt && !s.expiredAt,
    sent: sent.map((m) => ({ kind: m.kind, at: `${when.format(m.sentAt)} (${forum.timeZone})` })),
    files: (await attachmentsOf(context.db, s.id)).map((a) => ({ id: a.id, name: a.fileName, size: fileSizeLabel(a.sizeBytes, locale) })),
    deliveryFailed: failed.length > 0,
  };
}

export const meta: MetaFunction = ({ params }) => [
  { title: translator(localeFromParams(params))('status.title') },
  // A capability URL must not be indexed or leak through previews.
  { name: 'robots', content: 'noindex, nofollow' },
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { submission } = await requireStatus(params, context);
  const form = await requireSmallForm(request, undefined, locale);
  if (form.get('intent') === 'confirm') {
    // Whatever the outcome (done now, or earlier), the page then shows the current stage.
    await confirmEmail(context.db, submission.id, params.token!);
    return redirect(`/${locale}/status/${params.token}?confirmed=1`);
  }
  if (form.get('intent') === 'erase') {
    if (form.get('confirm') !== 'yes') return data({ problem: 'status.withdraw.needConfirm' as MessageKey, about: 'erase' }, { status: 400 });
    await erasePersonalData(context.db, submission.id);
    return redirect(`/${locale}/status/${params.token}?erased=1`);
  }
  if (form.get('intent') !== 'withdraw') return data({ problem: 'status.withdraw.tooLate' as MessageKey, about: 'withdraw' }, { status: 400 });
  if (form.get('confirm') !== 'yes') return data({ problem: 'status.withdraw.needConfirm' as MessageKey, about: 'withdraw' }, { status: 400 });
  if (!(await withdrawSubmission(context.db, submission.id))) {
    return data({ problem: 'status.withdraw.tooLate' as MessageKey, about: 'withdraw' }, { status: 409 });
  }
  return redirect(`/${locale}/status/${params.token}?withdrawn=1`);
}

export default function SubmissionStatus() {
  const s = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { token } = useParams();
  const { locale, t } = useLocale();
  return (
    <>
      <h1>{t('status.title')}</h1>
      {search.get('withdrawn') && s.stage === 'withdrawn' ? <p className="notice" role="status">{t('status.withdraw.done')}</p> : null}
      {search.get('resubmitted') && s.stage === 'in_review' ? <p className="notice" role="status">{t('status.resubmitted')}</p> : null}
      {search.get('erased') && s.erasedOn ? <p className="notice" role="status">{t('status.erase.done')}</p> : null}
      {search.get('confirmed') && !s.canConfirm && s.hasReceipt ? <p className="notice" role="status">{t('status.confirm.done')}</p> : null}
      {s.canConfirm ? (
        <section className="card" aria-labelledby="confirm-title">
          <h2 id="confirm-title">{t('status.confirm.title')}</h2>
          <p>{t('status.confirm.explain')}</p>
          {/* A POST, not the link itself: mail scanners that open links must not confirm for anyone. */}
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            <button type="submit" className="button">{t('status.confirm.submit')}</button>
          </Form>
        </section>
      ) : null}
      <p className="notice">{t('status.private')}</p>
      <dl className="facts">
        <dt>{t('input.reference')}</dt><dd><bdi>{s.reference}</bdi></dd>
        <dt>{t('staff.col.forum')}</dt><dd>{s.forumName}</dd>
        <dt>{t('staff.col.title')}</dt><dd lang={s.language} dir="auto">{s.title}</dd>
        <dt>{t('status.stage')}</dt><dd><strong>{t(`status.stage.${s.stage}`)}</strong></dd>
        {s.reason ? <><dt>{t('status.reason')}</dt><dd dir="auto" className="user-text">{s.reason}</dd></> : null}
        {s.files.length > 0 ? (
          <>
            <dt>{t('input.attachments')}</dt>
            <dd>
              <ul className="file-list">
                {s.files.map((f) => <li key={f.id}><bdi>{f.name}</bdi> <span className="hint">({f.size})</span></li>)}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      {s.canEdit ? <p><Link className="button" to={`/${locale}/status/${token}/edit`}>{t('status.changes.edit')}</Link></p> : null}
      {s.erasedOn ? <p className="notice">{t('status.erased', { date: s.erasedOn })}</p> : null}
      {s.stage === 'published' ? <p><Link to={`/${locale}/inputs/${s.reference}`}>{t('status.publicPage')}</Link></p> : null}
      {s.hasReceipt ? <p><a href={`/${locale}/status/${token}/receipt`} download>{t('status.receipt')}</a></p> : null}
      <h2>{t('status.emails')}</h2>
      {s.deliveryFailed ? <p className="notice notice-error" role="alert">{t('status.emailFailed')}</p> : null}
      {s.sent.length === 0 ? <p>{t('status.noEmails')}</p> : (
        <ul>{s.sent.map((m, i) => <li key={i}>{t(`status.email.${m.kind}` as MessageKey)} · {m.at}</li>)}</ul>
      )}
      {s.canWithdraw ? (
        <section className="card" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">{t('status.withdraw.title')}</h2>
          <p>{t('status.withdraw.explain')}</p>
          {result?.about === 'withdraw' ? <p className="field-error" role="alert">{t(result.problem)}</p> : null}
          <Form method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <div className="checkbox-grid">
              <label><input type="checkbox" name="confirm" value="yes" required /> <span>{t('status.withdraw.confirm')}</span></label>
            </div>
            <p><button type="submit" className="button button-danger">{t('status.withdraw.submit')}</button></p>
          </Form>
        </section>
      ) : result?.about === 'withdraw' ? <p className="notice notice-error" role="alert">{t(result.problem)}</p> : null}
      <section className="card" aria-labelledby="data-title">
        <h2 id="data-title">{t('status.data.title')}</h2>
        <p>{t('status.data.explain')}</p>
        <p><a href={`/${locale}/status/${token}/data`} download>{t('status.data.download')}</a></p>
        {s.canErase ? (
          <>
            <p>{t('status.erase.explain')}</p>
            {result?.about === 'erase' ? <p className="field-error" role="alert">{t(result.problem)}</p> : null}
            <Form method="post">
              <input type="hidden" name="intent" value="erase" />
              <div className="checkbox-grid">
                <label><input type="checkbox" name="confirm" value="yes" required /> <span>{t('status.erase.confirm')}</span></label>
              </div>
              <p><button type="submit" className="button button-danger">{t('status.erase.submit')}</button></p>
            </Form>
          </>
        ) : null}
      </section>
    </>
  );
}
