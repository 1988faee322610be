import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Interpolate } from '../components/Interpolate';
import { translator } from '../i18n/translate';
import { requireForum } from '../lib/forum-loader.server';
import { requireLocale } from '../lib/require-locale.server';
import { localeFromParams, useLocale } from '../lib/route-locale';
import { ledgerView } from '../modules/publication/ledger-view';
import { moderationLedger } from '../modules/publication/moderation-ledger';
import { UNCONFIRMED_EXPIRY_DAYS } from '../modules/submissions/email-confirmation';
import { ScrollingTable } from '../components/ScrollingTable';

/** The forum's public moderation ledger: counts only, computed on every request. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const locale = requireLocale(params);
  const forum = await requireForum(context, params.slug, locale);
  return { ...ledgerView(await moderationLedger(context.db, forum.id), forum, locale), unconfirmedExpiryDays: UNCONFIRMED_EXPIRY_DAYS };
}

export const meta: MetaFunction<typeof loader> = ({ data, params }) => [
  { title: data ? translator(localeFromParams(params))('ledger.title', { forum: data.forum.name }) : '' },
];

export default function ModerationLedgerPage() {
  const ledger = useLoaderData<typeof loader>();
  const { locale, t } = useLocale();
  const forumPage = `/${locale}/forums/${ledger.forum.slug}`;
  return (
    <article className="ledger">
      <p><Link to={forumPage}><Interpolate template={t('ledger.back')} values={{ forum: ledger.forum.name }} /></Link></p>
      <h1><Interpolate template={t('ledger.title')} values={{ forum: ledger.forum.name }} /></h1>
      <p className="lede">{t('ledger.intro')}</p>
      <p><Interpolate template={t('ledger.asOf')} values={{ date: <time dateTime={ledger.asOfIso}>{ledger.asOf}</time> }} /></p>

      <h2>{t('ledger.section.decisions')}</h2>
      <ScrollingTable label={t('ledger.outcomes.caption')}>
        <caption>{t('ledger.outcomes.caption')}</caption>
        <thead>
          <tr><th scope="col">{t('ledger.col.outcome')}</th><th scope="col" className="num">{t('ledger.col.inputs')}</th></tr>
        </thead>
        <tbody>
          {ledger.outcomes.map((o) => (
            <tr key={o.outcome}><th scope="row">{t(`ledger.outcome.${o.outcome}`)}</th><td className="num">{o.count}</td></tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row">{t('ledger.received')}</th><td className="num">{ledger.received}</td></tr>
        </tfoot>
      </ScrollingTable>
      <ScrollingTable label={t('ledger.rejected.caption')}>
        <caption>{t('ledger.rejected.caption')}</caption>
        <thead>
          <tr><th scope="col">{t('ledger.col.reason')}</th><th scope="col" className="num">{t('ledger.col.inputs')}</th></tr>
        </thead>
        <tbody>
          {ledger.rejected.map((r) => (
            <tr key={r.category}><th scope="row">{t(`rejection.${r.category}`)}</th><td className="num">{r.count}</td></tr>
          ))}
        </tbody>
        <tfoot>
          <tr><th scope="row">{t('ledger.rejected.total')}</th><td className="num">{ledger.rejectedTotal}</td></tr>
        </tfoot>
      </ScrollingTable>

      <h2>{t('ledger.section.senders')}</h2>
      <p>{t('ledger.meaning.senders')}</p>
      <BreakdownTable caption={t('ledger.constituency.caption')} keyHeader={t('input.constituency')} rows={ledger.byConstituency} />
      <BreakdownTable caption={t('ledger.region.caption')} keyHeader={t('input.region')} rows={ledger.byRegion} />

      <h2>{t('ledger.meaning.title')}</h2>
      <p>{t('ledger.meaning.outcomes')}</p>
      <dl className="ledger-terms">
        <div>
          <dt>{t('ledger.col.received')}</dt>
          <dd>{t('ledger.meaning.received', { days: ledger.unconfirmedExpiryDays })}</dd>
        </div>
        {ledger.outcomes.map((o) => (
          <div key={o.outcome}>
            <dt>{t(`ledger.outcome.${o.outcome}`)}</dt>
            <dd>{t(`ledger.meaning.${o.outcome}`)}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

function BreakdownTable({ caption, keyHeader, rows }: { caption: string; keyHeader: string; rows: Array<{ key: string; label: string; received: string; published: string }> }) {
  const { t } = useLocale();
  return (
    <ScrollingTable label={caption}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          <th scope="col" className="num">{t('ledger.col.received')}</th>
          <th scope="col" className="num">{t('ledger.col.published')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}><th scope="row">{r.label}</th><td className="num">{r.received}</td><td className="num">{r.published}</td></tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
