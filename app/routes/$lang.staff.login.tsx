import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { TextField } from '../components/form-fields';
import { translator } from '../i18n/translate';
import { optionalStaff } from '../lib/staff-auth.server';
import { localeFromParams, requireLocale, useLocale } from '../lib/route-locale';
import { checkStaffCredentials } from '../modules/staff/staff-accounts';
import { SESSION_TTL_MS, startStaffSession } from '../modules/staff/staff-sessions';
import { requireSmallForm } from '../lib/read-form.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  if (await optionalStaff(request, context)) throw redirect(`/${locale}/staff`);
  return null;
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('staff.login.title') }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const form = await requireSmallForm(request);
  const email = String(form.get('email') ?? '').slice(0, 320);
  const password = String(form.get('password') ?? '').slice(0, 1024);
  const staff = email && password ? await checkStaffCredentials(context.db, email, password) : undefined;
  if (!staff) return data({ failed: true, email }, { status: 401 });
  // A new random token at every sign-in: a session id planted before login is worthless.
  const session = await startStaffSession(context.db, staff.id);
  return redirect(`/${locale}/staff`, {
    headers: { 'Set-Cookie': await context.cookies.staffSession.serialize(session.token, { maxAge: SESSION_TTL_MS / 1000 }) },
  });
}

export default function StaffLogin() {
  const { t } = useLocale();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t('staff.login.title')}</h1>
      {result?.failed ? <p className="notice notice-error" role="alert">{t('staff.login.failed')}</p> : null}
      <Form method="post">
        <TextField name="email" type="email" dir="ltr" label={t('staff.login.email')} required autoComplete="username" defaultValue={result?.email} />
        <TextField name="password" type="password" label={t('staff.login.password')} required autoComplete="current-password" />
        <button className="button" type="submit">{t('staff.login.submit')}</button>
      </Form>
    </>
  );
}
