/** "2026-11-22 22:50:19 UTC": unambiguous in every language, as on a legal receipt. */
export function formatUtc(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** An instant for a staff page: the words a reader of the page's language expects, and the ISO form for machines. */
export interface StaffInstant {
  iso: string;
  text: string;
}

/**
 * A moment as staff pages show it: to the minute, in UTC with the zone named, as the page's
 * language writes dates ("Nov 22, 2026, 10:50 PM UTC", "22 نوفمبر 2026، 10:50 م UTC"). Made on the
 * server, in loaders and actions: a browser's ICU data may word dates differently, and staff pages
 * hydrate, so the browser must show the text its server rendered (components/Instant.tsx).
 */
export function staffTime(at: Date, locale: string): StaffInstant {
  const text = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(at);
  return { iso: at.toISOString(), text };
}

/** The instant as a reader in `locale` expects it, in the given IANA zone, naming the zone. */
export function formatInZone(at: Date, locale: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'medium',
    timeZone,
    hourCycle: 'h23',
  }).format(at);
  return `${text} (${timeZone})`;
}
