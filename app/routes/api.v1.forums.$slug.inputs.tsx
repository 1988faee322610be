import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { methodNotAllowed } from '../lib/api/responses';
import { publishedInputsSearch } from '../lib/api/search-response.server';

/** GET /api/v1/forums/{slug}/inputs: the forum's published inputs, searched and filtered (search-response.server.ts). */
export const loader = ({ request, params, context }: LoaderFunctionArgs) => publishedInputsSearch(request, context.db, { slug: params.slug ?? '' });

export const action = ({ request }: ActionFunctionArgs) => methodNotAllowed(request, ['GET', 'HEAD']);
