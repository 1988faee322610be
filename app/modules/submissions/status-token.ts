import { hashSecretToken, newSecretToken } from '../ids/secret-token';

/** A status-link token: a secret token whose hash alone is kept in the database. */
export const newStatusToken = newSecretToken;
export const hashStatusToken = hashSecretToken;

/** Shape check before any database look-up: 43 base64url characters. */
export function looksLikeStatusToken(value: string | undefined): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
}
