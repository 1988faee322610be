import { Form } from '@remix-run/react';
import { known as knownMessage } from '../i18n/translate';
import { useLocale } from '../lib/route-locale';
import type { AuditEntryView, ReviewView } from '../modules/moderation/review-view';
import { CsrfField } from './CsrfField';
import { Instant } from './Instant';
import { TextArea } from './form-fields';

/** A recorded kind or action in words; one the catalog does not know yet is shown as recorded. */
function useKnown() {
  const { t } = useLocale();
  return (prefix: string, value: string) => knownMessage(t, prefix, value);
}

/** One audit row: when, what, who, and the before → after and reason it recorded. */
export function AuditEntry({ a }: { a: AuditEntryView }) {
  const { t } = useLocale();
  const known = useKnown();
  return (
    <li>
      <Instant at={a.occurredAt} /> · {known('staff.audit', a.action)}
      {a.late ? <> ({t('staff.audit.late')})</> : null} · {a.actorName ? <bdi>{a.actorName}</bdi> : known('staff.actor', a.actor)}
      {/* The arrow points the way the language reads: → in left-to-right text, ← in Arabic. */}
      {a.from && a.to ? <> · {t('staff.audit.change', { from: known('decision', a.from), to: known('decision', a.to) })}</> : null}
      {a.scheduledFor ? <> · <Instant at={a.scheduledFor} /></> : null}
      {a.fields ? <> · {a.fields}</> : null}
      {a.category ? <> · {known('rejection', a.category)}</> : null}
      {a.reason ? <> · <bdi>{a.reason}</bdi></> : null}
    </li>
  );
}

/** Notes, earlier versions, e-mails and the audit timeline of an input. */
export function ReviewHistory({ review, noteError }: { review: ReviewView; noteError?: string }) {
  const { t } = useLocale();
  const known = useKnown();
  return (
    <>
      <h2>{t('staff.detail.notes')}</h2>
      {review.notes.length === 0 ? <p className="hint">{t('staff.detail.noNotes')}</p> : (
        <ul>
          {review.notes.map((n) => (
            <li key={n.id}><bdi>{n.author}</bdi> · <Instant at={n.at} /><p dir="auto" className="user-text">{n.body}</p></li>
          ))}
        </ul>
      )}
      <Form method="post">
        <CsrfField />
        <TextArea name="note" label={t('staff.detail.addNote')} error={noteError ? t(noteError as 'error.required') : undefined} />
        <button className="button button-secondary" type="submit" name="intent" value="note">{t('staff.detail.saveNote')}</button>
      </Form>

      {review.versions.length > 0 ? (
        <>
          <h2>{t('staff.detail.versions')}</h2>
          {review.versions.map((v) => (
            <details key={v.number}>
              <summary>{t('staff.detail.version', { number: v.number })} · <Instant at={v.receivedAt} /> · <bdi>{v.title}</bdi></summary>
              <p lang={review.language} dir="auto" className="user-text">{v.summary}</p>
              <div lang={review.language} dir="auto" className="user-text">{v.body}</div>
            </details>
          ))}
        </>
      ) : null}

      <h2>{t('staff.detail.emails')}</h2>
      <ul>
        {review.deliveries.map((d) => <li key={d.id}>{known('status.email', d.kind)} · <Instant at={d.sentAt} /> · <bdi dir="ltr">{d.smtpResponse}</bdi></li>)}
        {review.failures.map((f) =>
          f.held ? (
            <li key={`f${f.id}`}>{known('status.email', f.kind)} · <Instant at={f.at} /> · {t('staff.detail.emailHeld')}</li>
          ) : (
            <li key={`f${f.id}`}>{known('status.email', f.kind)} · <Instant at={f.at} /> · {t('staff.detail.emailFailed')} · <bdi dir="ltr">{f.error}</bdi></li>
          ),
        )}
      </ul>
      <h2>{t('staff.detail.audit')}</h2>
      <ul>{review.audit.map((a) => <AuditEntry key={a.id} a={a} />)}</ul>
    </>
  );
}
