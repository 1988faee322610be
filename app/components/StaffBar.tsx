import { Form, Link } from '@remix-run/react';
import { useLocale } from '../lib/route-locale';
import { CsrfField } from './CsrfField';

/**
 * Who is signed in, the staff pages they may use, and the sign-out button (a POST, so no link can
 * sign anyone out). Forums, staff and operations are listed for admins only: moderators would get a 403 there.
 */
export function StaffBar({ name, role }: { name: string; role: 'admin' | 'moderator' }) {
  const { locale, t } = useLocale();
  return (
    <div className="notice staff-bar">
      <nav aria-label={t('nav.staff')} className="staff-nav">
        <Link to={`/${locale}/staff`}>{t('staff.nav.queue')}</Link>
        {role === 'admin' ? <Link to={`/${locale}/staff/forums`}>{t('staff.nav.forums')}</Link> : null}
        {role === 'admin' ? <Link to={`/${locale}/staff/team`}>{t('staff.nav.team')}</Link> : null}
        {role === 'admin' ? <Link to={`/${locale}/staff/operations`}>{t('staff.nav.operations')}</Link> : null}
        <Link to={`/${locale}/staff/account/two-factor`}>{t('staff.nav.account')}</Link>
      </nav>
      <span>
        <bdi>{name}</bdi>{' · '}
        <Form method="post" action={`/${locale}/staff/logout`} className="inline-form">
          <CsrfField />
          <button type="submit" className="link-button">{t('staff.logout')}</button>
        </Form>
      </span>
    </div>
  );
}
