import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { sessionToken } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/route-locale';
import { endStaffSession } from '../modules/staff/staff-sessions';

/** POST only: the server-side session is deleted, so a copied cookie stops working too. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const token = await sessionToken(request, context);
  if (token) await endStaffSession(context.db, token);
  return redirect(`/${locale}/staff/login`, {
    headers: { 'Set-Cookie': await context.cookies.staffSession.serialize('', { maxAge: 0 }) },
  });
}

export function loader() {
  throw new Response('Method not allowed', { status: 405 });
}
