import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Interpolate } from '../components/Interpolate';
import { PublicAuthor } from '../components/PublicAuthor';
import { requireLocale } from '../lib/require-locale.server';
import { useLocale } from '../lib/route-locale';
import { citationValues } from '../modules/publication/citation';
import { findPublishedInput, findWithdrawnFromPublication } from '../modules/publication/public-inputs';
import { listPublicAttachments } from '../modules/publication/public-attachments';
import { fileSizeLabel } from '../modules/attachments/file-size';
import { constituencyLabel } from '../modules/taxonomy/constituencies';
import { countryName } from '../modules/taxonomy/countries';
import { languageName, pickLabel } from '../modules/taxonomy/locales';
import { objectiveLabel } from '../modules/taxonomy/objectives';
import { principleLabel } from '../modules/taxonomy/principles';
import { regionLabel } from '../modules/taxonomy/regions';
import { submitterTypeLabel } from '../modules/taxonomy/submitter-types';

/**
 * A published input's public page. An input staff withdrew from publication answers 410 Gone and
 * says so; anything else not published is a 404, whatever its state.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const input = params.reference ? await findPublishedInput(context.db, params.reference) : undefined;
  if (!input) {
    const gone = params.reference ? await findWithdrawnFromPublication(context.db, params.reference) : undefined;
    if (!gone) throw new Response('Not found', { status: 404 });
    return data(
      {
        withdrawn: true as const,
        reference: gone.reference,
        forumSlug: gone.forumSlug,
        forumName: pickLabel(gone.forumName, locale),
        withdrawnOn: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(gone.unpublishedAt),
      },
      { status: 410 },
    );
  }
  return {
    withdrawn: false as const,
    reference: input.reference,
    forumSlug: input.forumSlug,
    forumName: pickLabel(input.forumName, locale),
    title: input.title,
    author: { name: input.authorName, organisation: input.authorOrganisation, submitterType: submitterTypeLabel(input.submitterType, locale) },
    constituency: constituencyLabel(input.constituency, locale),
    country: countryName(input.country, locale),
    region: regionLabel(input.region, locale),
    language: input.language,
    languageName: languageName(input.language, locale),
    objectives: input.objectives.map((o) => objectiveLabel(o, locale)),
    principles: input.principles.map((p) => principleLabel(p, locale)),
    summary: input.summary,
    body: input.body,
    attachments: (await listPublicAttachments(context.db, input.reference)).map((a) => ({ id: a.id, fileName: a.fileName, size: fileSizeLabel(a.sizeBytes, locale) })),
    publishedAt: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(input.publishedAt!),
    citation: citationValues({ ...input, forumName: pickLabel(input.forumName, locale), publishedAt: input.publishedAt! }, locale, new URL(`/${locale}/inputs/${input.reference}`, context.env.APP_URL).toString()),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? (data.withdrawn ? data.reference : `${data.title} (${data.reference})`) : '' }];

export default function PublicInput() {
  const input = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  if (input.withdrawn) {
    return (
      <article>
        <p><Link to={`/${locale}/forums/${input.forumSlug}`}>{input.forumName}</Link></p>
        <h1>{t('input.withdrawn.title', { reference: input.reference })}</h1>
        <p>{t('input.withdrawn.body', { date: input.withdrawnOn })}</p>
      </article>
    );
  }
  return (
    <article>
      <p><Link to={`/${locale}/forums/${input.forumSlug}`}>{input.forumName}</Link></p>
      <h1 lang={input.language} dir="auto">{input.title}</h1>
      <dl className="facts">
        <dt>{t('input.reference')}</dt><dd><bdi>{input.reference}</bdi></dd>
        <dt>{t('input.by')}</dt>
        <dd><PublicAuthor {...input.author} /></dd>
        <dt>{t('input.constituency')}</dt><dd>{input.constituency}</dd>
        <dt>{t('input.country')}</dt><dd>{input.country}</dd>
        <dt>{t('input.region')}</dt><dd>{input.region}</dd>
        <dt>{t('input.language')}</dt><dd>{input.languageName}</dd>
        <dt>{t('input.objectives')}</dt><dd>{input.objectives.join(' · ')}</dd>
        {input.principles.length > 0 ? <><dt>{t('input.principles')}</dt><dd>{input.principles.join(' · ')}</dd></> : null}
      </dl>
      <p className="hint">{t('input.published', { date: input.publishedAt })}</p>
      <h2>{t('input.summary')}</h2>
      <p lang={input.language} dir="auto" className="user-text">{input.summary}</p>
      <h2>{t('input.text')}</h2>
      <div lang={input.language} dir="auto" className="user-text">{input.body}</div>
      {input.attachments.length > 0 ? (
        <>
          <h2>{t('input.attachments')}</h2>
          <ul className="file-list">
            {input.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/${locale}/inputs/${input.reference}/attachments/${a.id}`} download>
                  <bdi>{a.fileName}</bdi>
                </a>{' '}
                <span className="hint">({a.size})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('input.pdf')}</h2>
      <p>
        <a href={`/${locale}/inputs/${input.reference}/pdf`} type="application/pdf">{t('input.pdf')} (<bdi>{input.reference}.pdf</bdi>)</a>
      </p>
      <p className="hint">{t('input.pdf.hint')}</p>
      <h2 id="cite">{t('cite.title')}</h2>
      <p className="citation"><Interpolate template={t('cite.text')} values={input.citation} /></p>
    </article>
  );
}
