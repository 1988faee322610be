import { Form, Link } from '@remix-run/react';
import { useLocale } from '../lib/route-locale';
import type { ReviewView } from '../modules/moderation/review-view';
import { SIMILARITY_THRESHOLD } from '../modules/moderation/similarity-threshold';
import { CsrfField } from './CsrfField';
import { ScrollingTable } from './ScrollingTable';

/**
 * Near-identical inputs of the same forum (a campaign, or the same text sent twice). The pending
 * ones can be marked, all at once, as duplicates of the input on this page.
 */
export function SimilarInputs({ review }: { review: ReviewView }) {
  const { locale, t } = useLocale();
  const { total, shown } = review.similar;
  if (total === 0) return null;
  const pending = shown.filter((o) => o.decision === 'pending');
  const cut = shown.length < total ? t('similar.firstOnly', { shown: shown.length, count: total }) : undefined;
  // The table's name says when it lists only some of the group, for those who go to it directly.
  const caption = cut ? `${t('similar.title', { count: total })}. ${cut}` : t('similar.title', { count: total });
  return (
    <section aria-labelledby="similar-heading">
      <h2 id="similar-heading">{t('similar.title', { count: total })}</h2>
      <p className="hint">{t('similar.hint')}</p>
      {cut ? <p>{cut}</p> : null}
      <Form method="post">
        <CsrfField />
        <ScrollingTable label={caption}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('similar.select')}</th>
              <th scope="col">{t('staff.col.reference')}</th>
              <th scope="col">{t('staff.col.title')}</th>
              <th scope="col">{t('similar.similarity')}</th>
              <th scope="col">{t('staff.detail.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((o) => (
              <tr key={o.id}>
                <td>
                  {o.decision === 'pending' ? (
                    // Ticked only when near-identical to this very input: a group can chain through others.
                    <input type="checkbox" name="item" value={`${o.id}:${o.version}`} defaultChecked={o.similarity >= SIMILARITY_THRESHOLD * 100} aria-label={t('similar.selectOne', { reference: o.reference })} />
                  ) : null}
                </td>
                <td><Link to={`/${locale}/staff/submissions/${o.id}`}><bdi>{o.reference}</bdi></Link></td>
                <td lang={o.language} dir="auto">{o.title}</td>
                <td>{t('similar.percent', { percent: o.similarity })}</td>
                <td>{t(`decision.${o.decision}`)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
        {pending.length > 0 ? (
          <button className="button button-secondary" type="submit" name="intent" value="group-duplicates">{t('similar.markDuplicates', { reference: review.reference })}</button>
        ) : null}
      </Form>
    </section>
  );
}
