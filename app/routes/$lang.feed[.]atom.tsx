import type { LoaderFunctionArgs } from '@remix-run/node';
import { atomResponse } from '../lib/atom-response.server';
import { requireLocale } from '../lib/require-locale.server';
import { buildAtomFeed } from '../modules/publication/atom-feeds';

/** GET /:lang/feed.atom: the newest published inputs of every forum, and withdrawals from publication. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  return atomResponse(await buildAtomFeed(context.db, { locale, appUrl: context.env.APP_URL }), locale);
}
