/**
 * The server shows each deadline in the forum's time zone; it cannot know the visitor's. Where the
 * two differ, the same instant is added in the visitor's zone (components/VisitorTime.tsx).
 */
import { pageMessage } from './messages';

export function showVisitorTimes(root: Document): void {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!own) return;
  const lang = root.documentElement.lang;
  for (const place of root.querySelectorAll<HTMLElement>('[data-instant]')) {
    if (place.dataset.zone === own) continue;
    const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'medium', timeZone: own, hourCycle: 'h23' }).format(new Date(place.dataset.instant!));
    place.textContent = pageMessage(place.dataset.message, { zone: own, date });
  }
}
