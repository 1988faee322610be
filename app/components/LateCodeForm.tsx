import { Form } from '@remix-run/react';
import { useLocale } from '../lib/route-locale';
import { TextField } from './form-fields';

/**
 * On a closed call: the way in for someone the secretariat gave a late-access code. A GET form, so
 * it works without JavaScript and the link an admin sends (…/submit?late=CODE) lands in the same place.
 */
export function LateCodeForm({ closesAt, refused, slug }: { closesAt: string; refused?: boolean; slug?: string }) {
  const { locale, t } = useLocale();
  return (
    <section className="card" aria-labelledby="late-title">
      <p id="late-title">{t('late.closedIntro', { date: closesAt })}</p>
      <Form method="get" action={slug ? `/${locale}/forums/${slug}/submit` : undefined}>
        <TextField name="late" label={t('late.code')} hint={t('late.code.hint')} autoComplete="off" dir="ltr" error={refused ? t('late.invalid') : undefined} />
        <button className="button button-secondary" type="submit">{t('late.open')}</button>
      </Form>
    </section>
  );
}
