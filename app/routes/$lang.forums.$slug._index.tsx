import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { CallStatus } from '../components/CallStatus';
import { requireForum } from '../lib/forum-loader.server';
import { requireLocale, useLocale } from '../lib/route-locale';
import { forumSummary } from '../modules/forums/forum-summary';
import { listPublishedInputs } from '../modules/publication/public-inputs';
import { constituencyLabel } from '../modules/taxonomy/constituencies';
import { countryName } from '../modules/taxonomy/countries';
import { submitterTypeLabel } from '../modules/taxonomy/submitter-types';
import { PublicAuthor } from '../components/PublicAuthor';
import { LateCodeForm } from '../components/LateCodeForm';

export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const forum = await requireForum(context, params.slug);
  const inputs = await listPublishedInputs(context.db, forum.id);
  return {
    forum: forumSummary(forum, locale),
    inputs: inputs.map((i) => ({
      reference: i.reference,
      title: i.title,
      summary: i.summary,
      author: { name: i.authorName, organisation: i.authorOrganisation, submitterType: submitterTypeLabel(i.submitterType, locale) },
      constituency: constituencyLabel(i.constituency, locale),
      country: countryName(i.country, locale),
      language: i.language,
    })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) => [
  { title: data?.forum.name ?? '' },
  // Feed readers find the forum's feed from its page.
  ...(data ? [{ tagName: 'link', rel: 'alternate', type: 'application/atom+xml', title: data.forum.name, href: `/${params.lang}/forums/${data.forum.slug}/feed.atom` }] : []),
];

export default function ForumPage() {
  const { forum, inputs } = useLoaderData<typeof loader>();
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
      {inputs.length === 0 ? <p>{t('forum.noneYet')}</p> : null}
      <ul className="input-list">
        {inputs.map((i) => (
          <li key={i.reference} className="card">
            <h3 lang={i.language} dir="auto"><Link to={`/${locale}/inputs/${i.reference}`}>{i.title}</Link></h3>
            <p className="hint">
              <bdi>{i.reference}</bdi> · <PublicAuthor {...i.author} /> · {i.constituency} · {i.country}
            </p>
            <p lang={i.language} dir="auto" className="user-text">{i.summary}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
