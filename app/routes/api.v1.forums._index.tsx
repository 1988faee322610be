import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { forumResource } from '../lib/api/resources';
import { handleApi, json, methodNotAllowed, PUBLIC_CACHE } from '../lib/api/responses';
import { listForums } from '../modules/forums/forum-queries';

/** GET /api/v1/forums: every forum with its call (state, window, zone), languages and limits. */
export function loader({ request, context }: LoaderFunctionArgs) {
  return handleApi(request, async () => {
    const now = new Date();
    const forums = (await listForums(context.db)).map((f) => forumResource(f, now));
    return json({ forums }, { headers: { 'Cache-Control': PUBLIC_CACHE } });
  });
}

export const action = ({ request }: ActionFunctionArgs) => methodNotAllowed(request, ['GET', 'HEAD']);
