import { messageForms } from '../i18n/translate';
import { useLocale } from '../lib/route-locale';

/**
 * The same instant in the visitor's own time zone, which only the browser knows: the enhance script
 * (app/enhance/visitor-times.ts) fills this when the visitor's zone is not the forum's. It keeps its
 * line either way (styles.css), so filling it moves nothing.
 */
export function VisitorTime({ at, forumZone }: { at: string; forumZone: string }) {
  const { locale } = useLocale();
  return (
    <span className="visitor-time" data-instant={at} data-zone={forumZone} data-message={JSON.stringify(messageForms(locale, 'call.yourTime'))} />
  );
}
