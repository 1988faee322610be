import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { FoundInputs } from '../components/FoundInputs';
import { PublicSearchForm } from '../components/PublicSearchForm';
import { translator } from '../i18n/translate';
import { loadPublicListing } from '../lib/public-listing.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { listForums } from '../modules/forums/forum-queries';
import { countriesSortedFor } from '../modules/taxonomy/countries';
import { pickLabel } from '../modules/taxonomy/locales';

/** The public record across forums: every published input, searched and filtered. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const [listing, forums] = await Promise.all([loadPublicListing(context.db, request, locale), listForums(context.db)]);
  return {
    listing,
    forums: forums.map((f) => ({ slug: f.slug, name: pickLabel(f.name, locale) })),
    countries: countriesSortedFor(locale),
  };
}

export const meta: MetaFunction = ({ params }) => {
  const t = translator(localeFromParams(params));
  return [
    { title: t('search.allTitle') },
    { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', title: t('feed.allTitle'), href: `/${localeFromParams(params)}/feed.atom` },
  ];
};

export default function AllInputs() {
  const { listing, forums, countries } = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  return (
    <>
      <h1>{t('search.allTitle')}</h1>
      <p className="lede">{t('search.allIntro')}</p>
      <p><a href={`/${locale}/feed.atom`} type="application/atom+xml">{t('feed.link')}</a></p>
      <PublicSearchForm search={listing.search} clearTo={`/${locale}/inputs`} countries={countries} forums={forums} />
      <FoundInputs listing={listing} showForum />
    </>
  );
}
