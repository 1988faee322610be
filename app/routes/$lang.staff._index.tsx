import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { REJECTION_CATEGORIES } from '../../db/schema/rejection-categories';
import { CsrfField } from '../components/CsrfField';
import { ErrorSummary, SelectField, TextArea } from '../components/form-fields';
import { decisionErrorMessage } from '../components/DecisionPanel';
import { QueueFilters } from '../components/QueueFilters';
import { translator } from '../i18n/translate';
import { readDecision } from '../lib/decision-form.server';
import { mayModerate, requireStaff, requireStaffForm } from '../lib/staff-auth.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { decideMany, parseBulkItems } from '../modules/moderation/bulk-decide';
import { listQueuePage, queueCounts } from '../modules/moderation/moderation-queue';
import { parseQueueFilter, queueQuery } from '../modules/moderation/queue-filter';
import { findForumById, listForums } from '../modules/forums/forum-queries';
import { defaultPublishAt } from '../modules/publication/publish-default';
import { PublishTimeFields } from '../components/PublishTimeFields';
import { constituencyLabel } from '../modules/taxonomy/constituencies';
import { countryName } from '../modules/taxonomy/countries';
import { pickLabel } from '../modules/taxonomy/locales';
import { staffTime } from '../modules/time/format-instant';
import { Instant } from '../components/Instant';
import { ScrollingTable } from '../components/ScrollingTable';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const staff = await requireStaff(request, context, locale);
  const filter = parseQueueFilter(new URL(request.url).searchParams);
  const [page, counts, forums] = await Promise.all([
    listQueuePage(context.db, filter, staff.forums),
    queueCounts(context.db, filter, staff.forums),
    listForums(context.db),
  ]);
  const visibleForums = forums.filter((f) => mayModerate(staff, f.id)).map((f) => ({ id: f.id, name: pickLabel(f.name, locale) }));
  // Bulk acceptance may schedule publication: in the filtered forum's time zone, else in UTC.
  const scheduleForum = forums.find((f) => f.id === filter.forum && mayModerate(staff, f.id));
  return {
    schedule: scheduleForum ? { zone: scheduleForum.timeZone, default: defaultPublishAt(scheduleForum), forum: scheduleForum.id } : { zone: 'UTC', default: '', forum: '' },
    filter,
    counts,
    forums: visibleForums,
    countries: Object.keys(counts.country).map((code) => ({ code, name: countryName(code, locale) })).sort((a, b) => a.name.localeCompare(b.name, locale)),
    next: page.next ? queueQuery(filter, { after: page.next }) : null,
    rows: page.rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      language: r.language,
      version: r.version,
      forum: pickLabel(r.forumName, locale),
      constituency: constituencyLabel(r.constituency, locale),
      country: countryName(r.country, locale),
      receivedAt: staffTime(r.receivedAt, locale),
      revised: Boolean(r.revisedAt),
      likelyPersonalData: r.likelyPersonalData,
      hasAttachments: r.hasAttachments,
      claimedBy: r.claimantName,
      similar: r.similarCount > 0 ? { count: r.similarCount, query: queueQuery({ stage: filter.stage, order: 'oldest', group: r.similarGroup! }) } : null,
    })),
  };
}

export const meta: MetaFunction = ({ params }) => [{ title: translator(localeFromParams(params))('staff.queue.title') }];

/** Bulk decisions on the ticked inputs: accept, reject (with a category and one message) or spam. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const locale = requireLocale(params);
  const { staff, form } = await requireStaffForm(request, context, locale);
  const items = parseBulkItems(form.getAll('item').map(String));
  const intent = String(form.get('bulk') ?? '');
  if (items.length === 0) return data({ problem: 'none_selected' as const }, { status: 400 });
  if (intent !== 'accept' && intent !== 'reject' && intent !== 'spam') return data({ problem: 'invalid' as const }, { status: 400 });
  // A time typed for the ticked inputs is read in the zone the form showed: the filtered forum's, or UTC.
  const zoneForum = await findForumById(context.db, String(form.get('scheduleForum') ?? '') || undefined);
  const zone = zoneForum && mayModerate(staff, zoneForum.id) ? zoneForum.timeZone : 'UTC';
  const read = await readDecision(form, intent, { findOriginal: async () => undefined, timeZone: zone });
  // Refused: the problems, and the form as it was (ticked inputs included), so nothing is lost.
  if (!read.ok) {
    const typed = { bulk: intent, items: items.map((i) => `${i.id}:${i.version}`), publish: String(form.get('publish') ?? 'now'), ...read.problems.values };
    return data({ problem: 'fields' as const, errors: read.problems.errors, typed }, { status: 400 });
  }
  if (read.request.decision === 'duplicate' || read.request.decision === 'changes_requested') return data({ problem: 'invalid' as const }, { status: 400 });
  const result = await decideMany(context.db, { items, staffId: staff.id, request: read.request, mayModerate: (forumId) => mayModerate(staff, forumId) });
  return { problem: null, result };
}


export default function ModerationQueue() {
  const { filter, counts, forums, countries, rows, next, schedule } = useLoaderData<typeof loader>();
  const twoFactorOn = useSearchParams()[0].get('twoFactor') === 'on';
  const result = useActionData<typeof action>();
  const { locale, t } = useLocale();
  const refused = result?.problem === 'fields' ? result : undefined;
  const errorOf = (field: 'publishAt' | 'category' | 'reason') => {
    const found = refused?.errors.find((e) => e.field === field);
    return found ? decisionErrorMessage(field, found.error, t) : undefined;
  };
  const bulkLabels = { publishAt: t('publication.publishAt', { zone: schedule.zone }), category: t('staff.bulk.category'), reason: t('staff.bulk.reason') };
  const problems = (['publishAt', 'category', 'reason'] as const).filter((f) => errorOf(f)).map((f) => ({ field: f, label: bulkLabels[f], message: errorOf(f)! }));
  return (
    <>
      <h1>{t('staff.queue.title')}</h1>
      <ErrorSummary title={t('form.errorSummary', { count: problems.length })} errors={problems} />
      {twoFactorOn ? <p className="notice" role="status">{t('staff.totp.justEnabled')}</p> : null}
      <QueueFilters filter={filter} counts={counts} forums={forums} countries={countries} />
      {filter.forum ? <p><Link to={`/${locale}/staff/forums/${filter.forum}/coverage`}>{t('coverage.staffLink')}</Link></p> : null}
      {result?.problem === null ? (
        <div className="notice" role="status">
          <p>{t('staff.bulk.done', { count: result.result.decided })}</p>
          {result.result.skipped.length > 0 ? (
            <ul>{result.result.skipped.map((s) => <li key={s.reference}><bdi>{s.reference}</bdi>: {t(`staff.bulk.skipped.${s.reason}`)}</li>)}</ul>
          ) : null}
        </div>
      ) : result?.problem && result.problem !== 'fields' ? (
        <p className="notice notice-error" role="alert">{t(result.problem === 'none_selected' ? 'staff.bulk.noneSelected' : 'error.form')}</p>
      ) : null}
      {filter.group ? (
        <p className="notice">{t('staff.queue.groupOnly')} <Link to={`/${locale}/staff?${queueQuery(filter, { group: undefined })}`}>{t('staff.queue.groupAll')}</Link></p>
      ) : null}
      <p role="status">{t('staff.queue.matching', { count: counts.total })}</p>
      {rows.length === 0 ? (
        <p>{t('staff.queue.empty')}</p>
      ) : (
        <Form method="post">
          <CsrfField />
          <ScrollingTable label={t('staff.queue.caption')}>
            <caption className="visually-hidden">{t('staff.queue.caption')}</caption>
            <thead>
              <tr>
                <th scope="col"><span className="visually-hidden">{t('staff.queue.select')}</span></th>
                <th scope="col">{t('staff.col.reference')}</th>
                <th scope="col">{t('staff.col.title')}</th>
                <th scope="col">{t('staff.col.forum')}</th>
                <th scope="col">{t('staff.col.from')}</th>
                <th scope="col">{t('staff.col.received')}</th>
                <th scope="col">{t('staff.col.notes')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <input type="checkbox" name="item" value={`${r.id}:${r.version}`} aria-label={t('staff.queue.selectOne', { reference: r.reference })}
                      defaultChecked={refused?.typed.items.includes(`${r.id}:${r.version}`)} />
                  </td>
                  <td><Link to={`/${locale}/staff/submissions/${r.id}`}><bdi>{r.reference}</bdi></Link></td>
                  <td lang={r.language} dir="auto">{r.title}</td>
                  <td>{r.forum}</td>
                  <td>{r.constituency} · {r.country}</td>
                  <td><Instant at={r.receivedAt} /></td>
                  <td>
                    {[
                      r.revised ? t('staff.queue.revised') : null,
                      r.likelyPersonalData ? t('staff.queue.personalData') : null,
                      r.hasAttachments ? t('staff.queue.files') : null,
                      r.claimedBy ? t('staff.queue.claimedBy', { name: r.claimedBy }) : null,
                    ].filter(Boolean).join(' · ')}
                    {r.similar ? <> <Link to={`/${locale}/staff?${r.similar.query}`}>{t('staff.queue.similar', { count: r.similar.count })}</Link></> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </ScrollingTable>
          {filter.stage === 'pending' ? (
            <fieldset className="card">
              <legend>{t('staff.bulk.title')}</legend>
              <SelectField
                name="bulk"
                label={t('staff.bulk.decision')}
                defaultValue={refused?.typed.bulk ?? 'accept'}
                options={[
                  { value: 'accept', label: t('staff.detail.accept') },
                  { value: 'reject', label: t('staff.detail.reject') },
                  { value: 'spam', label: t('staff.detail.markSpam') },
                ]}
              />
              <input type="hidden" name="scheduleForum" value={schedule.forum} />
              <PublishTimeFields defaultValue={refused?.typed.publishAt ?? schedule.default} timeZone={schedule.zone} error={errorOf('publishAt')} />
              <SelectField
                name="category"
                label={t('staff.bulk.category')}
                placeholder={t('staff.detail.categoryChoose')}
                defaultValue={refused?.typed.category}
                error={errorOf('category')}
                options={REJECTION_CATEGORIES.map((c) => ({ value: c, label: t(`rejection.${c}`) }))}
              />
              <TextArea name="reason" label={t('staff.bulk.reason')} defaultValue={refused?.typed.reason} error={errorOf('reason')} />
              <button className="button" type="submit">{t('staff.bulk.apply')}</button>
            </fieldset>
          ) : null}
        </Form>
      )}
      {next ? <p><Link to={`?${next}`}>{t('staff.queue.next')}</Link></p> : null}
    </>
  );
}
