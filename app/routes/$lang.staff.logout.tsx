import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { statusPage } from '../lib/message-page.server';
import { currentStaffSession, requireSignInStepForm } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { endStaffSession } from '../modules/staff/staff-sessions';

/**
 * POST only, with the session's CSRF token (so no other site can sign anyone out): the server-side
 * session is deleted, so a copied cookie stops working too. A session already gone just loses its
 * cookie.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const session = await currentStaffSession(request, context);
  if (session) {
    await requireSignInStepForm(request, context, session, locale);
    await endStaffSession(context.db, session.token);
  }
  return redirect(`/${locale}/staff/login`, {
    headers: { 'Set-Cookie': await context.cookies.staffSession.serialize('', { maxAge: 0 }) },
  });
}

/** Opening the address does not sign anyone out (the button posts the form): a page says so. */
export function loader({ params }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  return statusPage(locale, 405, { headers: { Allow: 'POST' }, back: { href: `/${locale}/staff`, label: 'nav.staff' } });
}
