/**
 * Wall-clock times in a named IANA zone ↔ instants. Admins state a call's window as people read
 * it ("17:00 New York time"); the database keeps instants. Intl knows every zone's offset history,
 * so no date library is needed: we ask Intl what a candidate instant looks like in the zone and keep
 * the candidates that match (see docs/decisions/004-zoned-times-with-intl.md).
 */
import type { UnLanguage } from '../taxonomy/locales';
import { boundedMemo } from '../memo/bounded-memo';

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export type LocalToUtcResult =
  | { ok: true; at: Date }
  /** `gap`: the wall clock skips this time (clocks go forward), so no instant has it. */
  | { ok: false; reason: 'invalid' | 'gap' };

const DAY_MS = 86_400_000;
const formatters = boundedMemo<Intl.DateTimeFormat>(500);

/** True when Intl accepts the zone; only names that look like IANA ones (or UTC) are allowed. */
export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !(zone === 'UTC' || /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(zone))) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  return formatters(zone, () =>
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }),
  );
}

/** The wall-clock reading of `at` in `zone`. */
export function localInZone(at: Date, zone: string): LocalDateTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone).formatToParts(at)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The local fields read as if they were UTC, in milliseconds (the "naive" time). */
function naiveMs(l: LocalDateTime): number {
  const d = new Date(0);
  d.setUTCFullYear(l.year, l.month - 1, l.day);
  d.setUTCHours(l.hour, l.minute, l.second, 0);
  return d.getTime();
}

/** How far the zone's wall clock is ahead of UTC at `ms` (a whole second). */
function offsetAt(ms: number, zone: string): number {
  return naiveMs(localInZone(new Date(ms), zone)) - ms;
}

/**
 * The instant a wall-clock time in `zone` names. A time the clock skips (spring forward) names no
 * instant and is refused: a deadline must exist. A time the clock shows twice (fall back) names
 * the earlier instant, so a deadline is never later than the admin could have meant.
 */
export function localToUtc(local: LocalDateTime, zone: string): LocalToUtcResult {
  if (!isValidTimeZone(zone) || !isRealDate(local)) return { ok: false, reason: 'invalid' };
  const naive = naiveMs(local);
  // Offsets a day either side cover any single transition around this date (even Samoa's
  // skipped day in 2011); each candidate is kept only if the zone really shows those fields then.
  const offsets = new Set([offsetAt(naive - DAY_MS, zone), offsetAt(naive, zone), offsetAt(naive + DAY_MS, zone)]);
  const matches = [...offsets]
    .map((offset) => naive - offset)
    .filter((ms) => naiveMs(localInZone(new Date(ms), zone)) === naive)
    .sort((a, b) => a - b);
  if (matches.length === 0) return { ok: false, reason: 'gap' };
  return { ok: true, at: new Date(matches[0]) };
}

function isRealDate(l: LocalDateTime): boolean {
  const inRange = (v: number, min: number, max: number) => Number.isInteger(v) && v >= min && v <= max;
  if (!inRange(l.year, 1000, 9999) || !inRange(l.month, 1, 12) || !inRange(l.hour, 0, 23)) return false;
  if (!inRange(l.minute, 0, 59) || !inRange(l.second, 0, 59)) return false;
  const daysInMonth = new Date(Date.UTC(l.year, l.month, 0)).getUTCDate();
  return inRange(l.day, 1, daysInMonth);
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Reads the value of an `<input type="datetime-local">` ("2026-03-08T17:00", seconds optional). */
export function parseLocalInput(value: string): LocalDateTime | undefined {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second = 0] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v)));
  const local = { year, month, day, hour, minute, second };
  return isRealDate(local) ? local : undefined;
}

/** The value for an `<input type="datetime-local">` showing `at` in `zone` (seconds only if any). */
export function toLocalInput(at: Date, zone: string): string {
  const l = localInZone(at, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  const base = `${String(l.year).padStart(4, '0')}-${two(l.month)}-${two(l.day)}T${two(l.hour)}:${two(l.minute)}`;
  return l.second ? `${base}:${two(l.second)}` : base;
}

/**
 * Duty stations that host the forums and the regional commissions, offered first by city name
 * (Geneva keeps Zurich's zone: IANA names one city per zone).
 */
export const DUTY_STATIONS: ReadonlyArray<{ zone: string; city: Record<UnLanguage, string> }> = [
  { zone: 'America/New_York', city: { en: 'New York', ar: 'نيويورك', fr: 'New York', es: 'Nueva York', ru: 'Нью-Йорк', zh: '纽约' } },
  { zone: 'Europe/Zurich', city: { en: 'Geneva (ECE)', ar: 'جنيف (اللجنة الاقتصادية لأوروبا)', fr: 'Genève (CEE)', es: 'Ginebra (CEPE)', ru: 'Женева (ЕЭК)', zh: '日内瓦（欧洲经委会）' } },
  { zone: 'Europe/Vienna', city: { en: 'Vienna', ar: 'فيينا', fr: 'Vienne', es: 'Viena', ru: 'Вена', zh: '维也纳' } },
  { zone: 'Africa/Addis_Ababa', city: { en: 'Addis Ababa (ECA)', ar: 'أديس أبابا (اللجنة الاقتصادية لأفريقيا)', fr: 'Addis-Abeba (CEA)', es: 'Addis Abeba (CEPA)', ru: 'Аддис-Абеба (ЭКА)', zh: '亚的斯亚贝巴（非洲经委会）' } },
  { zone: 'Africa/Nairobi', city: { en: 'Nairobi', ar: 'نيروبي', fr: 'Nairobi', es: 'Nairobi', ru: 'Найроби', zh: '内罗毕' } },
  { zone: 'America/Santiago', city: { en: 'Santiago (ECLAC)', ar: 'سانتياغو (اللجنة الاقتصادية لأمريكا اللاتينية)', fr: 'Santiago (CEPALC)', es: 'Santiago (CEPAL)', ru: 'Сантьяго (ЭКЛАК)', zh: '圣地亚哥（拉加经委会）' } },
  { zone: 'Asia/Bangkok', city: { en: 'Bangkok (ESCAP)', ar: 'بانكوك (اللجنة الاقتصادية والاجتماعية لآسيا والمحيط الهادئ)', fr: 'Bangkok (CESAP)', es: 'Bangkok (CESPAP)', ru: 'Бангкок (ЭСКАТО)', zh: '曼谷（亚太经社会）' } },
  { zone: 'Asia/Beirut', city: { en: 'Beirut (ESCWA)', ar: 'بيروت (اللجنة الاقتصادية والاجتماعية لغربي آسيا)', fr: 'Beyrouth (CESAO)', es: 'Beirut (CESPAO)', ru: 'Бейрут (ЭСКЗА)', zh: '贝鲁特（西亚经社会）' } },
];

/** Every zone this server's Intl knows, for the full list after the duty stations. */
export function allTimeZones(): string[] {
  return Intl.supportedValuesOf('timeZone');
}
