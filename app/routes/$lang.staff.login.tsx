import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { TextField } from '../components/form-fields';
import { translator } from '../i18n/translate';
import { currentStaffSession, redirectWithSession, sessionToken, signInStepPath } from '../lib/staff-auth.server';
import { retryAfterHeaders } from '../lib/retry-after-headers';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { signInWithPassword } from '../modules/staff/sign-in';
import { requireSmallForm } from '../lib/read-form.server';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const session = await currentStaffSession(request, context);
  if (session?.stage === 'signed_in') throw redirect(`/${locale}/staff`);
  return null;
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('staff.login.title') }];

// A throttled attempt's Retry-After reaches the page and the data request.
export const headers = retryAfterHeaders;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const form = await requireSmallForm(request, undefined, locale);
  const email = String(form.get('email') ?? '').slice(0, 320);
  const password = String(form.get('password') ?? '').slice(0, 1024);
  if (!email || !password) return data({ failed: 'staff.login.failed' as const, email, minutes: 0 }, { status: 401 });
  const step = await signInWithPassword(context.db, {
    secret: context.env.SESSION_SECRET,
    email,
    password,
    clientIp: context.clientIp,
    totpPolicy: context.env.STAFF_TOTP,
    replacing: await sessionToken(request, context),
  });
  if (step.outcome === 'throttled') {
    const minutes = Math.ceil(step.retryAfterSeconds / 60);
    return data({ failed: 'staff.login.throttled' as const, email, minutes }, { status: 429, headers: { 'Retry-After': String(step.retryAfterSeconds) } });
  }
  if (step.outcome === 'failed') return data({ failed: 'staff.login.failed' as const, email, minutes: 0 }, { status: 401 });
  return redirectWithSession(context, signInStepPath(locale, step.outcome), step);
}

export default function StaffLogin() {
  const { t } = useLocale();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t('staff.login.title')}</h1>
      {result?.failed ? <p className="notice notice-error" role="alert">{t(result.failed, { count: result.minutes })}</p> : null}
      <Form method="post">
        <TextField name="email" type="email" dir="ltr" label={t('staff.login.email')} required autoComplete="username" defaultValue={result?.email} />
        <TextField name="password" type="password" label={t('staff.login.password')} required autoComplete="current-password" />
        <button className="button" type="submit">{t('staff.login.submit')}</button>
      </Form>
    </>
  );
}
