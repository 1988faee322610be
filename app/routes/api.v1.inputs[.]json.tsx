import { openDataRoute } from '../lib/api/open-data-response.server';

/** GET /api/v1/inputs.json: every published input of every forum, streamed (open data). */
const route = openDataRoute('json', 'all');
export const loader = route.loader;
export const action = route.action;
