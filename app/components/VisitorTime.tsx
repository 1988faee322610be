import { useEffect, useState } from 'react';
import { useLocale } from '../lib/route-locale';

/**
 * The same instant in the visitor's own time zone, added once JavaScript runs: the server cannot
 * know the zone, and rendering it only after hydration keeps server and browser output identical.
 * Nothing is added when the visitor is in the forum's zone already.
 */
export function VisitorTime({ at, forumZone }: { at: string; forumZone: string }) {
  const { locale, t } = useLocale();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!own || own === forumZone) return setText(null);
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'medium', timeZone: own, hourCycle: 'h23' }).format(new Date(at));
    setText(t('call.yourTime', { zone: own, date }));
    // `t` is remade every render and follows `locale`, so it is not a dependency of its own.
  }, [at, forumZone, locale]); // eslint-disable-line react-hooks/exhaustive-deps
  return text ? <> <span className="visitor-time">{text}</span></> : null;
}
