import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react';
import { CsrfField } from '../components/CsrfField';
import { ScrollingTable } from '../components/ScrollingTable';
import { isMessageKey, translator, type MessageKey } from '../i18n/translate';
import { requireAdmin, requireStaffForm } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { staffTime } from '../modules/time/format-instant';
import { FAILED_WORK_LIST_LIMIT, operationsOverview, retryFailedWork } from '../modules/operations/failed-work';
import { QUEUE_STATES } from '../modules/operations/queue-counts';
import { Instant } from '../components/Instant';

/**
 * Operations, for admins: BullMQ's jobs by queue and state, the outbox's waiting work, and the
 * work that failed for good, each with a button that retries it (or the reason it cannot be).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  await requireAdmin(request, context, locale);
  const overview = await operationsOverview({ db: context.db, queueCounts: context.queueCounts });
  return {
    states: QUEUE_STATES,
    queues: overview.queues ? Object.entries(overview.queues).map(([name, states]) => ({ name, states })) : null,
    backlog: overview.backlog,
    failedTotal: overview.failedTotal,
    failed: overview.failed.map((f) => ({
      id: f.id,
      kind: f.kind,
      submissionId: f.submissionId,
      reference: f.reference,
      staffId: f.staffId,
      staffName: f.staffName,
      attempts: f.attempts,
      lastError: f.lastError,
      failedAt: staffTime(f.failedAt, locale),
      notRetriable: f.notRetriable ?? null,
    })),
  };
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('ops.title') }, { name: 'robots', content: 'noindex' }];

/** Most ids one form may name: the listed rows, with room to spare. */
const MAX_IDS = FAILED_WORK_LIST_LIMIT * 2;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { staff, form } = await requireStaffForm(request, context, locale, { admin: true });
  const ids = form.getAll('id').map(Number);
  if (form.get('intent') !== 'retry' || ids.length === 0 || ids.length > MAX_IDS || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
    throw new Response('Bad request', { status: 400 });
  }
  const { retried, skipped } = await retryFailedWork(context.db, { outboxIds: ids, staffId: staff.id });
  return redirect(`/${locale}/staff/operations?retried=${retried}${skipped ? `&skipped=${skipped}` : ''}`);
}

/** How long, in the largest whole unit that keeps it readable ("3 minutes", "يومان"), worded by Intl. */
function duration(seconds: number, locale: string): string {
  const [unit, value] =
    seconds < 120 ? ['second', seconds] : seconds < 2 * 3600 ? ['minute', Math.floor(seconds / 60)] : seconds < 2 * 86400 ? ['hour', Math.floor(seconds / 3600)] : ['day', Math.floor(seconds / 86400)];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

export default function Operations() {
  const { states, queues, backlog, failedTotal, failed } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  const { locale, t } = useLocale();
  const number = new Intl.NumberFormat(locale);
  const known = (prefix: string, value: string) => (isMessageKey(`${prefix}.${value}`) ? t(`${prefix}.${value}` as MessageKey) : value);
  const retried = search.get('retried');
  const skipped = Number(search.get('skipped')) || 0;
  const retriable = failed.filter((f) => !f.notRetriable);
  return (
    <>
      <h1>{t('ops.title')}</h1>
      {retried !== null ? (
        <div className="notice" role="status">
          <p>{t('ops.retried', { count: Number(retried) || 0 })}</p>
          {skipped > 0 ? <p>{t('ops.skipped', { count: skipped })}</p> : null}
        </div>
      ) : null}
      <p>{t('ops.intro')}</p>

      <h2>{t('ops.backlog')}</h2>
      {backlog.pending === 0 ? (
        <p>{t('ops.backlog.none')}</p>
      ) : (
        <p>
          {t('ops.backlog.pending', { count: backlog.pending })} {t('ops.backlog.oldest', { age: duration(backlog.oldestPendingSeconds, locale) })}
        </p>
      )}

      <h2>{t('ops.queues')}</h2>
      {queues ? (
        <ScrollingTable label={t('ops.queues')}>
          <caption className="visually-hidden">{t('ops.queues')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ops.col.queue')}</th>
              {states.map((state) => <th scope="col" className="num" key={state}>{known('ops.state', state)}</th>)}
            </tr>
          </thead>
          <tbody>
            {queues.map((q) => (
              <tr key={q.name}>
                <th scope="row">{known('ops.queue', q.name)}</th>
                {states.map((state) => <td className="num" key={state}>{number.format(q.states[state] ?? 0)}</td>)}
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : (
        <p className="notice notice-error">{t('ops.queues.unavailable')}</p>
      )}

      <h2>{t('ops.failed')}</h2>
      {failedTotal === 0 ? (
        <p>{t('ops.failed.none')}</p>
      ) : (
        <>
          <p>
            {t('ops.failed.count', { count: failedTotal })}
            {failedTotal > failed.length ? <> {t('ops.failed.shown', { shown: failed.length })}</> : null}
          </p>
          <p>{t('ops.failed.retryExplained')}</p>
          {retriable.length > 0 ? (
            // Retries exactly the rows listed (those that can be); rows failing later wait for the next look.
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="intent" value="retry" />
              {retriable.map((f) => <input type="hidden" name="id" value={f.id} key={f.id} />)}
              <button className="button" type="submit" disabled={busy}>{t('ops.retryAll', { count: retriable.length })}</button>
            </Form>
          ) : null}
          <ScrollingTable label={t('ops.failed.caption')}>
            <caption>{t('ops.failed.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">{t('ops.col.number')}</th>
                <th scope="col">{t('ops.col.work')}</th>
                <th scope="col">{t('ops.col.about')}</th>
                <th scope="col" className="num">{t('ops.col.attempts')}</th>
                <th scope="col">{t('ops.col.error')}</th>
                <th scope="col">{t('ops.col.failedAt')}</th>
                <th scope="col">{t('ops.retry')}</th>
              </tr>
            </thead>
            <tbody>
              {failed.map((f) => (
                <tr key={f.id}>
                  <th scope="row" className="num"><bdi dir="ltr">{f.id}</bdi></th>
                  <td>{known('ops.kind', f.kind)}</td>
                  <td>
                    {f.submissionId && f.reference ? (
                      <Link to={`/${locale}/staff/submissions/${f.submissionId}`}><bdi>{f.reference}</bdi></Link>
                    ) : f.staffId && f.staffName ? (
                      <Link to={`/${locale}/staff/team/${f.staffId}`}><bdi>{f.staffName}</bdi></Link>
                    ) : null}
                  </td>
                  <td className="num">{number.format(f.attempts)}</td>
                  <td>{f.lastError ? <code dir="ltr">{f.lastError}</code> : null}</td>
                  <td><Instant at={f.failedAt} /></td>
                  <td>
                    {f.notRetriable ? (
                      known('ops.cannot', f.notRetriable)
                    ) : (
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="intent" value="retry" />
                        <input type="hidden" name="id" value={f.id} />
                        <button className="button button-secondary" type="submit" disabled={busy}>
                          {t('ops.retry')}
                          <span className="visually-hidden"> {t('ops.workNumber', { id: String(f.id) })}</span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
        </>
      )}
    </>
  );
}
