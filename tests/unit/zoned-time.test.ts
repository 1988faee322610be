import { describe, expect, it } from 'vitest';
import { isValidTimeZone, localInZone, localToUtc, parseLocalInput, toLocalInput, type LocalDateTime } from '../../app/modules/time/zoned-time';

const at = (value: string, zone: string) => {
  const local = parseLocalInput(value);
  if (!local) throw new Error(`unreadable ${value}`);
  return localToUtc(local, zone);
};
const iso = (value: string, zone: string) => {
  const r = at(value, zone);
  return r.ok ? r.at.toISOString() : r.reason;
};

describe('wall-clock time in a zone → instant', () => {
  it('applies the offset in force on that date, summer or winter', () => {
    expect(iso('2026-06-15T17:00', 'America/New_York')).toBe('2026-06-15T21:00:00.000Z'); // EDT, UTC−4
    expect(iso('2026-01-15T17:00', 'America/New_York')).toBe('2026-01-15T22:00:00.000Z'); // EST, UTC−5
    expect(iso('2026-07-01T23:59:59', 'Europe/Zurich')).toBe('2026-07-01T21:59:59.000Z');
    expect(iso('2026-12-31T23:59', 'Asia/Bangkok')).toBe('2026-12-31T16:59:00.000Z'); // no DST
    expect(iso('2026-03-01T12:00', 'UTC')).toBe('2026-03-01T12:00:00.000Z');
    expect(iso('2026-03-01T12:00', 'Asia/Kolkata')).toBe('2026-03-01T06:30:00.000Z'); // half-hour offset
    expect(iso('2026-03-01T12:00', 'Asia/Kathmandu')).toBe('2026-03-01T06:15:00.000Z'); // quarter-hour offset
  });

  it('is exact on both sides of a spring-forward change, and refuses the skipped hour', () => {
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT.
    expect(iso('2026-03-08T01:59:59', 'America/New_York')).toBe('2026-03-08T06:59:59.000Z');
    expect(iso('2026-03-08T02:00', 'America/New_York')).toBe('gap');
    expect(iso('2026-03-08T02:30', 'America/New_York')).toBe('gap');
    expect(iso('2026-03-08T03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
    // Beirut changes at midnight: 29 March 2026 00:00–00:59 does not exist.
    expect(iso('2026-03-29T00:30', 'Asia/Beirut')).toBe('gap');
    expect(iso('2026-03-29T01:00', 'Asia/Beirut')).toBe('2026-03-28T22:00:00.000Z');
    // Lord Howe Island moves its clocks by half an hour.
    expect(iso('2026-10-04T02:15', 'Australia/Lord_Howe')).toBe('gap');
  });

  it('takes the earlier of the two instants in a fall-back hour', () => {
    // New York, 1 November 2026: 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(iso('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(iso('2026-11-01T00:59', 'America/New_York')).toBe('2026-11-01T04:59:00.000Z');
    expect(iso('2026-11-01T02:00', 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
    // Southern hemisphere: Santiago falls back in April.
    expect(iso('2026-04-04T23:30', 'America/Santiago')).toBe('2026-04-05T02:30:00.000Z');
  });

  it('knows a whole skipped day (Samoa crossed the date line in 2011)', () => {
    expect(iso('2011-12-30T12:00', 'Pacific/Apia')).toBe('gap');
    expect(iso('2011-12-31T00:00', 'Pacific/Apia')).toBe('2011-12-30T10:00:00.000Z');
  });

  it('round-trips through the form value in any zone', () => {
    for (const zone of ['America/New_York', 'Asia/Beirut', 'Pacific/Chatham', 'Africa/Casablanca', 'Europe/Dublin']) {
      for (const instant of ['2026-01-10T15:00:00Z', '2026-07-10T09:45:30Z', '2026-11-01T06:30:00Z']) {
        const value = toLocalInput(new Date(instant), zone);
        const back = at(value, zone);
        // A fall-back reading names two instants; the earlier comes back, never a wrong hour.
        expect(back.ok && toLocalInput(back.at, zone)).toBe(value);
      }
    }
    expect(toLocalInput(new Date('2026-06-15T21:00:00Z'), 'America/New_York')).toBe('2026-06-15T17:00');
    expect(toLocalInput(new Date('2026-06-15T21:00:05Z'), 'America/New_York')).toBe('2026-06-15T17:00:05');
  });

  it('refuses unknown zones and impossible dates', () => {
    const noon: LocalDateTime = { year: 2026, month: 2, day: 29, hour: 12, minute: 0, second: 0 };
    expect(localToUtc(noon, 'UTC')).toEqual({ ok: false, reason: 'invalid' }); // 2026 is not a leap year
    expect(localToUtc({ ...noon, day: 28 }, 'Mars/Olympus_Mons')).toEqual({ ok: false, reason: 'invalid' });
    expect(parseLocalInput('2028-02-29T12:00')).toBeDefined();
    for (const bad of ['2026-13-01T10:00', '2026-04-31T10:00', '2026-04-01T24:00', '2026-04-01', 'tomorrow', '2026-04-01T10:00Z']) {
      expect(parseLocalInput(bad), bad).toBeUndefined();
    }
    expect(isValidTimeZone('Europe/Zurich')).toBe(true);
    expect(isValidTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    for (const bad of ['Europe/Genev', 'GMT+5', '+03:00', '', 'EST5EDT ', 'Europe/../etc']) expect(isValidTimeZone(bad), bad).toBe(false);
  });

  it('reads an instant on the wall clock of a zone', () => {
    expect(localInZone(new Date('2026-11-01T06:30:00Z'), 'America/New_York')).toEqual({ year: 2026, month: 11, day: 1, hour: 1, minute: 30, second: 0 });
  });
});
