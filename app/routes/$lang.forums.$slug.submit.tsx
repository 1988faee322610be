import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { randomUUID } from 'node:crypto';
import { SubmissionForm } from '../components/SubmissionForm';
import { requireForum } from '../lib/forum-loader.server';
import { requireLocale } from '../lib/route-locale';
import { EMPTY_FORM, readIdempotencyKey, readSubmissionForm, type RawSubmissionForm } from '../lib/submission-form.server';
import { callState } from '../modules/forums/call-window';
import { forumSummary } from '../modules/forums/forum-summary';
import { countriesSortedFor } from '../modules/taxonomy/countries';
import { languageName } from '../modules/taxonomy/locales';
import { checkFormStamp, issueFormStamp } from '../modules/abuse/form-timing';
import { hitRateLimit, SUBMIT_LIMITS } from '../modules/abuse/rate-limit';
import { createSubmission, findReplayedSubmission } from '../modules/submissions/create-submission';
import { fieldErrors, submissionInputSchema } from '../modules/submissions/submission-input';
import { normaliseLateCode, verifyLateAccessCode, type LateAccessGrant } from '../modules/forums/late-access';

const MAX_FORM_BYTES = 512 * 1024;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const forum = await requireForum(context, params.slug);
  const now = new Date();
  // A late-access code matters only once the call closed; before it opens nothing lets anyone in.
  const late = new URL(request.url).searchParams.get('late');
  const lateCheck = late !== null && callState(forum, now) === 'closed' ? await verifyLateAccessCode(context.db, forum, late, now) : undefined;
  return {
    forum: {
      ...forumSummary(forum, locale, now),
      limits: forum.limits,
      requiredFields: forum.requiredFields,
      publishNameByDefault: forum.publishNameByDefault,
      publishOrganisationByDefault: forum.publishOrganisationByDefault,
    },
    lateCode: lateCheck?.ok ? normaliseLateCode(late) : undefined,
    lateCodeRefused: lateCheck ? !lateCheck.ok : false,
    choices: {
      countries: countriesSortedFor(locale).map((c) => ({ value: c.code, label: c.name })),
      languages: forum.inputLanguages.map((l) => ({ value: l, label: languageName(l, locale) })),
    },
    // A fresh key per rendered form: every replay of this form's POST finds the same submission.
    idempotencyKey: randomUUID(),
    formStamp: issueFormStamp(context.env.SESSION_SECRET),
  };
}

// A refused POST's Retry-After reaches the document response (Remix takes headers from here).
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get('Retry-After');
  if (retryAfter) headers.set('Retry-After', retryAfter);
  return headers;
};

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.forum.name ?? '' }];

type ActionResult = {
  errors: Record<string, string>;
  values: RawSubmissionForm;
  idempotencyKey?: string;
  formStamp?: string;
  retryAfterMinutes?: number;
  /** The late-access code this POST was let in with, so a form with errors stays open. */
  lateCode?: string;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const forum = await requireForum(context, params.slug);
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_FORM_BYTES) {
    return data<ActionResult>({ errors: { form: 'error.tooLong' }, values: EMPTY_FORM }, { status: 413 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data<ActionResult>({ errors: { form: 'error.form' }, values: EMPTY_FORM }, { status: 400 });
  }
  const { values, duplicated } = readSubmissionForm(form);
  const idempotencyKey = readIdempotencyKey(form);
  if (!idempotencyKey || duplicated.length > 0) {
    return data<ActionResult>({ errors: { form: 'error.form' }, values }, { status: 400 });
  }
  const replayed = await findReplayedSubmission(context.db, forum.id, idempotencyKey);
  if (replayed) return showReference(locale, forum.slug, replayed.reference, context);
  // The form's issue time survives error round trips: the fill time counts from the first render.
  const timing = checkFormStamp(form.get('formStamp'), context.env.SESSION_SECRET);
  const formStamp = timing === 'invalid' ? issueFormStamp(context.env.SESSION_SECRET) : String(form.get('formStamp'));
  let lateCode: string | undefined;
  const refuse = (status: number, errors: Record<string, string>, extra: Partial<ActionResult> = {}, headers?: HeadersInit) =>
    data<ActionResult>({ errors, values, idempotencyKey, formStamp, lateCode, ...extra }, { status, headers });
  // A filled honeypot is a bot: refuse without saying why.
  if (form.get('website')) return refuse(400, { form: 'error.form' });
  // After the close, only a late-access code lets an input in, and it is checked again on every POST.
  let lateAccess: LateAccessGrant | undefined;
  const state = callState(forum, new Date());
  if (state === 'closed' && form.get('late')) {
    const verified = await verifyLateAccessCode(context.db, forum, form.get('late'));
    if (!verified.ok) return refuse(403, { form: 'late.invalid' });
    lateAccess = verified.grant;
    lateCode = normaliseLateCode(form.get('late'));
  } else if (state !== 'open') {
    return refuse(403, { form: 'call.notOpen' });
  }
  const parsed = submissionInputSchema(forum.limits, forum.inputLanguages, forum.requiredFields).safeParse(values);
  if (!parsed.success) return refuse(400, fieldErrors(parsed.error) as Record<string, string>);
  if (timing !== 'ok') return refuse(400, { form: timing === 'too_fast' ? 'error.tooFast' : 'error.form' });
  const limits = [
    [SUBMIT_LIMITS.perIp, context.clientIp],
    [SUBMIT_LIMITS.perEmail, parsed.data.email],
    [SUBMIT_LIMITS.perEmailDaily, parsed.data.email],
  ] as const;
  for (const [rule, subject] of limits) {
    const limit = await hitRateLimit(context.db, rule, subject);
    if (!limit.allowed) {
      return refuse(429, { form: 'error.rateLimited' }, { retryAfterMinutes: Math.ceil(limit.retryAfterSeconds / 60) }, { 'Retry-After': String(limit.retryAfterSeconds) });
    }
  }
  const result = await createSubmission(context.db, forum, parsed.data, { idempotencyKey, interfaceLocale: locale, lateAccess });
  if (!result.ok) return refuse(403, { form: result.reason === 'late_access_invalid' ? 'late.invalid' : 'call.notOpen' });
  return showReference(locale, forum.slug, result.reference, context);
}

async function showReference(locale: string, slug: string, reference: string, context: ActionFunctionArgs['context']) {
  return redirect(`/${locale}/forums/${slug}/received`, {
    headers: { 'Set-Cookie': await context.cookies.received.serialize(reference) },
  });
}

export default function SubmitPage() {
  const { forum, choices, idempotencyKey, formStamp, lateCode, lateCodeRefused } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  return (
    <SubmissionForm
      forum={forum}
      lateCode={actionData?.lateCode ?? lateCode}
      lateCodeRefused={lateCodeRefused}
      choices={choices}
      idempotencyKey={actionData?.idempotencyKey ?? idempotencyKey}
      formStamp={actionData?.formStamp ?? formStamp}
      retryAfterMinutes={actionData?.retryAfterMinutes}
      errors={actionData?.errors ?? {}}
      values={actionData?.values}
    />
  );
}
