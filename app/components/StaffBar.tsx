import { Form } from '@remix-run/react';
import { useLocale } from '../lib/route-locale';

/** Who is signed in, and the sign-out button (a POST, so no link can sign anyone out). */
export function StaffBar({ name }: { name: string }) {
  const { locale, t } = useLocale();
  return (
    <div className="notice">
      <bdi>{name}</bdi>{' · '}
      <Form method="post" action={`/${locale}/staff/logout`} className="inline-form">
        <button type="submit" className="link-button">{t('staff.logout')}</button>
      </Form>
    </div>
  );
}
