import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { referenceParam } from '../lib/api/params';
import { publicInputResource } from '../lib/api/resources';
import { problem } from '../lib/api/problem';
import { handleApi, json, methodNotAllowed, notFound, PUBLIC_CACHE } from '../lib/api/responses';
import { translator } from '../i18n/translate';
import { findPublishedInput, findWithdrawnFromPublication } from '../modules/publication/public-inputs';

/**
 * GET /api/v1/inputs/{reference}: one published input. One the secretariat withdrew from
 * publication is a 410 with its reference and date, as on its web page; anything else not
 * published is a 404, whatever its state.
 */
export function loader({ request, params, context }: LoaderFunctionArgs) {
  return handleApi(request, async (locale) => {
    const reference = referenceParam(params.reference);
    const input = reference ? await findPublishedInput(context.db, reference) : undefined;
    if (!input) {
      const gone = reference ? await findWithdrawnFromPublication(context.db, reference) : undefined;
      if (!gone) return notFound(locale);
      return problem(locale, 'withdrawn-from-publication', {
        detail: translator(locale)('api.problem.withdrawn.detail'),
        extra: { reference: gone.reference, withdrawnAt: gone.unpublishedAt.toISOString() },
      });
    }
    return json(publicInputResource(input), { headers: { 'Cache-Control': PUBLIC_CACHE } });
  });
}

export const action = ({ request }: ActionFunctionArgs) => methodNotAllowed(request, ['GET', 'HEAD']);
