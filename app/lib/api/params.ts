/**
 * Path and query values of the API, checked before they reach SQL: a value of the wrong shape
 * names nothing (404) rather than reaching PostgreSQL (which refuses NUL bytes with an error).
 * Listing cursors are search positions (app/modules/publication/search/search-position.ts).
 */
import { isSlug } from '../../modules/forums/slug';
import { isReference } from '../../modules/submissions/reference';

export function slugParam(value: string | undefined): string | undefined {
  return value !== undefined && isSlug(value) ? value : undefined;
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
