import { openDataRoute } from '../lib/api/open-data-response.server';

/** GET /api/v1/inputs.csv: every published input of every forum, streamed (open data). */
const route = openDataRoute('csv', 'all');
export const loader = route.loader;
export const action = route.action;
