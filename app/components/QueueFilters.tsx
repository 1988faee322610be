import { Form, Link } from '@remix-run/react';
import { useLocale } from '../lib/route-locale';
import { FilterSelect } from './FilterSelect';
import type { QueueCounts } from '../modules/moderation/moderation-queue';
import { QUEUE_STAGES, queueQuery, type QueueFilter } from '../modules/moderation/queue-filter';
import { CONSTITUENCY_KEYS, constituencyLabel } from '../modules/taxonomy/constituencies';
import { languageName, UN_LANGUAGES } from '../modules/taxonomy/locales';
import { OBJECTIVE_KEYS, objectiveLabel } from '../modules/taxonomy/objectives';
import { REGION_KEYS, regionLabel } from '../modules/taxonomy/regions';

/**
 * The queue's filters: a plain GET form (works without JavaScript, and the address can be
 * bookmarked or shared with a colleague). Each choice shows how many matching inputs it has.
 */
export function QueueFilters({
  filter,
  counts,
  forums,
  countries,
}: {
  filter: QueueFilter;
  counts: QueueCounts;
  forums: Array<{ id: string; name: string }>;
  countries: Array<{ code: string; name: string }>;
}) {
  const { locale, t } = useLocale();
  const n = (facet: keyof QueueCounts, key: string) => {
    const value = facet === 'total' ? counts.total : counts[facet][key] ?? 0;
    return ` (${new Intl.NumberFormat(locale).format(value)})`;
  };
  const select = (name: string, label: string, value: string | undefined, options: Array<{ value: string; label: string }>, any = true) => (
    <FilterSelect id={`f-${name}`} name={name} label={label} value={value} options={options} anyLabel={any ? t('staff.filter.any') : undefined} />
  );
  return (
    // Keyed by the filter: the fields are uncontrolled, so a new filter (or "clear") must remount them.
    <Form key={queueQuery(filter)} method="get" className="card queue-filters" role="search" aria-label={t('staff.filter.title')}>
      <div className="field filter-field filter-search">
        <label htmlFor="f-q">{t('staff.filter.search')}</label>
        <input id="f-q" name="q" type="search" dir="auto" defaultValue={filter.q ?? ''} />
      </div>
      {select('stage', t('staff.filter.stage'), filter.stage, QUEUE_STAGES.map((s) => ({ value: s, label: `${t(`stage.${s}`)}${n('stage', s)}` })), false)}
      {select('forum', t('staff.col.forum'), filter.forum, forums.map((f) => ({ value: f.id, label: `${f.name}${n('forum', f.id)}` })))}
      {select('constituency', t('input.constituency'), filter.constituency, CONSTITUENCY_KEYS.map((c) => ({ value: c, label: `${constituencyLabel(c, locale)}${n('constituency', c)}` })))}
      {select('region', t('input.region'), filter.region, REGION_KEYS.map((r) => ({ value: r, label: `${regionLabel(r, locale)}${n('region', r)}` })))}
      {select('country', t('input.country'), filter.country, countries.map((c) => ({ value: c.code, label: `${c.name}${n('country', c.code)}` })))}
      {select('language', t('input.language'), filter.language, UN_LANGUAGES.map((l) => ({ value: l, label: `${languageName(l, locale)}${n('language', l)}` })))}
      {select('objective', t('staff.filter.objective'), filter.objective, OBJECTIVE_KEYS.map((o) => ({ value: o, label: objectiveLabel(o, locale) })))}
      {select('attachments', t('staff.filter.attachments'), filter.attachments, [
        { value: 'yes', label: t('staff.filter.attachments.yes') },
        { value: 'no', label: t('staff.filter.attachments.no') },
      ])}
      {select('flagged', t('staff.filter.flagged'), filter.flagged, [
        { value: 'yes', label: t('staff.filter.flagged.yes') },
        { value: 'similar', label: t('staff.filter.flagged.similar') },
      ])}
      {filter.group ? <input type="hidden" name="group" value={filter.group} /> : null}
      {select('order', t('staff.filter.order'), filter.order, [
        { value: 'oldest', label: t('staff.filter.order.oldest') },
        { value: 'newest', label: t('staff.filter.order.newest') },
      ], false)}
      <p className="actions">
        <button className="button" type="submit">{t('staff.filter.apply')}</button>{' '}
        <Link to={`/${locale}/staff`}>{t('staff.filter.clear')}</Link>
      </p>
    </Form>
  );
}
