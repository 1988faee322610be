/**
 * Time-based one-time codes (RFC 6238: SHA-1, 6 digits, 30-second steps), the kind every
 * authenticator app reads from a QR code. otpauth does the HOTP arithmetic and base32.
 */
import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;
/** One step either side: a phone clock a little off, or a code typed as it changed. */
const WINDOW = 1;
const ISSUER = 'GCM inputs';

/** A new random 160-bit secret, base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totpFor(secret: string, account = '') {
  return new TOTP({ issuer: ISSUER, label: account, secret: Secret.fromBase32(secret), period: PERIOD_SECONDS, digits: 6 });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string): string {
  return totpFor(secret, account).toString();
}

/** The code for a moment (tests, and nothing else, need to produce codes). */
export function totpCodeAt(secret: string, at: Date): string {
  return totpFor(secret).generate({ timestamp: at.getTime() });
}

/**
 * The time step a code belongs to when it is valid now, else undefined. The caller keeps the last
 * step used and refuses any code at or before it, so an observed code cannot be replayed.
 */
export function matchTotpCode(secret: string, code: string, now = new Date()): number | undefined {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totpFor(secret).validate({ token, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return undefined;
  return Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}
