import type { CallState } from '../modules/forums/call-window';
import type { Translate } from '../i18n/translate';
import { VisitorTime } from './VisitorTime';

export interface CallTimes {
  state: CallState;
  /** Formatted in the forum's zone, naming it. */
  opensAt: string;
  closesAt: string;
  opensAtIso: string;
  closesAtIso: string;
  timeZone: string;
}

/** The call's state in words (never colour alone) with the relevant date, in the forum's zone and the visitor's. */
export function CallStatus({ forum, t }: { forum: CallTimes; t: Translate }) {
  const { state } = forum;
  if (state === 'open') {
    return <p><span className="badge badge-open">{t('call.open')}</span> {t('call.closes', { date: forum.closesAt })}<VisitorTime at={forum.closesAtIso} forumZone={forum.timeZone} /></p>;
  }
  if (state === 'upcoming') {
    return <p><span className="badge badge-closed">{t('call.upcoming')}</span> {t('call.opens', { date: forum.opensAt })}<VisitorTime at={forum.opensAtIso} forumZone={forum.timeZone} /></p>;
  }
  return <p><span className="badge badge-closed">{t('call.closed')}</span> {t('call.closedOn', { date: forum.closesAt })}</p>;
}
