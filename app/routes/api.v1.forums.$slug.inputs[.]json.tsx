import { openDataRoute } from '../lib/api/open-data-response.server';

/** GET /api/v1/forums/{slug}/inputs.json: every published input of the forum, streamed (open data). */
const route = openDataRoute('json', 'forum');
export const loader = route.loader;
export const action = route.action;
