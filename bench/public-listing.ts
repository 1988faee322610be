/**
 * Benchmark (not a test): the public listing with 100,000 published inputs. It times the module
 * function the listing pages and the API call (searchPublishedInputs: one page, the count of
 * matches and, with words, the matching passages) under the filters and queries readers use, in
 * several languages, first and deep pages, against a primary-key lookup of one input run among
 * them on the same connection pool: compare the ratios between machines, not the milliseconds.
 * It then shows the plan PostgreSQL chose for each statement, and names any that reads the whole
 * submissions table.
 *
 *   npm run bench -- listing [--inputs 100000 --iterations 30 --warmup 5]
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { parsePublicSearch, type PublicSearch } from '../app/modules/publication/search/public-search-params';
import { countMatches, searchPage, searchPublishedInputs } from '../app/modules/publication/search/search-published-inputs';
import { submissions } from '../db/schema';
import { printPlans, printTimings, seedForums, withBenchDatabase } from './seeded-database';
import { timeRoundRobin, type TimedCase } from './timing';

const { values: args } = parseArgs({
  options: {
    inputs: { type: 'string', default: '100000' },
    iterations: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '5' },
  },
});
const INPUTS = Number(args.inputs);
const ITERATIONS = Number(args.iterations);
const WARMUP = Number(args.warmup);
/** The figure the listing is held to: server time for a page with filters and words. */
const TARGET_MS = 50;

await withBenchDatabase('listing', async (handle, forums, staffId) => {
  const db = handle.db;
  const { arab } = forums;
  const seedSeconds = await seedForums(handle, forums, { confirmed: INPUTS, unconfirmed: 0, publishAll: true, staffId });
  const [sizes] = await handle.sql`
    select count(*)::int as published,
           pg_size_pretty(pg_table_size('submissions')) as table_size,
           pg_size_pretty(pg_table_size('public_search_entries')) as entries_size,
           pg_size_pretty(pg_relation_size('public_search_document')) as search_index,
           pg_size_pretty(pg_relation_size('public_search_facets')) as facets_index
    from public_search_entries`;
  console.log(
    `Seeded in ${seedSeconds.toFixed(1)} s: ${sizes.published} published inputs; ` +
      `inputs ${sizes.table_size}, search entries ${sizes.entries_size}, search index ${sizes.search_index}, filter index ${sizes.facets_index}.`,
  );

  const search = (params: Record<string, string>): PublicSearch => parsePublicSearch(new URLSearchParams(params));
  const scenarios: Array<{ name: string; forumId?: string; search: PublicSearch }> = [
    { name: 'all forums, newest', search: search({}) },
    { name: 'one forum, newest', forumId: arab.id, search: search({}) },
    { name: 'objective 6', search: search({ objective: '6' }) },
    { name: 'one country (JO)', search: search({ country: 'JO' }) },
    { name: 'region + group + language', search: search({ region: 'ESCWA', constituency: 'civil_society', language: 'ar' }) },
    { name: 'principle + objective, oldest', search: search({ principle: 'human_rights', objective: '23', sort: 'oldest' }) },
    { name: '"recruitment" (common), by relevance', search: search({ q: 'recruitment' }) },
    { name: '"recruitment", newest', search: search({ q: 'recruitment', sort: 'newest' }) },
    { name: '"recruitment" + objective 6', search: search({ q: 'recruitment', objective: '6' }) },
    { name: '"التحويلات" (a title word), by relevance', search: search({ q: 'التحويلات' }) },
    { name: '"المهاجرين" + forum', forumId: arab.id, search: search({ q: 'المهاجرين' }) },
    { name: '"移民工人" (Chinese)', search: search({ q: '移民工人' }) },
    { name: '"travailleurs migrants" + country', search: search({ q: 'travailleurs migrants', region: 'ECE' }) },
    { name: '"права мигрантов"', search: search({ q: 'права мигрантов' }) },
    { name: 'word found nowhere', search: search({ q: 'zzyzx' }) },
  ];

  // Each scenario's deep page starts 90% of the way through its matches (of the first 1,000 for
  // searches with words, which count no further), reached by paging there.
  const prepared = [];
  for (const s of scenarios) {
    const { total, capped } = await countMatches(db, s.forumId, s.search);
    const { next } = await searchPage(db, s.forumId, s.search, Math.max(1, Math.floor(total * 0.9)));
    prepared.push({ ...s, matches: capped ? `${total}+` : total, deep: next ? { ...s.search, after: next } : undefined });
  }

  const [middle] = await db.select({ id: submissions.id }).from(submissions).orderBy(submissions.reference).limit(1).offset(Math.floor(INPUTS / 2));
  const cases: Array<TimedCase & { matches?: number | string }> = [
    { name: 'baseline: one input by primary key', run: () => db.select({ id: submissions.id, reference: submissions.reference, title: submissions.title }).from(submissions).where(eq(submissions.id, middle.id)) },
  ];
  for (const s of prepared) {
    cases.push({ name: `${s.name} · first page`, matches: s.matches, run: () => searchPublishedInputs(db, s.forumId, s.search) });
    if (s.deep) cases.push({ name: `${s.name} · deep page`, matches: s.matches, run: () => searchPublishedInputs(db, s.forumId, s.deep!) });
  }

  console.log(`\nTiming ${cases.length} cases round-robin: ${WARMUP} warm-up rounds, ${ITERATIONS} measured rounds.`);
  const timings = await timeRoundRobin(cases, { warmup: WARMUP, iterations: ITERATIONS });
  printTimings(cases, timings);
  const over = timings.slice(1).filter((t) => t.medianMs >= TARGET_MS).map((t) => t.name);
  console.log(over.length ? `\n⚠ Median at or over ${TARGET_MS} ms: ${over.join('; ')}` : `\nEvery case's median is under ${TARGET_MS} ms on this machine.`);

  console.log('\nPlans (EXPLAIN ANALYZE, BUFFERS) of the statements each case sends:');
  const seqScans: string[] = [];
  for (const s of prepared) {
    const runs: Array<[string, PublicSearch]> = [['first page', s.search], ...(s.deep ? [['deep page', s.deep] as [string, PublicSearch]] : [])];
    for (const [label, searched] of runs) {
      seqScans.push(...(await printPlans(handle, `${s.name} · ${label}`, (d) => searchPublishedInputs(d, s.forumId, searched), ['page', 'count', 'passages'])));
    }
  }
  console.log(seqScans.length ? `\n⚠ Seq Scan on a table of inputs in: ${seqScans.join('; ')}` : '\nNo statement reads a whole table of inputs.');
});
