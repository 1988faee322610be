import { useLocale } from '../../lib/route-locale';
import type { CoverageView } from '../../modules/publication/coverage-view';
import { directionOf } from '../../modules/taxonomy/locales';
import { Bars } from './Bars';
import { HeatMap } from './HeatMap';
import { ScrollingTable } from '../ScrollingTable';

type Grid = CoverageView['byConstituency'];

/** The coverage maps of a forum, each a picture (SVG) followed by its numbers as a table. */
export function CoverageReport({ view }: { view: CoverageView }) {
  const { locale, t } = useLocale();
  const rtl = directionOf(locale) === 'rtl';
  const gridTable = (grid: Grid, corner: string) => (
    <details className="coverage-table">
      <summary>{t('coverage.table')}</summary>
      <ScrollingTable label={t('coverage.table')}>
          <thead>
            <tr><th scope="col">{corner}</th>{grid.columns.map((c) => <th scope="col" key={c}>{c}</th>)}</tr>
          </thead>
          <tbody>
            {grid.rows.map((r, i) => (
              <tr key={r}><th scope="row">{r}</th>{grid.shown[i].map((n, j) => <td className="num" key={j}>{n}</td>)}</tr>
            ))}
          </tbody>
      </ScrollingTable>
    </details>
  );
  const listTable = (items: Array<{ label: string; shown: string }>, column: string) => (
    <details className="coverage-table">
      <summary>{t('coverage.table')}</summary>
      <ScrollingTable label={t('coverage.table')}>
        <thead><tr><th scope="col">{column}</th><th scope="col" className="num">{t('coverage.col.inputs')}</th></tr></thead>
        <tbody>{items.map((i) => <tr key={i.label}><th scope="row">{i.label}</th><td className="num">{i.shown}</td></tr>)}</tbody>
      </ScrollingTable>
    </details>
  );
  if (view.empty) return <p>{t('coverage.none')}</p>;
  return (
    <>
      <p>{t('coverage.total', { count: view.total })}</p>
      <section aria-labelledby="cov-constituency">
        <h2 id="cov-constituency">{t('coverage.byConstituency')}</h2>
        <HeatMap id="map-constituency" title={t('coverage.byConstituency')} description={t('coverage.byConstituency.desc')} rows={view.byConstituency.rows} columns={view.byConstituency.columns} counts={view.byConstituency.counts} shown={view.byConstituency.shown} rtl={rtl} />
        {gridTable(view.byConstituency, t('coverage.col.objective'))}
      </section>
      <section aria-labelledby="cov-region">
        <h2 id="cov-region">{t('coverage.byRegion')}</h2>
        <HeatMap id="map-region" title={t('coverage.byRegion')} description={t('coverage.byRegion.desc')} rows={view.byRegion.rows} columns={view.byRegion.columns} counts={view.byRegion.counts} shown={view.byRegion.shown} rtl={rtl} />
        {gridTable(view.byRegion, t('coverage.col.objective'))}
      </section>
      <section aria-labelledby="cov-language">
        <h2 id="cov-language">{t('coverage.byLanguage')}</h2>
        <Bars id="bars-language" title={t('coverage.byLanguage')} description={t('coverage.byLanguage.desc')} items={view.byLanguage} rtl={rtl} />
        {listTable(view.byLanguage, t('coverage.col.language'))}
      </section>
      <section aria-labelledby="cov-week">
        <h2 id="cov-week">{t('coverage.byWeek')}</h2>
        <Bars id="bars-week" title={t('coverage.byWeek')} description={t('coverage.byWeek.desc')} items={view.byWeek} rtl={rtl} />
        {listTable(view.byWeek, t('coverage.col.week'))}
      </section>
    </>
  );
}
