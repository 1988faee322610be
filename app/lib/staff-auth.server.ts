import { redirect } from '@remix-run/node';
import type { AppLoadContext } from '@remix-run/node';
import type { StaffUser } from '../../db/schema';
import { staffForSession } from '../modules/staff/staff-sessions';

async function sessionToken(request: Request, context: AppLoadContext): Promise<string | undefined> {
  const token = await context.cookies.staffSession.parse(request.headers.get('Cookie'));
  return typeof token === 'string' && token.length > 0 ? token : undefined;
}

export async function optionalStaff(request: Request, context: AppLoadContext): Promise<StaffUser | undefined> {
  const token = await sessionToken(request, context);
  return token ? staffForSession(context.db, token) : undefined;
}

/** The signed-in staff member, or a redirect to the sign-in page of the same language. */
export async function requireStaff(request: Request, context: AppLoadContext, lang: string): Promise<StaffUser> {
  const staff = await optionalStaff(request, context);
  if (!staff) throw redirect(`/${lang}/staff/login`);
  return staff;
}

export { sessionToken };

/**
 * An admin, or a 403 for other staff (moderators decide on inputs; only admins change forums).
 * Signed-out visitors are sent to sign in, as on every staff page.
 */
export async function requireAdmin(request: Request, context: AppLoadContext, lang: string): Promise<StaffUser> {
  const staff = await requireStaff(request, context, lang);
  if (staff.role !== 'admin') throw new Response('Forbidden', { status: 403 });
  return staff;
}
