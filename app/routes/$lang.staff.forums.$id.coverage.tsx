import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { CoverageReport } from '../components/coverage/CoverageReport';
import { Interpolate } from '../components/Interpolate';
import { translator } from '../i18n/translate';
import { requireForumById } from '../lib/forum-loader.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { requireForumAccess, requireStaff } from '../lib/staff-auth.server';
import { forumCoverage } from '../modules/publication/coverage';
import { coverageView } from '../modules/publication/coverage-view';

/** The forum's coverage map counting the inputs still in review too: for staff who may see the forum. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const staff = await requireStaff(request, context, locale);
  const forum = await requireForumById(context, params.id, locale);
  requireForumAccess(staff, forum.id, locale);
  return coverageView(await forumCoverage(context.db, forum.id, 'underReview'), forum, locale);
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) => [
  { title: data ? translator(localeFromParams(params))('coverage.staffTitle', { forum: data.forum.name }) : '' },
];

export default function StaffCoveragePage() {
  const view = useLoaderData<typeof loader>();
  const { t } = useLocale();
  return (
    <article className="coverage">
      <h1><Interpolate template={t('coverage.staffTitle')} values={{ forum: view.forum.name }} /></h1>
      <p className="lede">{t('coverage.staffIntro')}</p>
      <CoverageReport view={view} />
    </article>
  );
}
