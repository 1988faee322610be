import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, SelectField, TextField } from '../components/form-fields';
import { StaffAccessFields, staffAccessProblems } from '../components/StaffAccessFields';
import { translator, type MessageKey } from '../i18n/translate';
import { requireAdmin, requireStaffForm } from '../lib/staff-auth.server';
import { forumChoices } from '../lib/staff-team.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { inviteStaff } from '../modules/staff/staff-invites';
import { parseStaffInvite, readStaffForm, type RawStaffForm } from '../modules/staff/staff-member-input';
import { AUTONYMS, INTERFACE_LOCALES } from '../modules/taxonomy/locales';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  await requireAdmin(request, context, locale);
  return { forums: await forumChoices(context.db, locale) };
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('staff.team.invite') }];

type ActionResult = { values: RawStaffForm; errors: Record<string, string> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { staff, form } = await requireStaffForm(request, context, locale, { admin: true });
  const raw = readStaffForm(form);
  const forums = await forumChoices(context.db, locale);
  const parsed = parseStaffInvite(raw, new Set(forums.map((f) => f.id)));
  if (!parsed.ok) return data<ActionResult>({ values: raw, errors: parsed.errors }, { status: 400 });
  const { value } = parsed;
  const result = await inviteStaff(
    context.db,
    { ...value, allForums: value.forumScope === 'all', forumIds: value.forumIds },
    staff.id,
  );
  if (!result.ok) return data<ActionResult>({ values: raw, errors: { email: 'staff.team.error.exists' } }, { status: 409 });
  return redirect(`/${locale}/staff/team?invited=1`);
}

export default function InviteStaff() {
  const { forums } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { locale, t } = useLocale();
  const values = result?.values ?? {};
  const error = (field: string) => (result?.errors[field] ? t(result.errors[field] as MessageKey) : undefined);
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
  const errors = result?.errors ?? {};
  const problems = [
    ...(['displayName', 'email', 'locale'] as const)
      .filter((f) => errors[f])
      .map((f) => ({ field: f, label: t(f === 'displayName' ? 'staff.team.name' : f === 'email' ? 'staff.team.email' : 'staff.team.locale'), message: error(f)! })),
    ...staffAccessProblems(errors, forums.length, t),
  ];
  return (
    <>
      <p><Link to={`/${locale}/staff/team`}>{t('staff.team.back')}</Link></p>
      <h1>{t('staff.team.invite')}</h1>
      <p>{t('staff.team.inviteIntro')}</p>
      {errors.form ? <p className="notice notice-error" role="alert">{t('error.form')}</p> : null}
      <ErrorSummary title={t('form.errorSummary', { count: problems.length })} errors={problems} />
      <Form method="post" noValidate>
        <CsrfField />
        <TextField name="displayName" dir="auto" label={t('staff.team.name')} required error={error('displayName')} defaultValue={one(values.displayName)} />
        <TextField name="email" type="email" dir="ltr" label={t('staff.team.email')} required error={error('email')} defaultValue={one(values.email)} />
        <SelectField
          name="locale"
          label={t('staff.team.locale')}
          error={error('locale')}
          defaultValue={one(values.locale) ?? locale}
          options={INTERFACE_LOCALES.map((l) => ({ value: l, label: AUTONYMS[l] }))}
        />
        <StaffAccessFields
          values={{ role: one(values.role), forumScope: one(values.forumScope), forumIds: Array.isArray(values.forumIds) ? values.forumIds : [] }}
          errors={result?.errors ?? {}}
          forums={forums}
        />
        <button className="button" type="submit">{t('staff.team.sendInvite')}</button>
      </Form>
    </>
  );
}
