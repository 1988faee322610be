import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { ForumSettingsForm } from '../components/ForumSettingsForm';
import { translator } from '../i18n/translate';
import { readForumSettingsForm } from '../lib/forum-settings-form.server';
import { requireAdmin, requireStaffForm } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { settingsChoices } from '../modules/forums/forum-admin-view';
import { forumSettingsSchema, NEW_FORUM_VALUES, settingsFieldErrors, type RawForumSettings } from '../modules/forums/forum-settings';
import { addForum } from '../modules/forums/save-forum';

// Names and guidance in six languages: room for them, and no more.
const FORUM_FORM_BYTES = 256 * 1024;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const staff = await requireAdmin(request, context, locale);
  return { values: NEW_FORUM_VALUES, choices: settingsChoices(locale) };
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('forumAdmin.new.title') }];

type ActionResult = { errors: Record<string, string>; values: RawForumSettings };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { staff, form } = await requireStaffForm(request, context, locale, { admin: true, maxBytes: FORUM_FORM_BYTES });
  const { values, duplicated } = readForumSettingsForm(form);
  if (duplicated) return data<ActionResult>({ errors: { form: 'error.form' }, values }, { status: 400 });
  const parsed = forumSettingsSchema.safeParse(values);
  if (!parsed.success) return data<ActionResult>({ errors: settingsFieldErrors(parsed.error), values }, { status: 400 });
  const result = await addForum(context.db, { staffId: staff.id, settings: parsed.data });
  if (!result.ok) return data<ActionResult>({ errors: result.errors as Record<string, string>, values }, { status: 409 });
  return redirect(`/${locale}/staff/forums/${result.id}?created=1`);
}

export default function NewForum() {
  const { values, choices } = useLoaderData<typeof loader>();
  const result = useActionData<ActionResult>();
  const { locale, t } = useLocale();
  return (
    <>
      <p><Link to={`/${locale}/staff/forums`}>{t('forumAdmin.back')}</Link></p>
      <h1>{t('forumAdmin.new.title')}</h1>
      {result?.errors.form ? <p className="notice notice-error" role="alert">{t('error.form')}</p> : null}
      <ForumSettingsForm mode="create" values={result?.values ?? values} errors={result?.errors ?? {}} choices={choices} />
    </>
  );
}
