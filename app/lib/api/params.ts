/**
 * Path and query values of the API, checked before they reach SQL: a value of the wrong shape
 * names nothing (404) rather than reaching PostgreSQL (which refuses NUL bytes with an error).
 */
import type { ListingPosition } from '../../modules/publication/public-inputs';
import { isReference } from '../../modules/submissions/reference';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugParam(value: string | undefined): string | undefined {
  return value !== undefined && value.length <= 80 && SLUG.test(value) ? value : undefined;
}

export function referenceParam(value: string | undefined): string | undefined {
  return value !== undefined && isReference(value) ? value : undefined;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `limit`: 1 to MAX_PAGE_SIZE, default DEFAULT_PAGE_SIZE; undefined when malformed. */
export function pageSizeParam(value: string | null): number | undefined {
  if (value === null) return DEFAULT_PAGE_SIZE;
  if (!/^\d{1,3}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= MAX_PAGE_SIZE ? n : undefined;
}

const POSITION_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The opaque cursor of a listing page: where the previous page ended, base64url-encoded. */
export function encodeCursor(position: ListingPosition): string {
  return Buffer.from(JSON.stringify([position.publishedAt, position.reference])).toString('base64url');
}

/** The position in a cursor, or 'invalid' for anything this server did not make. */
export function decodeCursor(value: string | null): ListingPosition | undefined | 'invalid' {
  if (value === null) return undefined;
  if (value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) return 'invalid';
  try {
    const decoded: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length !== 2) return 'invalid';
    const [publishedAt, reference] = decoded;
    if (typeof publishedAt !== 'string' || !isRealInstant(publishedAt)) return 'invalid';
    if (typeof reference !== 'string' || !isReference(reference)) return 'invalid';
    const position = { publishedAt, reference };
    // Only the exact text this server made: base64 decoding forgives stray characters.
    return encodeCursor(position) === value ? position : 'invalid';
  } catch {
    return 'invalid';
  }
}

/** A UTC instant to the microsecond that names a real date (no 30 February: PostgreSQL would refuse it). */
function isRealInstant(value: string): boolean {
  if (!POSITION_INSTANT.test(value)) return false;
  const millis = new Date(`${value.slice(0, 23)}Z`);
  return !Number.isNaN(millis.getTime()) && millis.toISOString().slice(0, 23) === value.slice(0, 23);
}
