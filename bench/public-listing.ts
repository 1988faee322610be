/**
 * Benchmark (not a test): the public listing with 100,000 published inputs. It times the module
 * function the listing pages and the API call (searchPublishedInputs: one page, the count of
 * matches and, with words, the matching passages) under the filters and queries readers use, in
 * several languages, first and deep pages. Each case's baseline is the same SQL statements, with
 * the same parameters (and the planner settings the module makes), sent through postgres.js
 * directly and all at once (the least time they can take), timed round-robin with the cases in
 * the same run; a primary-key lookup of one input is shown as the floor of any query. It then
 * shows the plan PostgreSQL chose for each statement, and names any that reads the whole
 * submissions table.
 *
 * Targets: p95 ≤ 25 ms for every case; throughput at least 40% of the baseline's.
 *
 *   npm run bench -- listing [--inputs 100000 --iterations 30 --warmup 5]
 */
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { parsePublicSearch, type PublicSearch } from '../app/modules/publication/search/public-search-params';
import { countMatches, searchPage, searchPublishedInputs } from '../app/modules/publication/search/search-published-inputs';
import { submissions } from '../db/schema';
import { recordStatements } from './query-plans';
import { recordResult, type Figure } from './results';
import { printPlans, printTimings, seedForums, withBenchDatabase } from './seeded-database';
import { timeRoundRobin, type TimedCase, type Timing } from './timing';

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
/** The figures the listing is held to: p95 server time, and throughput against the bare SQL. */
const TARGET_P95_MS = 25;
const TARGET_THROUGHPUT_RATIO = 0.4;

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
    { name: '"travailleurs migrants" + region (ECE)', search: search({ q: 'travailleurs migrants', region: 'ECE' }) },
    { name: '"права мигрантов"', search: search({ q: 'права мигрантов' }) },
    { name: 'word found nowhere', search: search({ q: 'zzyzx' }) },
  ];

  // Each scenario's deep page starts 90% of the way through its matches (of the first 1,000, as
  // counts go no further), reached by paging there.
  const prepared = [];
  for (const s of scenarios) {
    const { total, capped } = await countMatches(db, s.forumId, s.search);
    const { next } = await searchPage(db, s.forumId, s.search, Math.max(1, Math.floor(total * 0.9)));
    prepared.push({ ...s, matches: capped ? `${total}+` : total, deep: next ? { ...s.search, after: next } : undefined });
  }

  const [middle] = await db.select({ id: submissions.id }).from(submissions).orderBy(submissions.reference).limit(1).offset(Math.floor(INPUTS / 2));
  const cases: Array<TimedCase & { matches?: number | string; pairOf?: string }> = [
    { name: 'floor: one input by primary key', run: () => db.select({ id: submissions.id, reference: submissions.reference, title: submissions.title }).from(submissions).where(eq(submissions.id, middle.id)) },
  ];
  for (const s of prepared) {
    const pages: Array<[string, PublicSearch]> = [[`${s.name} · first page`, s.search], ...(s.deep ? [[`${s.name} · deep page`, s.deep] as [string, PublicSearch]] : [])];
    for (const [name, searched] of pages) {
      const statements = await recordStatements(handle.sql, (d) => searchPublishedInputs(d, s.forumId, searched));
      cases.push({ name, matches: s.matches, run: () => searchPublishedInputs(db, s.forumId, searched) });
      // Planner settings the module made (`set local`) go with each statement, in its own
      // transaction, as printPlans does: without them the words searches plan differently.
      const settings = statements.filter((st) => /^set local /i.test(st.query));
      const queries = statements.filter((st) => !settings.includes(st));
      const direct = (st: (typeof queries)[number]) =>
        settings.length === 0
          ? handle.sql.unsafe(st.query, st.params as never[])
          : handle.sql.begin(async (tx) => {
              for (const setting of settings) await tx.unsafe(setting.query);
              return tx.unsafe(st.query, st.params as never[]);
            });
      cases.push({ name: `  same SQL, postgres.js (${queries.length})`, pairOf: name, run: () => Promise.all(queries.map(direct)) });
    }
  }

  console.log(`\nTiming ${cases.length} cases round-robin: ${WARMUP} warm-up rounds, ${ITERATIONS} measured rounds.`);
  const timings = await timeRoundRobin(cases, { warmup: WARMUP, iterations: ITERATIONS });
  printTimings(cases, timings, 60);

  const mean = (t: Timing) => t.samplesMs.reduce((a, b) => a + b, 0) / t.samplesMs.length;
  const pairs = cases.flatMap((c, i) => (c.pairOf ? [{ name: c.pairOf, portal: timings[i - 1], bare: timings[i] }] : []));
  const worst = pairs.reduce((a, b) => (b.portal.p95Ms > a.portal.p95Ms ? b : a));
  // Throughput of a reader sending one request after another: the inverse of the mean time.
  const throughputRatio = pairs.reduce((n, p) => n + mean(p.bare), 0) / pairs.reduce((n, p) => n + mean(p.portal), 0);
  const over = pairs.filter((p) => p.portal.p95Ms > TARGET_P95_MS).map((p) => p.name);
  console.log(over.length ? `\n⚠ p95 over ${TARGET_P95_MS} ms: ${over.join('; ')}` : `\nEvery case's p95 is at most ${TARGET_P95_MS} ms on this machine.`);
  console.log(`Throughput over all cases: ${(throughputRatio * 100).toFixed(0)}% of the same SQL sent directly.`);
  const figures: Figure[] = [
    { name: `slowest case's p95 (${worst.name})`, value: Number(worst.portal.p95Ms.toFixed(1)), unit: 'ms', baseline: Number(worst.bare.p95Ms.toFixed(1)), ratio: worst.portal.p95Ms / worst.bare.p95Ms, target: `≤ ${TARGET_P95_MS} ms`, met: worst.portal.p95Ms <= TARGET_P95_MS },
    { name: 'throughput, all cases in turn', value: Number((1000 / (pairs.reduce((n, p) => n + mean(p.portal), 0) / pairs.length)).toFixed(1)), unit: 'pages/s per connection', baseline: Number((1000 / (pairs.reduce((n, p) => n + mean(p.bare), 0) / pairs.length)).toFixed(1)), ratio: throughputRatio, target: `≥ ${TARGET_THROUGHPUT_RATIO}× baseline`, met: throughputRatio >= TARGET_THROUGHPUT_RATIO },
    ...pairs.map((p) => ({ name: `${p.name}: p95`, value: Number(p.portal.p95Ms.toFixed(1)), unit: 'ms', baseline: Number(p.bare.p95Ms.toFixed(1)), ratio: p.portal.p95Ms / p.bare.p95Ms, target: `≤ ${TARGET_P95_MS} ms`, met: p.portal.p95Ms <= TARGET_P95_MS })),
  ];
  recordResult(`public listing, ${INPUTS.toLocaleString('en')} inputs`, {
    baseline: 'the same SQL statements with the same parameters and planner settings through postgres.js, sent all at once',
    parameters: { inputs: INPUTS, iterations: ITERATIONS, warmup: WARMUP, seedSeconds: Number(seedSeconds.toFixed(1)) },
    figures,
    details: pairs.map((p) => ({ case: p.name, p50: p.portal.medianMs, p95: p.portal.p95Ms, bareP50: p.bare.medianMs, bareP95: p.bare.p95Ms })),
  });

  console.log('\nPlans (EXPLAIN ANALYZE, BUFFERS) of the statements each case sends:');
  const seqScans: string[] = [];
  for (const s of prepared) {
    const runs: Array<[string, PublicSearch]> = [['first page', s.search], ...(s.deep ? [['deep page', s.deep] as [string, PublicSearch]] : [])];
    for (const [label, searched] of runs) {
      seqScans.push(...(await printPlans(handle, `${s.name} · ${label}`, (d) => searchPublishedInputs(d, s.forumId, searched))));
    }
  }
  console.log(seqScans.length ? `\n⚠ Seq Scan on a table of inputs in: ${seqScans.join('; ')}` : '\nNo statement reads a whole table of inputs.');
});
