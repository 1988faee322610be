import { Form, Link } from '@remix-run/react';
import { useLocale } from '../lib/route-locale';
import { FilterSelect } from './FilterSelect';
import { isNarrowed, publicSearchQuery, SEARCH_SORTS, type PublicSearch } from '../modules/publication/search/public-search-params';
import { CONSTITUENCY_KEYS, constituencyLabel } from '../modules/taxonomy/constituencies';
import { languageName, UN_LANGUAGES } from '../modules/taxonomy/locales';
import { OBJECTIVE_KEYS, objectiveLabel } from '../modules/taxonomy/objectives';
import { PRINCIPLE_KEYS, principleLabel } from '../modules/taxonomy/principles';
import { REGION_KEYS, regionLabel } from '../modules/taxonomy/regions';
import { SUBMITTER_TYPE_KEYS, submitterTypeLabel } from '../modules/taxonomy/submitter-types';

/**
 * The public listing's search: a plain GET form, so it works without JavaScript and every search
 * has an address to bookmark or share. `forums` is given on the listing across forums only.
 */
export function PublicSearchForm({
  search,
  clearTo,
  countries,
  forums,
}: {
  search: PublicSearch;
  /** Where "clear the search" leads: the same page without a query string. */
  clearTo: string;
  countries: Array<{ code: string; name: string }>;
  forums?: Array<{ slug: string; name: string }>;
}) {
  const { locale, t } = useLocale();
  const select = (name: keyof PublicSearch, label: string, options: Array<{ value: string; label: string }>) => (
    <FilterSelect id={`s-${name}`} name={name} label={label} value={search[name] as string | undefined} options={options} anyLabel={t('search.any')} />
  );
  return (
    // Keyed by the search: the fields are uncontrolled, so a new search (or "clear") must remount them.
    <Form key={publicSearchQuery(search)} method="get" className="card search-form" role="search" aria-label={t('search.form')}>
      <div className="field filter-search">
        <label htmlFor="s-q">{t('search.q')}</label>
        <input id="s-q" name="q" type="search" dir="auto" maxLength={200} defaultValue={search.q ?? ''} aria-describedby="s-q-hint" />
        <p id="s-q-hint" className="hint">{t('search.q.hint')}</p>
      </div>
      <div className="filter-grid">
        {forums ? select('forum', t('search.forum'), forums.map((f) => ({ value: f.slug, label: f.name }))) : null}
        {select('objective', t('search.objective'), OBJECTIVE_KEYS.map((o) => ({ value: o, label: objectiveLabel(o, locale) })))}
        {select('principle', t('search.principle'), PRINCIPLE_KEYS.map((p) => ({ value: p, label: principleLabel(p, locale) })))}
        {select('constituency', t('input.constituency'), CONSTITUENCY_KEYS.map((c) => ({ value: c, label: constituencyLabel(c, locale) })))}
        {select('submitterType', t('input.submitterType'), SUBMITTER_TYPE_KEYS.map((s) => ({ value: s, label: submitterTypeLabel(s, locale) })))}
        {select('region', t('input.region'), REGION_KEYS.map((r) => ({ value: r, label: regionLabel(r, locale) })))}
        {select('country', t('input.country'), countries.map((c) => ({ value: c.code, label: c.name })))}
        {select('language', t('input.language'), UN_LANGUAGES.map((l) => ({ value: l, label: languageName(l, locale) })))}
        <FilterSelect id="s-sort" name="sort" label={t('search.sort')} value={search.sort} options={SEARCH_SORTS.map((s) => ({ value: s, label: t(`search.sort.${s}`) }))} />
      </div>
      <p className="actions">
        <button className="button" type="submit">{t('search.submit')}</button>
        {isNarrowed(search) ? <>{' '}<Link to={clearTo}>{t('search.clear')}</Link></> : null}
      </p>
    </Form>
  );
}
