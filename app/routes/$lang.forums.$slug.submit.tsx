import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { randomUUID } from 'node:crypto';
import { SubmissionForm } from '../components/SubmissionForm';
import { requireForum } from '../lib/forum-loader.server';
import { requireLocale } from '../lib/route-locale';
import { readIdempotencyKey, readSubmissionForm, type RawSubmissionForm } from '../lib/submission-form.server';
import { callState } from '../modules/forums/call-window';
import { forumSummary } from '../modules/forums/forum-summary';
import { createSubmission } from '../modules/submissions/create-submission';
import { fieldErrors, submissionInputSchema } from '../modules/submissions/submission-input';

const MAX_FORM_BYTES = 512 * 1024;

export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const forum = await requireForum(context, params.slug);
  return {
    forum: { ...forumSummary(forum, locale), limits: forum.limits, inputLanguages: forum.inputLanguages },
    // A fresh key per rendered form: every replay of this form's POST finds the same submission.
    idempotencyKey: randomUUID(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.forum.name ?? '' }];

type ActionResult = { errors: Record<string, string>; values: RawSubmissionForm; idempotencyKey?: string };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const forum = await requireForum(context, params.slug);
  if (Number(request.headers.get('Content-Length') ?? 0) > MAX_FORM_BYTES) {
    return data<ActionResult>({ errors: { form: 'error.tooLong' }, values: { objectives: [] } }, { status: 413 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return data<ActionResult>({ errors: { form: 'error.form' }, values: { objectives: [] } }, { status: 400 });
  }
  const { values, duplicated } = readSubmissionForm(form);
  const idempotencyKey = readIdempotencyKey(form);
  if (!idempotencyKey || duplicated.length > 0) {
    return data<ActionResult>({ errors: { form: 'error.form' }, values }, { status: 400 });
  }
  if (callState(forum, new Date()) !== 'open') {
    return data<ActionResult>({ errors: { form: 'call.notOpen' }, values, idempotencyKey }, { status: 403 });
  }
  const parsed = submissionInputSchema(forum.limits, forum.inputLanguages).safeParse(values);
  if (!parsed.success) {
    return data<ActionResult>({ errors: fieldErrors(parsed.error) as Record<string, string>, values, idempotencyKey }, { status: 400 });
  }
  const result = await createSubmission(context.db, forum, parsed.data, { idempotencyKey, interfaceLocale: locale });
  if (!result.ok) {
    return data<ActionResult>({ errors: { form: 'call.notOpen' }, values, idempotencyKey }, { status: 403 });
  }
  return redirect(`/${locale}/forums/${forum.slug}/received`, {
    headers: { 'Set-Cookie': await context.cookies.received.serialize(result.reference) },
  });
}

export default function SubmitPage() {
  const { forum, idempotencyKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionResult>();
  return (
    <SubmissionForm
      forum={forum}
      idempotencyKey={actionData?.idempotencyKey ?? idempotencyKey}
      errors={actionData?.errors ?? {}}
      values={actionData?.values}
    />
  );
}
