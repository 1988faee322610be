import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { handleApi, methodNotAllowed } from '../lib/api/responses';
import { submitInput } from '../lib/api/submit.server';

/** POST /api/v1/forums/{slug}/submissions: send one written input as JSON (see app/lib/api/submit.server.ts). */
export function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== 'POST') return methodNotAllowed(request, ['POST']);
  return handleApi(request, (locale) => submitInput(request, context, params.slug, locale));
}

export const loader = ({ request }: LoaderFunctionArgs) => methodNotAllowed(request, ['POST']);
