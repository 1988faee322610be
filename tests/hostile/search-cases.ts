/**
 * Hostile searches of the public record (the listing page and the API): answered without a 5xx;
 * a page shows the words searched back exactly as typed, as text.
 */
import { answered, make } from './build';
import type { CaseContext, HostileCase, Text } from './types';

const page = (query: Text) => ({ via: 'search' as const, where: 'page' as const, query });
const apiQuery = (query: Text) => ({ via: 'search' as const, where: 'api' as const, query });
const markup = (c: CaseContext) => `<img src=x onerror=fetch('${c.canary}')><script src="${c.canary}"></script>`;

export const SEARCH_CASES: HostileCase[] = [
  make('search-page-markup-q', 'markup and script', 'search page q', page((c) => `q=${encodeURIComponent(markup(c))}`), answered(200, markup), true),
  make('search-page-nul-q', 'invalid UTF-8 and NUL bytes', 'search page q', page('q=mig%00rant'), answered(200, 'mig rant')),
  make('search-api-nul-q', 'invalid UTF-8 and NUL bytes', 'search API q', apiQuery('q=%00%01'), answered(200)),
  make('search-staff-nul-q', 'invalid UTF-8 and NUL bytes', 'staff queue q', { via: 'search', where: 'staff', query: 'q=x%00y&stage=accepted' }, answered(200, 'x y')),
  make('search-staff-markup-q', 'markup and script', 'staff queue q', { via: 'search', where: 'staff', query: (c) => `q=${encodeURIComponent(markup(c))}` }, answered(200, markup), true),
  make('search-page-invalid-utf8-q', 'invalid UTF-8 and NUL bytes', 'search page q', page('q=%FF%FEmigrant%C0%AF'), answered()),
  make('search-page-array-and-duplicate-q', 'duplicate parameters', 'search page q', page('q[]=a&q=migrant&q=worker&objective=7&objective=7'), answered()),
  make('search-page-5000-char-q', 'oversized fields and bodies', 'search page q', page(`q=${'migrant '.repeat(625)}`), answered()),
  make('search-api-201-char-q', 'oversized fields and bodies', 'search API q', apiQuery(`q=${'m'.repeat(201)}`), answered(400, undefined, 'invalid-query')),
  make('search-page-forged-cursor', 'SQL-looking strings', 'search page after', page(`after=${encodeURIComponent("'; DROP TABLE submissions;--")}`), answered()),
  make('search-api-forged-cursor', 'SQL-looking strings', 'search API cursor', apiQuery(`cursor=${encodeURIComponent("1' OR '1'='1")}`), answered(400, undefined, 'invalid-query')),
  make('search-page-bidi-q', 'control and bidi-override characters', 'search page q', page(`q=${encodeURIComponent('\u202Etnargim')}`), answered()),
];
