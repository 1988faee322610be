import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { currentStaffSession, requireSignInStepForm } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/route-locale';
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
    await requireSignInStepForm(request, context, session);
    await endStaffSession(context.db, session.token);
  }
  return redirect(`/${locale}/staff/login`, {
    headers: { 'Set-Cookie': await context.cookies.staffSession.serialize('', { maxAge: 0 }) },
  });
}

export function loader() {
  throw new Response('Method not allowed', { status: 405 });
}
