import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { CallStatus } from '../components/CallStatus';
import { translator } from '../i18n/translate';
import { requireAdmin } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { forumAdminRow, scopeLabel } from '../modules/forums/forum-admin-view';
import { countInputsPerForum, listForums } from '../modules/forums/forum-queries';
import { ScrollingTable } from '../components/ScrollingTable';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const staff = await requireAdmin(request, context, locale);
  const now = new Date();
  const t = translator(locale);
  const [list, inputs] = await Promise.all([listForums(context.db), countInputsPerForum(context.db)]);
  return {
    forums: list.map((f) => ({ ...forumAdminRow(f, inputs.get(f.id) ?? 0, locale, now), scopeLabel: scopeLabel(f.scope, locale, t('forumAdmin.scope.global')) })),
  };
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('forumAdmin.list.title') }];

export default function ForumList() {
  const { forums } = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  return (
    <>
      <h1>{t('forumAdmin.list.title')}</h1>
      <p><Link className="button" to={`/${locale}/staff/forums/new`}>{t('forumAdmin.list.new')}</Link></p>
      {forums.length === 0 ? (
        <p>{t('forumAdmin.list.empty')}</p>
      ) : (
        <ScrollingTable label={t('forumAdmin.list.caption', { count: forums.length })}>
          <caption className="visually-hidden">{t('forumAdmin.list.caption', { count: forums.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forumAdmin.col.name')}</th>
              <th scope="col">{t('forumAdmin.col.scope')}</th>
              <th scope="col">{t('forumAdmin.col.call')}</th>
              <th scope="col">{t('forumAdmin.col.inputs')}</th>
              <th scope="col">{t('forumAdmin.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {forums.map((f) => (
              <tr key={f.id}>
                <th scope="row">
                  <Link reloadDocument to={`/${locale}/forums/${f.slug}`}>{f.name}</Link>
                  {f.isDemo ? <> <span className="badge badge-closed">{t('forumAdmin.demo')}</span></> : null}
                  <br /><span className="hint" dir="ltr">{f.slug}</span>
                </th>
                <td>{f.scopeLabel}</td>
                <td><CallStatus forum={f} t={t} /></td>
                <td>{new Intl.NumberFormat(locale).format(f.inputsReceived)}</td>
                <td>
                  <ul className="plain-list">
                    <li><Link to={`/${locale}/staff/forums/${f.id}`} aria-label={`${t('forumAdmin.edit')}: ${f.name}`}>{t('forumAdmin.edit')}</Link></li>
                    <li><Link to={`/${locale}/staff/forums/${f.id}/late-access`} aria-label={`${t('forumAdmin.lateCodes')}: ${f.name}`}>{t('forumAdmin.lateCodes')}</Link></li>
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      )}
    </>
  );
}
