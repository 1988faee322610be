import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { methodNotAllowed } from '../lib/api/responses';
import { publishedInputsSearch } from '../lib/api/search-response.server';

/** GET /api/v1/inputs: every forum's published inputs, searched and filtered (search-response.server.ts). */
export const loader = ({ request, context }: LoaderFunctionArgs) => publishedInputsSearch(request, context.db, 'all');

export const action = ({ request }: ActionFunctionArgs) => methodNotAllowed(request, ['GET', 'HEAD']);
