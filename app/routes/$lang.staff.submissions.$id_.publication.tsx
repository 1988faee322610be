import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams, type ShouldRevalidateFunction } from '@remix-run/react';
import { CsrfField } from '../components/CsrfField';
import { HintedText } from '../components/HintedText';
import { PublishTimeFields } from '../components/PublishTimeFields';
import { PublicationState } from '../components/PublicationSummary';
import { Checkbox, ChoiceGroup, ErrorSummary, TextArea, TextField, type SummaryError } from '../components/form-fields';
import { readPublicVersionForm, type PublicVersionProblems } from '../lib/public-version-form.server';
import { readPublishTime, type PublishTimeError } from '../lib/publish-time-form.server';
import { MAX_FORM_BYTES } from '../lib/submission-request.server';
import { staffTextProblem } from '../lib/decision-form.server';
import { requireForumAccess, requireStaff, requireStaffForm } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { useLocale } from '../lib/route-locale';
import { isUuid } from '../modules/ids/uuid';
import { submissionForumId } from '../modules/moderation/queue';
import { publicationView } from '../modules/moderation/review-view';
import { staffTime } from '../modules/time/format-instant';
import { findForumById } from '../modules/forums/forum-queries';
import { defaultPublishAt } from '../modules/publication/publish-default';
import { publishSubmission, schedulePublication, unpublishSubmission } from '../modules/publication/publish';
import { loadPublicVersion, savePublicVersion } from '../modules/publication/public-version';

/** The public version of an input (redaction) and where it stands on the public record. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const staff = await requireStaff(request, context, locale);
  const version = isUuid(params.id) ? await loadPublicVersion(context.db, params.id) : undefined;
  if (!version) throw new Response('Not found', { status: 404 });
  requireForumAccess(staff, version.forumId, locale);
  return {
    id: version.id,
    reference: version.reference,
    decision: version.decision,
    publication: publicationView(version, (d) => staffTime(d, locale)),
    publishAtDefault: defaultPublishAt(version.forum),
    timeZone: version.forum.timeZone,
    withdrawnBySubmitter: Boolean(version.withdrawnAt),
    version: {
      language: version.language,
      contactName: version.personalDataErasedAt ? null : version.contactName,
      publishName: version.publishName,
      publishAttachments: version.publishAttachments,
      nameHidden: version.nameHidden,
      current: version.current,
      basis: version.basis,
      original: version.original,
      files: version.files,
    },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.reference ?? '' }];

/**
 * The public version posts the input's whole text back: room for the longest text an input can
 * hold (512 KiB of JSON from the API), percent-encoded as a form (up to three bytes per byte).
 */
const PUBLIC_VERSION_FORM_BYTES = 4 * MAX_FORM_BYTES;

type ActionResult =
  | { problem: 'version'; fields: PublicVersionProblems; values: Record<string, string> }
  | { problem: 'publishAt'; error: PublishTimeError; value: string }
  | { problem: 'reason'; error: NonNullable<ReturnType<typeof staffTextProblem>>; value: string }
  | { problem: 'state' }
  | { problem: 'stale' };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { staff, form } = await requireStaffForm(request, context, locale, { maxBytes: PUBLIC_VERSION_FORM_BYTES });
  const submissionId = params.id;
  const forum = isUuid(submissionId) ? await findForumById(context.db, await submissionForumId(context.db, submissionId)) : undefined;
  if (!forum || !isUuid(submissionId)) throw new Response('Not found', { status: 404 });
  requireForumAccess(staff, forum.id, locale);
  const back = (flash: string) => redirect(`/${locale}/staff/submissions/${submissionId}/publication?done=${flash}`);
  const intent = String(form.get('intent') ?? '');

  if (intent === 'save-version') {
    const read = readPublicVersionForm(form);
    if (!read.ok) return data<ActionResult>({ problem: 'version', fields: read.problems, values: read.values }, { status: 400 });
    const saved = await savePublicVersion(context.db, { submissionId, staffId: staff.id, basis: read.basis, shown: read.shown, version: read.version });
    if (!saved.ok && saved.reason === 'not_found') throw new Response('Not found', { status: 404 });
    // Someone else changed the public version meanwhile: theirs is shown; nothing of this one is applied.
    if (!saved.ok) return data<ActionResult>({ problem: 'stale' }, { status: 409 });
    return back(saved.changed.length ? 'saved' : 'unchanged');
  }
  if (intent === 'publish') {
    const done = await context.db.transaction((tx) => publishSubmission(tx, submissionId, { staffId: staff.id }));
    return done ? back('published') : data<ActionResult>({ problem: 'state' }, { status: 409 });
  }
  if (intent === 'schedule') {
    const when = readPublishTime(form, forum.timeZone);
    if (!when.ok) return data<ActionResult>({ problem: 'publishAt', error: when.error, value: when.value }, { status: 400 });
    if (!when.at) return data<ActionResult>({ problem: 'publishAt', error: 'forumAdmin.error.dateTime', value: '' }, { status: 400 });
    const at = when.at;
    const done = await context.db.transaction((tx) => schedulePublication(tx, submissionId, at, { staffId: staff.id }));
    return done ? back('scheduled') : data<ActionResult>({ problem: 'state' }, { status: 409 });
  }
  if (intent === 'unpublish') {
    const reason = String(form.get('reason') ?? '').trim();
    const error = staffTextProblem(reason);
    if (error) return data<ActionResult>({ problem: 'reason', error, value: reason }, { status: 400 });
    const done = await unpublishSubmission(context.db, { submissionId, staffId: staff.id, reason });
    return done === 'unpublished' ? back('unpublished') : data<ActionResult>({ problem: 'state' }, { status: 409 });
  }
  return data<ActionResult>({ problem: 'state' }, { status: 400 });
}

// After a refused (409) save or publication step the page must show the input as it now is.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) => {
  const problem = (actionResult as { problem?: string } | undefined)?.problem;
  return problem === 'stale' || problem === 'state' ? true : defaultShouldRevalidate;
};

export default function PublicationPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { locale, t } = useLocale();
  const [search] = useSearchParams();
  const done = result ? null : search.get('done');
  const v = page.version;
  const typed = result?.problem === 'version' ? result.values : undefined;
  const fieldError = (name: keyof PublicVersionProblems) => (result?.problem === 'version' && result.fields[name] ? t(result.fields[name]!) : undefined);
  const p = page.publication;
  // A refused form's problems, each linked to its field: the publication time, the reason for
  // withdrawal, or the texts of the public version (in the form's order).
  const problems: SummaryError[] =
    result?.problem === 'publishAt' ? [{ field: 'publishAt', label: t('publication.publishAt', { zone: page.timeZone }), message: t(result.error) }]
    : result?.problem === 'reason' ? [{ field: 'reason', label: t('publication.unpublishReason'), message: t(result.error) }]
    : result?.problem === 'version' ? (['title', 'summary', 'body'] as const).filter((f) => result.fields[f]).map((f) => ({ field: f, label: t(`publication.field.${f}`), message: fieldError(f)! }))
    : [];
  return (
    <>
      <p><Link to={`/${locale}/staff/submissions/${page.id}`}>{t('publication.back', { reference: page.reference })}</Link></p>
      <h1>{t('publication.title', { reference: page.reference })}</h1>
      <Flash done={done} />
      {result?.problem === 'state' ? <p className="notice notice-error" role="alert">{t('publication.error.state')}</p> : null}
      {result?.problem === 'stale' ? <p className="notice notice-error" role="alert">{t('publication.error.stale')}</p> : null}
      <ErrorSummary title={t('form.errorSummary', { count: problems.length })} errors={problems} />

      <h2>{t('publication.record')}</h2>
      <p><PublicationState publication={p} decision={page.decision} /></p>
      {p.state === 'withdrawn' ? <p>{t('publication.withdrawnReason')}: <bdi>{p.reason}</bdi></p> : null}
      {page.decision === 'accepted' && p.state !== 'published' && !page.withdrawnBySubmitter ? (
        <div className="card">
          <Form method="post">
            <CsrfField />
            <button className="button" type="submit" name="intent" value="publish">{t(p.state === 'withdrawn' ? 'publication.publishAgain' : 'publication.publishNow')}</button>
          </Form>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="publish" value="scheduled" />
            <PublishTimeFields
              onlyTime
              defaultValue={result?.problem === 'publishAt' ? result.value : page.publishAtDefault}
              timeZone={page.timeZone}
              error={result?.problem === 'publishAt' ? t(result.error) : undefined}
            />
            <button className="button button-secondary" type="submit" name="intent" value="schedule">{t(p.state === 'scheduled' ? 'publication.reschedule' : 'publication.schedule')}</button>
          </Form>
        </div>
      ) : null}
      {p.state === 'published' ? (
        <Form method="post" className="card">
          <CsrfField />
          <TextArea
            name="reason"
            label={t('publication.unpublishReason')}
            hint={t('publication.unpublishHint')}
            error={result?.problem === 'reason' ? t(result.error) : undefined}
            defaultValue={result?.problem === 'reason' ? result.value : undefined}
          />
          <button className="button button-danger" type="submit" name="intent" value="unpublish">{t('publication.unpublish')}</button>
        </Form>
      ) : null}

      <h2>{t('publication.version')}</h2>
      <p className="hint">{t('publication.versionHint')}</p>
      <Form method="post" className="card">
        <CsrfField />
        <input type="hidden" name="basis" value={v.basis} />
        <TextField name="title" label={t('publication.field.title')} lang={v.language} dir="auto" defaultValue={typed?.title ?? v.current.title} error={fieldError('title')} />
        <TextArea name="summary" label={t('publication.field.summary')} lang={v.language} defaultValue={typed?.summary ?? v.current.summary} error={fieldError('summary')} />
        <TextArea name="body" long label={t('publication.field.body')} lang={v.language} defaultValue={typed?.body ?? v.current.body} error={fieldError('body')} />
        {v.publishName && v.contactName !== null ? <input type="hidden" name="shown" value="nameHidden" /> : null}
        {v.publishAttachments && v.files.length > 0 ? <input type="hidden" name="shown" value="files" /> : null}
        {v.publishName && v.contactName !== null ? (
          <Checkbox name="nameHidden" label={t('publication.hideName', { name: v.contactName })} defaultChecked={typed ? typed.nameHidden === 'yes' : v.nameHidden} />
        ) : null}
        {v.publishAttachments && v.files.length > 0 ? (
          <ChoiceGroup
            kind="checkbox"
            name="withhold"
            label={t('publication.withhold')}
            options={v.files.map((f) => ({ value: f.id, label: f.fileName }))}
            defaultValues={typed ? typed.withhold.split(' ') : v.files.filter((f) => f.withheld).map((f) => f.id)}
          />
        ) : null}
        <button className="button" type="submit" name="intent" value="save-version">{t('publication.save')}</button>
      </Form>

      <h2>{t('publication.original')}</h2>
      <p className="hint">{t('publication.originalHint')}</p>
      <div className="card" lang={v.language} dir="auto">
        <h3><HintedText text={v.original.title} /></h3>
        <p className="user-text"><HintedText text={v.original.summary} /></p>
        <div className="user-text"><HintedText text={v.original.body} /></div>
      </div>
    </>
  );
}

function Flash({ done }: { done: string | null }) {
  const { t } = useLocale();
  if (!done || !['saved', 'unchanged', 'published', 'scheduled', 'unpublished'].includes(done)) return null;
  return <p className="notice" role="status">{t(`publication.done.${done as 'saved'}`)}</p>;
}
