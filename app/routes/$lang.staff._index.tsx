import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { translator } from '../i18n/translate';
import { requireStaff } from '../lib/staff-auth.server';
import { localeFromParams, requireLocale, useLocale } from '../lib/route-locale';
import { listPendingSubmissions } from '../modules/moderation/queue';
import { pickLabel } from '../modules/taxonomy/locales';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const staff = await requireStaff(request, context, locale);
  const pending = await listPendingSubmissions(context.db, staff.forums);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  return {
    pending: pending.map((p) => ({
      id: p.id,
      reference: p.reference,
      title: p.title,
      language: p.language,
      forum: pickLabel(p.forumName, locale),
      receivedAt: `${when.format(p.receivedAt)} UTC`,
    })),
  };
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('staff.queue.title') }];

export default function ModerationQueue() {
  const { pending } = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  return (
    <>
      <h1>{t('staff.queue.title')}</h1>
      {pending.length === 0 ? (
        <p>{t('staff.queue.empty')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('staff.queue.count', { count: pending.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.col.reference')}</th>
              <th scope="col">{t('staff.col.title')}</th>
              <th scope="col">{t('staff.col.forum')}</th>
              <th scope="col">{t('staff.col.received')}</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((p) => (
              <tr key={p.id}>
                <td><Link to={`/${locale}/staff/submissions/${p.id}`}><bdi>{p.reference}</bdi></Link></td>
                <td lang={p.language} dir="auto">{p.title}</td>
                <td>{p.forum}</td>
                <td>{p.receivedAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
