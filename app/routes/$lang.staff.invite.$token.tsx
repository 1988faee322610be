import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { ErrorSummary, TextField } from '../components/form-fields';
import { translator } from '../i18n/translate';
import { redirectWithSession, signInStepPath } from '../lib/staff-auth.server';
import { requireSmallForm } from '../lib/read-form.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../modules/staff/password-rules';
import { acceptInvite, findInvite } from '../modules/staff/staff-invites';

/**
 * The page an invitation e-mail links to: choose a password. The token in the address is the
 * credential (one use, a week), so the page asks for nothing else.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  requireLocale(params);
  const invite = params.token && params.token.length <= 64 ? await findInvite(context.db, params.token) : undefined;
  if (!invite) return data({ invite: null }, { status: 410 });
  return { invite: { displayName: invite.displayName, email: invite.email } };
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('staff.invite.title') }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const form = await requireSmallForm(request, undefined, locale);
  const password = String(form.get('password') ?? '');
  const problem = passwordProblem(password, String(form.get('repeat') ?? ''));
  if (problem) return data({ problem }, { status: 400 });
  const accepted = params.token && params.token.length <= 64 ? await acceptInvite(context.db, { token: params.token, password, totpPolicy: context.env.STAFF_TOTP }) : undefined;
  if (!accepted?.ok) return data({ problem: 'invalid_link' as const }, { status: 410 });
  return redirectWithSession(context, signInStepPath(locale, accepted.stage), accepted);
}

export default function AcceptInvite() {
  const { invite } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useLocale();
  if (!invite || result?.problem === 'invalid_link') {
    return (
      <>
        <h1>{t('staff.invite.title')}</h1>
        <p className="notice notice-error" role="alert">{t('staff.invite.invalid')}</p>
      </>
    );
  }
  const problem = result?.problem;
  const passwordError = problem === 'too_short' || problem === 'too_long' ? t(problem === 'too_short' ? 'staff.invite.too_short' : 'staff.invite.too_long', { min: MIN_PASSWORD_LENGTH }) : undefined;
  const repeatError = problem === 'mismatch' ? t('staff.invite.mismatch') : undefined;
  const problems = [
    ...(passwordError ? [{ field: 'password', label: t('staff.invite.password'), message: passwordError }] : []),
    ...(repeatError ? [{ field: 'repeat', label: t('staff.invite.repeat'), message: repeatError }] : []),
  ];
  return (
    <>
      <h1>{t('staff.invite.title')}</h1>
      <p>{t('staff.invite.intro', { name: invite.displayName })}</p>
      <ErrorSummary title={t('form.errorSummary', { count: problems.length })} errors={problems} />
      <Form method="post" noValidate>
        <input type="hidden" name="username" autoComplete="username" value={invite.email} />
        <TextField
          name="password"
          type="password"
          label={t('staff.invite.password')}
          hint={t('staff.invite.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          error={passwordError}
          required
          autoComplete="new-password"
        />
        <TextField
          name="repeat"
          type="password"
          label={t('staff.invite.repeat')}
          error={repeatError}
          required
          autoComplete="new-password"
        />
        <button className="button" type="submit">{t('staff.invite.submit')}</button>
      </Form>
    </>
  );
}
