import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData } from '@remix-run/react';
import { CsrfField } from '../components/CsrfField';
import { TextField } from '../components/form-fields';
import { translator } from '../i18n/translate';
import { currentStaffSession, redirectWithSession, requireSignInStepForm } from '../lib/staff-auth.server';
import { retryAfterHeaders } from '../lib/retry-after-headers';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { signInWithCode } from '../modules/staff/sign-in';

/** The second step of signing in: the code from the authenticator app. */
async function sessionAwaitingCode(request: Request, context: LoaderFunctionArgs['context'], locale: string) {
  const session = await currentStaffSession(request, context);
  if (session?.stage === 'signed_in') throw redirect(`/${locale}/staff`);
  if (session?.stage !== 'second_factor') throw redirect(`/${locale}/staff/login`);
  return session;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await sessionAwaitingCode(request, context, requireLocale(params));
  return null;
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('staff.code.title') }];

// A throttled attempt's Retry-After reaches the page and the data request.
export const headers = retryAfterHeaders;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const session = await sessionAwaitingCode(request, context, locale);
  const form = await requireSignInStepForm(request, context, session, locale);
  const step = await signInWithCode(context.db, {
    secret: context.env.SESSION_SECRET,
    sessionToken: session.token,
    code: String(form.get('code') ?? '').slice(0, 32),
    clientIp: context.clientIp,
  });
  if (step.outcome === 'expired') throw redirect(`/${locale}/staff/login`);
  if (step.outcome === 'throttled') {
    const minutes = Math.ceil(step.retryAfterSeconds / 60);
    return data({ failed: 'staff.login.throttled' as const, minutes }, { status: 429, headers: { 'Retry-After': String(step.retryAfterSeconds) } });
  }
  if (step.outcome === 'failed') return data({ failed: 'staff.code.failed' as const, minutes: 0 }, { status: 401 });
  return redirectWithSession(context, `/${locale}/staff`, step);
}

export default function SignInCode() {
  const { t } = useLocale();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t('staff.code.title')}</h1>
      {result?.failed ? <p className="notice notice-error" role="alert">{t(result.failed, { minutes: result.minutes })}</p> : null}
      <Form method="post">
        <CsrfField />
        <TextField
          name="code"
          dir="ltr"
          label={t('staff.code.label')}
          hint={t('staff.code.hint')}
          required
          autoComplete="one-time-code"
          inputMode="numeric"
        />
        <button className="button" type="submit">{t('staff.code.submit')}</button>
      </Form>
    </>
  );
}
