/**
 * What a coverage page shows, in one interface language: labels and numbers formatted on the
 * server, so the page reads the same without JavaScript.
 */
import type { Forum } from '../../../db/schema';
import { constituencyLabel } from '../taxonomy/constituencies';
import { languageName, pickLabel } from '../taxonomy/locales';
import { objectiveLabel } from '../taxonomy/objectives';
import { regionLabel } from '../taxonomy/regions';
import type { Coverage, CountGrid } from './coverage';

export function coverageView(coverage: Coverage, forum: Forum, locale: string) {
  const number = new Intl.NumberFormat(locale);
  const week = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const gridView = (g: CountGrid, columnLabel: (key: string, locale: string) => string) => ({
    rows: g.rows.map((k) => objectiveLabel(k, locale)),
    columns: g.columns.map((k) => columnLabel(k, locale)),
    counts: g.counts,
    shown: g.counts.map((row) => row.map((n) => number.format(n))),
  });
  return {
    forum: { slug: forum.slug, name: pickLabel(forum.name, locale) },
    total: number.format(coverage.total),
    empty: coverage.total === 0,
    byConstituency: gridView(coverage.byConstituency, constituencyLabel),
    byRegion: gridView(coverage.byRegion, regionLabel),
    byLanguage: coverage.byLanguage.map((l) => ({ label: languageName(l.key, locale), value: l.count, shown: number.format(l.count) })),
    byWeek: coverage.byWeek.map((w) => ({ label: week.format(w.weekStart), iso: w.weekStart.toISOString().slice(0, 10), value: w.count, shown: number.format(w.count) })),
  };
}

export type CoverageView = ReturnType<typeof coverageView>;
