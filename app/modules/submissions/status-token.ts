import { createHash, randomBytes } from 'node:crypto';

/** A status-link token: 256 random bits, URL-safe. Only its hash is kept in the database. */
export function newStatusToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashStatusToken(token) };
}

export function hashStatusToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Shape check before any database look-up: 43 base64url characters. */
export function looksLikeStatusToken(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
