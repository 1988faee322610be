/**
 * Where a page of the public listing starts: the sort key of the last input of the page before
 * (its relevance when sorted by relevance, its publication instant to the microsecond, its
 * reference). It travels in links and API cursors as opaque base64url text, and only text this
 * server made is taken back: anything else is 'invalid' before it can reach SQL.
 */
import { isReference } from '../../submissions/reference';

export interface SearchPosition {
  /** ts_rank as PostgreSQL printed it (a real, exact to the last digit); only when sorted by relevance. */
  rank?: string;
  publishedAt: string;
  reference: string;
}

const POSITION_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const RANK = /^\d{1,3}(?:\.\d{1,12})?(?:e-\d{1,2})?$/;

export function encodePosition(position: SearchPosition): string {
  const parts = position.rank === undefined ? [position.publishedAt, position.reference] : [position.rank, position.publishedAt, position.reference];
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** The position in `value`, undefined when there is none, or 'invalid' for anything this server did not make. */
export function decodePosition(value: string | null | undefined): SearchPosition | undefined | 'invalid' {
  if (value === null || value === undefined) return undefined;
  if (value.length > 200 || !/^[A-Za-z0-9_-]+$/.test(value)) return 'invalid';
  try {
    const decoded: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (!Array.isArray(decoded) || decoded.length < 2 || decoded.length > 3 || !decoded.every((p) => typeof p === 'string')) return 'invalid';
    const [publishedAt, reference] = decoded.slice(-2) as string[];
    const rank = decoded.length === 3 ? (decoded[0] as string) : undefined;
    if (!isRealInstant(publishedAt) || !isReference(reference)) return 'invalid';
    if (rank !== undefined && !RANK.test(rank)) return 'invalid';
    const position: SearchPosition = rank === undefined ? { publishedAt, reference } : { rank, publishedAt, reference };
    // Only the exact text this server made: base64 decoding forgives stray characters.
    return encodePosition(position) === value ? position : 'invalid';
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
