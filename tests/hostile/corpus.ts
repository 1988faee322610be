/**
 * Every hostile-input case, in the order they run (tests/e2e/hostile-input.test.ts), with a count
 * per class of the reliability design. Ids are unique: each names its test and its canary path.
 */
import { FILE_CASES } from './file-cases';
import { MARKUP_CASES } from './markup-cases';
import { CONTENT_TYPE_CASES, DUPLICATE_CASES, MASS_CASES, OVERSIZED_CASES } from './request-cases';
import { SEARCH_CASES } from './search-cases';
import { CONTROL_CASES, CRLF_CASES, LEGIT_CASES, LOOKALIKE_CASES, SEVERAL_CASES, SQL_CASES, UTF8_CASES } from './text-cases';
import { HOSTILE_CLASSES, type HostileCase, type HostileClass } from './types';

export const CORPUS: HostileCase[] = [
  ...UTF8_CASES,
  ...CONTROL_CASES,
  ...LOOKALIKE_CASES,
  ...CRLF_CASES,
  ...SEVERAL_CASES,
  ...OVERSIZED_CASES,
  ...DUPLICATE_CASES,
  ...CONTENT_TYPE_CASES,
  ...MASS_CASES,
  ...FILE_CASES,
  ...SQL_CASES,
  ...LEGIT_CASES,
  ...SEARCH_CASES,
  ...MARKUP_CASES,
];

const ids = new Set<string>();
for (const c of CORPUS) {
  if (ids.has(c.id)) throw new Error(`hostile case id used twice: ${c.id}`);
  // Ids are part of canary addresses and file names.
  if (!/^[a-z0-9-]+$/.test(c.id) || c.id.length > 64) throw new Error(`hostile case id must be short lower-case words: ${c.id}`);
  ids.add(c.id);
}

export function countsByClass(cases: HostileCase[] = CORPUS): Record<HostileClass, number> {
  const counts = Object.fromEntries(HOSTILE_CLASSES.map((c) => [c, 0])) as Record<HostileClass, number>;
  for (const c of cases) counts[c.class]++;
  return counts;
}
