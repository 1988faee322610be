import type { CallState } from '../modules/forums/call-window';
import type { Translate } from '../i18n/translate';

/** The call's state in words (never colour alone) with the relevant date. */
export function CallStatus({ state, opensAt, closesAt, t }: { state: CallState; opensAt: string; closesAt: string; t: Translate }) {
  if (state === 'open') return <p><span className="badge badge-open">{t('call.open')}</span> {t('call.closes', { date: closesAt })}</p>;
  if (state === 'upcoming') return <p><span className="badge badge-closed">{t('call.upcoming')}</span> {t('call.opens', { date: opensAt })}</p>;
  return <p><span className="badge badge-closed">{t('call.closed')}</span> {t('call.closedOn', { date: closesAt })}</p>;
}
