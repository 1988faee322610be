import { useRouteLoaderData } from '@remix-run/react';
import type { loader } from '../routes/$lang.staff';

/** The hidden CSRF token of the staff session; every staff form that changes something includes it. */
export function CsrfField() {
  const data = useRouteLoaderData<typeof loader>('routes/$lang.staff');
  return data?.csrf ? <input type="hidden" name="csrf" value={data.csrf} /> : null;
}
