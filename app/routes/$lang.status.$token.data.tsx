import type { LoaderFunctionArgs } from '@remix-run/node';
import { statusPage } from '../lib/message-page.server';
import { requireLocale } from '../lib/require-locale.server';
import { exportSubmitterData } from '../modules/submissions/personal-data';
import { looksLikeStatusToken } from '../modules/submissions/status-token';
import { findByStatusToken } from '../modules/submissions/submission-status';

/** A copy of everything held about the input, for the holder of its status link. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const found = looksLikeStatusToken(params.token) ? await findByStatusToken(context.db, params.token) : undefined;
  const data = found ? await exportSubmitterData(context.db, found.submission.id) : undefined;
  if (!data) return statusPage(locale, 404);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="data-${data.submission.reference}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
