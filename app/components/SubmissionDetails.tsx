import { useLocale } from '../lib/route-locale';
import { HintedText } from './HintedText';
import type { ReviewView } from '../modules/moderation/review-view';
import { Instant } from './Instant';

/** Every field of a submission as staff see it, user text isolated in its own language. */
export function SubmissionDetails({ review: r }: { review: ReviewView }) {
  const { t, locale } = useLocale();
  const consented = [
    r.publishName ? t('staff.detail.consent.name') : null,
    r.publishOrganisation ? t('staff.detail.consent.organisation') : null,
    r.publishAttachments && r.attachments.length > 0 ? t('staff.detail.consent.attachments') : null,
  ].filter(Boolean);
  return (
    <article>
      <p className="hint"><bdi>{r.reference}</bdi> · {r.forumName} · <Instant at={r.receivedAt} /></p>
      <h1 lang={r.language} dir="auto">{r.title}</h1>
      <dl className="facts">
        <dt>{t('input.submitterType')}</dt><dd>{r.submitterType}</dd>
        <dt>{t('staff.detail.contact')}</dt>
        <dd>{r.personalDataErased ? t('staff.detail.erased') : <><bdi>{r.contactName}</bdi> &lt;<bdi>{r.email}</bdi>&gt;</>}</dd>
        <dt>{t('form.organisation')}</dt><dd><bdi>{r.organisation ?? '—'}</bdi></dd>
        <dt>{t('input.constituency')}</dt><dd>{r.constituency}</dd>
        <dt>{t('input.country')}</dt><dd>{r.country}</dd>
        <dt>{t('input.region')}</dt><dd>{r.region}</dd>
        <dt>{t('input.language')}</dt><dd>{r.languageName}</dd>
        <dt>{t('input.objectives')}</dt><dd>{r.objectives.join(' · ')}</dd>
        <dt>{t('input.principles')}</dt><dd>{r.principles.join(' · ') || '—'}</dd>
        <dt>{t('staff.detail.consent')}</dt><dd>{consented.join(' · ') || t('staff.detail.consent.neither')}</dd>
        {/* Empty once an unsalted digest went with the personal data (unlink-digest.ts). */}
        <dt>SHA-256</dt><dd>{r.contentSha256 ? <code>{r.contentSha256}</code> : '—'}</dd>
      </dl>
      <h2>{t('input.summary')}</h2>
      <p lang={r.language} dir="auto" className="user-text"><HintedText text={r.summary} /></p>
      <h2>{t('input.text')}</h2>
      <div lang={r.language} dir="auto" className="user-text"><HintedText text={r.body} /></div>
      {r.attachments.length > 0 ? (
        <>
          <h2>{t('input.attachments')}</h2>
          <ul className="file-list">
            {r.attachments.map((a) => (
              <li key={a.id}>
                <a href={`/${locale}/staff/submissions/${r.id}/attachments/${a.id}`} download>
                  <bdi>{a.fileName}</bdi>
                </a>{' '}
                <span className="hint">({a.size})</span>
                <br />
                <code className="hint">SHA-256 {a.sha256}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
