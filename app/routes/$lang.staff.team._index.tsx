import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { listParts } from '../i18n/list-format';
import { translator } from '../i18n/translate';
import { requireAdmin } from '../lib/staff-auth.server';
import { forumChoices } from '../lib/staff-team.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { listStaff } from '../modules/staff/staff-admin';
import { ListOf } from '../components/ListOf';
import { ScrollingTable } from '../components/ScrollingTable';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  await requireAdmin(request, context, locale);
  const [staff, forums] = await Promise.all([listStaff(context.db), forumChoices(context.db, locale)]);
  const forumName = new Map(forums.map((f) => [f.id, f.name]));
  return {
    staff: staff.map((s) => ({
      id: s.id,
      displayName: s.displayName,
      email: s.email,
      role: s.role,
      // Listed here, on the server, as the language lists things: the page hydrates with this text.
      forums: s.role === 'admin' || s.allForums ? null : listParts(locale, s.forumIds.map((id) => forumName.get(id) ?? id)),
      status: s.disabled ? ('disabled' as const) : s.invited ? ('invited' as const) : ('active' as const),
      totpEnabled: s.totpEnabled,
    })),
  };
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('staff.team.title') }];

export default function StaffTeam() {
  const { staff } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const { locale, t } = useLocale();
  return (
    <>
      <h1>{t('staff.team.title')}</h1>
      {search.get('invited') ? <p className="notice" role="status">{t('staff.team.invited')}</p> : null}
      <p className="actions"><Link className="button" to={`/${locale}/staff/team/new`}>{t('staff.team.invite')}</Link></p>
      <ScrollingTable label={t('staff.team.caption', { count: staff.length })}>
        <caption className="visually-hidden">{t('staff.team.caption', { count: staff.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('staff.team.name')}</th>
            <th scope="col">{t('staff.team.email')}</th>
            <th scope="col">{t('staff.team.role')}</th>
            <th scope="col">{t('staff.team.forums')}</th>
            <th scope="col">{t('staff.team.status')}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.id}>
              <td><Link to={`/${locale}/staff/team/${s.id}`}><bdi>{s.displayName}</bdi></Link></td>
              <td><bdi dir="ltr">{s.email}</bdi></td>
              <td>{t(`staff.role.${s.role}`)}</td>
              <td>{s.forums ? <ListOf parts={s.forums} /> : t('staff.team.allForums')}</td>
              <td>
                {t(`staff.team.status.${s.status}`)}
                {s.totpEnabled ? <> · {t('staff.team.totpOn')}</> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollingTable>
    </>
  );
}
