import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { SubmissionForm } from '../components/SubmissionForm';
import { translator } from '../i18n/translate';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { readSubmissionForm, type RawSubmissionForm } from '../lib/submission-form.server';
import { formForum } from '../modules/forums/forum-summary';
import { canResubmit, resubmitSubmission } from '../modules/submissions/resubmit';
import { looksLikeStatusToken } from '../modules/submissions/status-token';
import { findByStatusToken } from '../modules/submissions/submission-status';
import { fieldErrors, submissionInputSchema } from '../modules/submissions/submission-input';
import { countriesSortedFor } from '../modules/taxonomy/countries';
import { languageName } from '../modules/taxonomy/locales';
import type { Submission } from '../../db/schema';
import { requireSmallForm } from '../lib/read-form.server';

/** The open edit (changes requested), or back to the status page for anything else. */
async function requireEditable(params: { lang?: string; token?: string }, context: ActionFunctionArgs['context']) {
  const found = looksLikeStatusToken(params.token) ? await findByStatusToken(context.db, params.token) : undefined;
  if (!found) throw new Response('Not found', { status: 404 });
  if (found.decisionHeld || !canResubmit(found.submission)) throw redirect(`/${params.lang}/status/${params.token}`);
  return found;
}

/** The stored input as the form's raw values, so the form opens as it was sent. */
function formValues(s: Submission): RawSubmissionForm {
  const yes = (b: boolean) => (b ? 'yes' : undefined);
  return {
    submitterType: s.submitterType, contactName: s.contactName, organisation: s.organisation ?? undefined, email: s.email,
    constituency: s.constituency, country: s.country, title: s.title, summary: s.summary, body: s.body, language: s.language,
    objectives: s.objectives, principles: s.principles,
    publishName: yes(s.publishName), publishOrganisation: yes(s.publishOrganisation), consentPublication: 'yes',
  };
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const { submission, forum } = await requireEditable(params, context);
  return {
    forum: formForum(forum, locale),
    choices: {
      countries: countriesSortedFor(locale).map((c) => ({ value: c.code, label: c.name })),
      languages: forum.inputLanguages.map((l) => ({ value: l, label: languageName(l, locale) })),
    },
    message: submission.decisionReason ?? '',
    values: formValues(submission),
  };
}

export const meta: MetaFunction = ({ params }) => [
  { title: translator(localeFromParams(params))('status.changes.edit') },
  { name: 'robots', content: 'noindex, nofollow' },
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { submission, forum } = await requireEditable(params, context);
  const form = await requireSmallForm(request, 512 * 1024, locale);
  const { values } = readSubmissionForm(form);
  // The confirmed address stays, whatever the form says (or omits).
  const parsed = submissionInputSchema(forum.limits, forum.inputLanguages, forum.requiredFields, { fixedEmail: submission.email }).safeParse(values);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error) as Record<string, string>, values }, { status: 400 });
  const result = await resubmitSubmission(context.db, submission.id, parsed.data, params.token!);
  if (!result.ok) return redirect(`/${locale}/status/${params.token}`);
  return redirect(`/${locale}/status/${params.token}?resubmitted=1`);
}

export default function EditSubmission() {
  const { forum, choices, message, values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useLocale();
  return (
    <>
      <div className="notice">
        <p><strong>{t('status.changes.message')}</strong></p>
        <p dir="auto" className="user-text">{message}</p>
      </div>
      <SubmissionForm
        mode="edit"
        forum={forum}
        choices={choices}
        draft={{}}
        idempotencyKey=""
        formStamp=""
        errors={result?.errors ?? {}}
        values={result?.values ?? values}
      />
    </>
  );
}
