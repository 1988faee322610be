import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { translator } from '../i18n/translate';
import { requireForum } from '../lib/forum-loader.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { isReference } from '../modules/submissions/reference';
import { pickLabel } from '../modules/taxonomy/locales';

/**
 * Shows the reference right after the submit transaction committed. The reference travels in a
 * signed short-lived cookie, so this page cannot be crafted to show a reference for someone else.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const forum = await requireForum(context, params.slug, locale);
  const reference = await context.cookies.received.parse(request.headers.get('Cookie'));
  if (typeof reference !== 'string' || !isReference(reference)) throw redirect(`/${locale}/forums/${forum.slug}`);
  return { reference, forumName: pickLabel(forum.name, locale), forumSlug: forum.slug };
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('received.title') }];

export default function Received() {
  const { reference, forumName, forumSlug } = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  return (
    <>
      <h1>{t('received.title')}</h1>
      <div className="card" role="status">
        <p>{t('received.reference')}</p>
        <p className="reference" data-testid="reference">{reference}</p>
        <p>{t('received.keep')}</p>
      </div>
      <p>{t('received.email')}</p>
      <p>{t('received.next')}</p>
      <p><Link to={`/${locale}/forums/${forumSlug}`}>{forumName}</Link></p>
    </>
  );
}
