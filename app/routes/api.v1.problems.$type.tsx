import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { translator } from '../i18n/translate';
import { isProblemType, PROBLEMS, PROBLEMS_BASE } from '../lib/api/problem';
import { handleApi, json, methodNotAllowed, notFound, PUBLIC_CACHE } from '../lib/api/responses';
import { INTERFACE_LOCALES } from '../modules/taxonomy/locales';

/** GET /api/v1/problems/{type}: what a problem `type` URI names, so the URI leads somewhere useful. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return handleApi(request, async (locale) => {
    const type = params.type ?? '';
    if (!isProblemType(type)) return notFound(locale);
    const { status, title } = PROBLEMS[type];
    const titles = Object.fromEntries(INTERFACE_LOCALES.map((l) => [l, translator(l)(title)]));
    return json({ type: `${PROBLEMS_BASE}${type}`, status, title: titles, documentation: '/api/v1/openapi.json' }, { headers: { 'Cache-Control': PUBLIC_CACHE } });
  });
}

export const action = ({ request }: ActionFunctionArgs) => methodNotAllowed(request, ['GET', 'HEAD']);
