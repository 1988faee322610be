import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { CallStatus } from '../components/CallStatus';
import { requireForum } from '../lib/forum-loader.server';
import { requireLocale } from '../lib/require-locale.server';
import { useLocale } from '../lib/route-locale';
import { forumSummary } from '../modules/forums/forum-summary';
import { countriesSortedFor } from '../modules/taxonomy/countries';
import { FoundInputs } from '../components/FoundInputs';
import { PublicSearchForm } from '../components/PublicSearchForm';
import { loadPublicListing } from '../lib/public-listing.server';
import { LateCodeForm } from '../components/LateCodeForm';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const forum = await requireForum(context, params.slug, locale);
  return {
    forum: forumSummary(forum, locale),
    listing: await loadPublicListing(context.db, request, locale, forum.id),
    countries: countriesSortedFor(locale),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) => [
  { title: data?.forum.name ?? '' },
  // Feed readers find the forum's feed from its page.
  ...(data ? [{ tagName: 'link', rel: 'alternate', type: 'application/atom+xml', title: data.forum.name, href: `/${params.lang}/forums/${data.forum.slug}/feed.atom` }] : []),
];

export default function ForumPage() {
  const { forum, listing, countries } = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  return (
    <>
      <h1>{forum.name}</h1>
      <CallStatus forum={forum} t={t} />
      <p className="user-text">{forum.guidance}</p>
      {forum.state === 'open' ? <p><Link className="button" to={`/${locale}/forums/${forum.slug}/submit`}>{t('forum.send')}</Link></p> : null}
      {forum.state === 'closed' ? (
        <details className="late-details">
          <summary>{t('late.have')}</summary>
          <LateCodeForm closesAt={forum.closesAt} slug={forum.slug} />
        </details>
      ) : null}
      <h2>{t('forum.published')}</h2>
      <p><a href={`/${locale}/forums/${forum.slug}/feed.atom`} type="application/atom+xml">{t('feed.link')}</a></p>
      <p><Link to={`/${locale}/forums/${forum.slug}/ledger`}>{t('ledger.link')}</Link></p>
      <p><Link to={`/${locale}/forums/${forum.slug}/coverage`}>{t('coverage.link')}</Link></p>
      <p><Link to={`/${locale}/inputs`}>{t('search.allLink')}</Link></p>
      <PublicSearchForm search={listing.search} clearTo={`/${locale}/forums/${forum.slug}`} countries={countries} />
      <FoundInputs listing={listing} />
    </>
  );
}
