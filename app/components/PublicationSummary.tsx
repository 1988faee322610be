import { Link } from '@remix-run/react';
import { useLocale } from '../lib/route-locale';
import type { ReviewView } from '../modules/moderation/review-view';
import { Instant } from './Instant';
import { Interpolate } from './Interpolate';

/** One sentence: where the input stands on the public record (the time isolated, so it reads right in Arabic). */
export function PublicationState({ publication: p, decision }: Pick<ReviewView, 'publication' | 'decision'>) {
  const { t } = useLocale();
  if (p.state === 'none') return <>{t(decision === 'accepted' ? 'publication.state.acceptedNotPublished' : 'publication.state.notAccepted')}</>;
  return <Interpolate template={t(`publication.state.${p.state}`)} values={{ at: <Instant at={p.at} /> }} />;
}

/** The detail page's section on publication, with the way to the public version and publication page. */
export function PublicationSummary({ review }: { review: ReviewView }) {
  const { locale, t } = useLocale();
  return (
    <section aria-labelledby="publication-heading">
      <h2 id="publication-heading">{t('publication.record')}</h2>
      <p>
        <PublicationState publication={review.publication} decision={review.decision} />
        {review.redacted ? <> {t('publication.redacted')}</> : null}
      </p>
      <p><Link to={`/${locale}/staff/submissions/${review.id}/publication`}>{t('publication.open')}</Link></p>
    </section>
  );
}
