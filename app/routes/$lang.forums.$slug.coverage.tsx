import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { CoverageReport } from '../components/coverage/CoverageReport';
import { Interpolate } from '../components/Interpolate';
import { translator } from '../i18n/translate';
import { requireForum } from '../lib/forum-loader.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { forumCoverage } from '../modules/publication/coverage';
import { coverageView } from '../modules/publication/coverage-view';

/** The forum's public coverage map: what its published inputs address, counted on every request. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const forum = await requireForum(context, params.slug, locale);
  return coverageView(await forumCoverage(context.db, forum.id, 'published'), forum, locale);
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) => [
  { title: data ? translator(localeFromParams(params))('coverage.title', { forum: data.forum.name }) : '' },
];

export default function CoveragePage() {
  const view = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  return (
    <article className="coverage">
      <p><Link to={`/${locale}/forums/${view.forum.slug}`}><Interpolate template={t('coverage.back')} values={{ forum: view.forum.name }} /></Link></p>
      <h1><Interpolate template={t('coverage.title')} values={{ forum: view.forum.name }} /></h1>
      <p className="lede">{t('coverage.intro')}</p>
      <CoverageReport view={view} />
    </article>
  );
}
