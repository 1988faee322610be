import { boundedMemo } from '../memo/bounded-memo';

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
  const format = formatter(`staff ${locale}`, () =>
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }),
  );
  return { iso: at.toISOString(), text: format.format(at) };
}

/** The instant as a reader in `locale` expects it, in the given IANA zone, naming the zone. */
export function formatInZone(at: Date, locale: string, timeZone: string): string {
  const format = formatter(`zoned ${locale} ${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'medium', timeZone, hourCycle: 'h23' }));
  return `${format.format(at)} (${timeZone})`;
}

/**
 * Making an Intl.DateTimeFormat loads locale and zone data (about 0.2 ms, most of a receipt's date
 * line); formatting with one is cheap. A process meets a few languages and zones: each formatter
 * is made once. An unknown zone or locale still throws, from `make`, as before.
 */
const formatter = boundedMemo<Intl.DateTimeFormat>(500);
