import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { openApiDocument } from '../lib/api/openapi';
import { handleApi, json, methodNotAllowed, PUBLIC_CACHE } from '../lib/api/responses';

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of the API, generated from its zod schemas. */
export const loader = ({ request }: LoaderFunctionArgs) =>
  handleApi(request, async () => json(openApiDocument(), { headers: { 'Cache-Control': PUBLIC_CACHE } }));

export const action = ({ request }: ActionFunctionArgs) => methodNotAllowed(request, ['GET', 'HEAD']);
