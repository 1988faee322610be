/** "2026-11-22 22:50:19 UTC": unambiguous in every language, as on a legal receipt. */
export function formatUtc(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
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
