/**
 * Minimum fill time: the form carries the instant it was issued, signed so it cannot be forged,
 * and a submission that comes back faster than a person could type is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MIN_FILL_SECONDS = 3;

function sign(issuedAt: number, secret: string): string {
  return createHmac('sha256', secret).update(`form-issued:${issuedAt}`).digest('base64url');
}

export function issueFormStamp(secret: string, now = Date.now()): string {
  return `${now}.${sign(now, secret)}`;
}

export type StampCheck = 'ok' | 'too_fast' | 'invalid';

export function checkFormStamp(stamp: unknown, secret: string, now = Date.now()): StampCheck {
  if (typeof stamp !== 'string') return 'invalid';
  const [issued, mac] = stamp.split('.');
  const issuedAt = Number(issued);
  if (!Number.isSafeInteger(issuedAt) || !mac) return 'invalid';
  const expected = Buffer.from(sign(issuedAt, secret));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  return now - issuedAt < MIN_FILL_SECONDS * 1000 ? 'too_fast' : 'ok';
}
