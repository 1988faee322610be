import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { CallStatus } from '../components/CallStatus';
import { translator } from '../i18n/translate';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { forumSummary } from '../modules/forums/forum-summary';
import { listForums } from '../modules/forums/forum-queries';

export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const forums = (await listForums(context.db)).map((f) => forumSummary(f, locale));
  // Open calls first, then upcoming, then closed: what a visitor can act on now comes first.
  const order = { open: 0, upcoming: 1, closed: 2 };
  return { forums: forums.sort((a, b) => order[a.state] - order[b.state]) };
}

export const meta: MetaFunction = ({ params }) => {
  const t = translator(localeFromParams(params));
  return [
    { title: t('home.title') },
    { name: 'description', content: t('site.tagline') },
    // Feed readers find the feed of every forum's published inputs from the home page.
    { tagName: 'link', rel: 'alternate', type: 'application/atom+xml', title: t('feed.allTitle'), href: `/${localeFromParams(params)}/feed.atom` },
  ];
};

export default function Home() {
  const { forums } = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lede">{t('home.intro')}</p>
      {forums.length === 0 ? <p>{t('home.none')}</p> : null}
      {forums.map((f) => (
        <section key={f.slug} className="card" aria-labelledby={`forum-${f.slug}`}>
          <h2 id={`forum-${f.slug}`}><Link to={`/${locale}/forums/${f.slug}`}>{f.name}</Link></h2>
          <CallStatus forum={f} t={t} />
          {f.state === 'open' ? <Link className="button" to={`/${locale}/forums/${f.slug}/submit`}>{t('forum.send')}</Link> : null}
        </section>
      ))}
      <p><Link to={`/${locale}/inputs`}>{t('search.allLink')}</Link></p>
      <p><a href={`/${locale}/feed.atom`} type="application/atom+xml">{t('feed.link')}</a></p>
    </>
  );
}
