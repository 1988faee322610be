/**
 * What the public ledger page shows, in one interface language: taxonomy labels and numbers are
 * formatted here, on the server, so the page reads the same without JavaScript and hydration never
 * meets a browser whose number data differs from the server's.
 */
import type { Forum } from '../../../db/schema';
import { REJECTION_CATEGORIES } from '../../../db/schema/rejection-categories';
import { constituencyLabel } from '../taxonomy/constituencies';
import { pickLabel } from '../taxonomy/locales';
import { regionLabel } from '../taxonomy/regions';
import { formatInZone } from '../time/format-instant';
import { LEDGER_OUTCOMES, type LedgerBreakdownRow, type ModerationLedger } from './moderation-ledger';

export function ledgerView(ledger: ModerationLedger, forum: Forum, locale: string) {
  const number = new Intl.NumberFormat(locale);
  const breakdown = (rows: LedgerBreakdownRow[], label: (key: string, locale: string) => string) =>
    rows.map((r) => ({ key: r.key, label: label(r.key, locale), received: number.format(r.received), published: number.format(r.published) }));
  return {
    forum: { slug: forum.slug, name: pickLabel(forum.name, locale) },
    // In the forum's own zone, naming it, as its deadlines are shown.
    asOf: formatInZone(ledger.asOf, locale, forum.timeZone),
    asOfIso: ledger.asOf.toISOString(),
    received: number.format(ledger.received),
    outcomes: LEDGER_OUTCOMES.map((outcome) => ({ outcome, count: number.format(ledger.outcomes[outcome]) })),
    rejected: REJECTION_CATEGORIES.map((category) => ({ category, count: number.format(ledger.rejectedBy[category]) })),
    rejectedTotal: number.format(ledger.outcomes.rejected),
    byConstituency: breakdown(ledger.byConstituency, constituencyLabel),
    byRegion: breakdown(ledger.byRegion, regionLabel),
  };
}
