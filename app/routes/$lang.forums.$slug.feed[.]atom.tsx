import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireForum } from '../lib/forum-loader.server';
import { atomResponse } from '../lib/atom-response.server';
import { requireLocale } from '../lib/require-locale.server';
import { buildAtomFeed } from '../modules/publication/atom-feeds';

/** GET /:lang/forums/:slug/feed.atom: the forum's newest published inputs, and withdrawals from publication. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const forum = await requireForum(context, params.slug, locale);
  return atomResponse(await buildAtomFeed(context.db, { forum, locale, appUrl: context.env.APP_URL }), locale);
}
