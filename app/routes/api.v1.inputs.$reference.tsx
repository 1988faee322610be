import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { referenceParam } from '../lib/api/params';
import { publicInputResource } from '../lib/api/resources';
import { handleApi, json, methodNotAllowed, notFound, PUBLIC_CACHE } from '../lib/api/responses';
import { findPublishedInput } from '../modules/publication/public-inputs';

/** GET /api/v1/inputs/{reference}: one published input. Anything not published is a 404, whatever its state. */
export function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(request, async (locale) => {
    const reference = referenceParam(params.reference);
    const input = reference ? await findPublishedInput(context.db, reference) : undefined;
    if (!input) return notFound(locale);
    return json(publicInputResource(input), { headers: { 'Cache-Control': PUBLIC_CACHE } });
  });
}

export const action = ({ request }: ActionFunctionArgs) => methodNotAllowed(request, ['GET', 'HEAD']);
