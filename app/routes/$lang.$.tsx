import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireLocale } from '../lib/require-locale.server';

/**
 * Any address under a language that no page answers: a 404 shown by the language's error page
 * ($lang.tsx), in the site's frame and the address's language. A page route (it has a component,
 * never shown) so that the error page renders instead of a bare response.
 */
export function loader({ params }: LoaderFunctionArgs) {
  requireLocale(params);
  throw new Response(null, { status: 404 });
}

export default function NoSuchPage() {
  return null;
}
