import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { renderSVG } from 'uqr';
import { CsrfField } from '../components/CsrfField';
import { TextField } from '../components/form-fields';
import { translator } from '../i18n/translate';
import { currentStaffSession, redirectWithSession, requireSignInStepForm } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { totpRequired } from '../modules/staff/sign-in';
import { confirmTotpSetup, offeredTotpSecret } from '../modules/staff/totp-setup';
import { totpUri } from '../modules/staff/totp';

/**
 * Two-factor sign-in: set up here, either as the last step of a sign-in the role requires it for,
 * or by choice from a signed-in session.
 */
async function sessionForSetup(request: Request, context: LoaderFunctionArgs['context'], locale: string) {
  const session = await currentStaffSession(request, context);
  if (!session || session.stage === 'second_factor') throw redirect(`/${locale}/staff/login`);
  return session;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const session = await sessionForSetup(request, context, locale);
  const required = totpRequired(session.staff.role, context.env.STAFF_TOTP);
  if (session.staff.totpEnabled) return { enabled: true as const, required };
  const offer = await offeredTotpSecret(context.db, session.token);
  if (!offer) throw redirect(`/${locale}/staff/login`);
  const uri = totpUri(offer.secret, offer.account);
  return {
    enabled: false as const,
    required,
    duringSignIn: session.stage === 'totp_setup',
    // An image, so it shows without JavaScript; the same secret is printed for apps that type it.
    qr: `data:image/svg+xml;base64,${Buffer.from(renderSVG(uri, { border: 2 })).toString('base64')}`,
    secret: offer.secret.replace(/(.{4})/g, '$1 ').trim(),
  };
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('staff.totp.title') }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const session = await sessionForSetup(request, context, locale);
  const form = await requireSignInStepForm(request, context, session, locale);
  const result = await confirmTotpSetup(context.db, { sessionToken: session.token, code: String(form.get('code') ?? '').slice(0, 32) });
  if (!result.ok && result.reason === 'expired') throw redirect(`/${locale}/staff/login`);
  if (!result.ok) return data({ failed: true }, { status: 400 });
  return redirectWithSession(context, `/${locale}/staff?twoFactor=on`, result);
}

export default function TwoFactorSetup() {
  const view = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useLocale();
  return (
    <>
      <h1>{t('staff.totp.title')}</h1>
      {view.enabled ? (
        <p className="notice" role="status">{t('staff.totp.enabled')}</p>
      ) : (
        <>
          <p>{view.required ? t('staff.totp.required') : t('staff.totp.optional')}</p>
          <ol>
            <li>{t('staff.totp.step1')}</li>
            <li>
              {t('staff.totp.step2')}
              <p><img src={view.qr} width={200} height={200} alt={t('staff.totp.qrAlt')} /></p>
              <p>{t('staff.totp.secret')} <code dir="ltr">{view.secret}</code></p>
            </li>
            <li>{t('staff.totp.step3')}</li>
          </ol>
          {result?.failed ? <p className="notice notice-error" role="alert">{t('staff.totp.failed')}</p> : null}
          <Form method="post">
            <CsrfField />
            <TextField name="code" dir="ltr" label={t('staff.code.label')} required autoComplete="one-time-code" inputMode="numeric" />
            <button className="button" type="submit">{t('staff.totp.submit')}</button>
          </Form>
        </>
      )}
    </>
  );
}
