import type { LoaderFunctionArgs } from '@remix-run/node';
import { Outlet, useLoaderData } from '@remix-run/react';
import { FocusAfterNavigation } from '../components/FocusAfterNavigation';
import { StaffBar } from '../components/StaffBar';
import { csrfTokenFor, currentStaffSession } from '../lib/staff-auth.server';
import { APPLICATION_PAGES } from '../lib/page-handle';
import { requireLocale } from '../lib/require-locale.server';

/**
 * Frame of the staff side: who is signed in, the staff navigation, and the CSRF token every staff
 * form carries (read by <CsrfField/>). Authorisation is not decided here: each page's own loader
 * and action check it, since they run whatever this loader says.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireLocale(params);
  const session = await currentStaffSession(request, context);
  return {
    staff: session?.stage === 'signed_in' ? { name: session.staff.displayName, role: session.staff.role } : null,
    csrf: session ? csrfTokenFor(context, session.token) : null,
  };
}

/** Staff pages are a client-side application; the public ones are documents. */
export const handle = APPLICATION_PAGES;

export default function StaffLayout() {
  const { staff } = useLoaderData<typeof loader>();
  return (
    <>
      <FocusAfterNavigation />
      {staff ? <StaffBar name={staff.name} role={staff.role} /> : null}
      <Outlet />
    </>
  );
}
