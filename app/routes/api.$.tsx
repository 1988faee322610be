import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { apiLocale, notFound } from '../lib/api/responses';

/** Any other address under /api: a problem+json 404, never the HTML error page. */
export const loader = ({ request }: LoaderFunctionArgs) => notFound(apiLocale(request));
export const action = ({ request }: ActionFunctionArgs) => notFound(apiLocale(request));
